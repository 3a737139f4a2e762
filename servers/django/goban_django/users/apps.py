"""Configuration of the users app."""

from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "goban_django.users"
    label = "users"
    verbose_name = "Users"
