"""Game records and their moves: the `record` app, whose tables the FastAPI server shares."""
