"""The Goban reference API server: Django, Django REST framework and the Django admin."""
