"""Users: registration, login and the bearer token dependency."""
