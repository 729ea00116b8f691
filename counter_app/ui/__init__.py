"""The PySide6 user interface. Only this package imports Qt; it calls services, never the database."""
