"""Use cases. Each owns its transaction and returns plain data, never live ORM objects.

Nothing here may import Qt (a test enforces it): the UI calls services, not the reverse.
"""
