"""Goban fastapi package."""
