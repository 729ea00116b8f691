"""counter_app: the counter software of a Vietnamese one-stop office (Bộ phận một cửa)."""

__version__ = "0.1.0"
APP_NAME = "counter_app"
