"""Domain logic in plain Python. Nothing here may import Qt (a test enforces it)."""
