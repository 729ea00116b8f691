"""Fixtures of the dossier tests: a clock the test moves, and the intake and later steps on it."""

from __future__ import annotations

from datetime import datetime

import pytest

from counter_app.domain.calendar import VN_TZ
from counter_app.services.dossier_steps import DossierSteps
from counter_app.services.intake import IntakeService
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
def intake(db, catalogue, calendar, clock) -> IntakeService:
    return IntakeService(db, catalogue, calendar, office_code=OFFICE, code_pattern=PATTERN, clock=clock)


@pytest.fixture
def steps(db, catalogue, calendar, clock) -> DossierSteps:
    return DossierSteps(db, catalogue, calendar, clock=clock)
