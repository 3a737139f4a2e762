"""HTTP endpoints of the record app, one module per group of endpoints."""
