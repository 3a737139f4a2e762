"""The URL map: the JSON API under /api/ and the Django admin under /admin/."""

from django.contrib import admin
from django.urls import include, path

from goban_django.common.health import HealthApi

urlpatterns = [
    path("api/health/", HealthApi.as_view(), name="health"),
    path("api/", include("goban_django.users.urls")),
    path("api/", include("goban_django.record.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "goban_django.common.exceptions.bad_request"
handler404 = "goban_django.common.exceptions.page_not_found"
handler500 = "goban_django.common.exceptions.server_error"
