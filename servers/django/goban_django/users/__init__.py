"""Accounts: registration, login and the current user, on Django's own auth_user table."""
