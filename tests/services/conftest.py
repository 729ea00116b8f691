"""Fixtures of the reception tests: a clock the test moves, and the service on it."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.calendar import VN_TZ
from counter_app.services.dossiers import DossierService
from counter_app.services.reception import ReceptionService
from tests.services.code_worker import OFFICE, PATTERN

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=VN_TZ)  # a Thursday


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def reception(db, catalogue, calendar, clock) -> ReceptionService:
    return ReceptionService(
        DossierService(db, catalogue, calendar, office_code=OFFICE, code_pattern=PATTERN, clock=clock)
    )
