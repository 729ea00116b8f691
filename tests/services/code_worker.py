"""Separate processes receiving dossiers, for the concurrency proofs (importable by spawn)."""

from __future__ import annotations

from counter_app.domain.reception import Applicant
from counter_app.domain.staff import Role, StaffMember
from counter_app.services.calendar import CalendarService
from counter_app.services.catalogue import CatalogueService
from counter_app.storage.database import Database

OFFICE = "000.00.06.H56"
PATTERN = "{agency}-{yymmdd}-{seq:04d}"
PROCEDURE = "2.000884"  # a fee and three components: a whole dossier is several rows


def receive_many(url: str, clerk_id: int, procedure_code: str, count: int, received_iso: str) -> list[str]:
    """Receive ``count`` complete dossiers through the counter's intake; their codes, in order."""
    from dataclasses import replace
    from datetime import datetime

    from counter_app.domain.reception import CheckResult, checklist
    from counter_app.services.intake import IntakeService, ReceptionRequest

    db = Database.open(url)
    received = datetime.fromisoformat(received_iso)
    catalogue = CatalogueService(db)
    service = IntakeService(
        db, catalogue, CalendarService(db), office_code=OFFICE, code_pattern=PATTERN, clock=lambda: received
    )
    clerk = StaffMember(clerk_id, "canbo", "Cán bộ", Role.CLERK)
    codes = []
    try:
        rows = [replace(r, result=CheckResult.PASS) for r in checklist(catalogue.get(procedure_code))]
        for i in range(count):
            request = ReceptionRequest(procedure_code, Applicant(f"Công dân {i}", "001095012345"), rows)
            # The same citizen on purpose: every process competes for the same day's counter.
            codes.append(service.receive(clerk, request, confirm_duplicate=True).code)
    finally:
        db.dispose()
    return codes


def register_until_killed(url: str, clerk_id: int, received_iso: str) -> None:
    """Receive whole dossiers (checklist, fee) forever, printing each code only after its commit."""
    from dataclasses import replace
    from datetime import datetime

    from counter_app.domain.reception import CheckResult, FeeMode, PaymentMeans, checklist
    from counter_app.services.intake import IntakeService, ReceptionRequest

    db = Database.open(url)
    received = datetime.fromisoformat(received_iso)
    catalogue = CatalogueService(db)
    service = IntakeService(
        db, catalogue, CalendarService(db), office_code=OFFICE, code_pattern=PATTERN, clock=lambda: received
    )
    clerk = StaffMember(clerk_id, "canbo", "Cán bộ", Role.CLERK)
    rows = [replace(r, result=CheckResult.PASS) for r in checklist(catalogue.get(PROCEDURE))]
    i = 0
    while True:
        request = ReceptionRequest(
            PROCEDURE,
            Applicant(f"Công dân {i}", "001095012345", address="Hà Nội"),
            rows,
            fee_mode=FeeMode.AT_RECEPTION,
            payment_means=PaymentMeans.CASH,
        )
        record = service.receive(clerk, request, confirm_duplicate=True)
        print(record.code, flush=True)
        i += 1


if __name__ == "__main__":
    import sys

    register_until_killed(sys.argv[1], int(sys.argv[2]), sys.argv[3])
