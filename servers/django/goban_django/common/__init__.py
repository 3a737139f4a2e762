"""Pieces shared by every API: authentication, parsing, error bodies and response headers."""
