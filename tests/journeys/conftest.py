"""Journeys drive the real windows as people do; they share the UI tests' fixtures."""

from tests.ui.conftest import context, modals, vietnamese_app

__all__ = ["context", "modals", "vietnamese_app"]
