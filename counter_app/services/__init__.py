"""Use cases. Each owns its transaction and returns plain data, never live ORM objects.

Nothing here may import Qt or a device (tests/test_architecture.py): the UI calls services, not
the reverse, and what a service needs of a device (the ticket printer, a scanner) is a small
Protocol that ``app.py`` fills with the real one.
"""
