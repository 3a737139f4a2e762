"""URLs of the account endpoints, under /api/."""

from django.urls import path

from goban_django.users.apis import UserLoginApi, UserMeApi, UserRegisterApi

urlpatterns = [
    path("register/", UserRegisterApi.as_view(), name="user-register"),
    path("login/", UserLoginApi.as_view(), name="user-login"),
    path("user/", UserMeApi.as_view(), name="user-me"),
]
