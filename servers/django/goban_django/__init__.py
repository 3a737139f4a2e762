"""Goban django package."""
