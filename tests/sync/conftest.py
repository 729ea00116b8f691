"""The reference provincial server over real HTTP on loopback, and an office syncing with it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from counter_app.reference_server.faults import FaultPlan
from counter_app.reference_server.server import ReferenceServer
from counter_app.reference_server.store import ReferenceStore
from counter_app.services.scanning import ScanService
from counter_app.sync.province.rest_client import ContractClient, Credentials
from counter_app.sync.service import SyncService
from tests.services import conftest as services_fixtures
from tests.services.code_worker import OFFICE

SECRET = "s3cret-of-the-office"
clock = services_fixtures.clock  # the dossier tests' clock and services, shared
intake = services_fixtures.intake
steps = services_fixtures.steps


@dataclass
class Province:
    server: ReferenceServer
    store: ReferenceStore
    faults: FaultPlan

    @property
    def url(self) -> str:
        return self.server.url


def start_province(path: Path, port: int = 0) -> Province:
    store = ReferenceStore(path)
    store.add_client(OFFICE, SECRET)
    faults = FaultPlan()
    server = ReferenceServer(("127.0.0.1", port), store, faults)
    server.start_in_thread()
    return Province(server, store, faults)


def stop_province(province: Province) -> None:
    province.server.shutdown()
    province.server.server_close()
    province.store.close()


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Province]:
    running = start_province(tmp_path / "province" / "province.sqlite")
    yield running
    stop_province(running)


def client(url: str, *, read_timeout: float = 10.0, chunk_bytes: int = 4 * 2**20) -> ContractClient:
    credentials = Credentials(OFFICE, SECRET)
    return ContractClient(
        url, credentials, connect_timeout=2.0, read_timeout=read_timeout, chunk_bytes=chunk_bytes
    )


@pytest.fixture
def scans(db, tmp_path: Path) -> ScanService:
    return ScanService(db, tmp_path / "scans")


@pytest.fixture
def sync(db, province, catalogue, calendar, scans, clock) -> Iterator[SyncService]:
    adapter = client(province.url)
    yield SyncService(db, adapter, scans.scans_dir, catalogue, calendar, clock=clock)
    adapter.close()
