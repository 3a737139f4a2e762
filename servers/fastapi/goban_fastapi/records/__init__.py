"""Game records, their moves and SGF."""
