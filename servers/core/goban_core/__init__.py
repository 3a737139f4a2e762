"""Goban core package."""
