"""Exactly once, whatever the network does: a day offline, a storm of faults, expired tokens, a
reset cursor, answers lost after the server committed. The reference server counts."""

from __future__ import annotations

import os
import socket

import pytest

from counter_app.sync.province.adapter import ReplyInvalid, SyncProblem, Unreachable
from counter_app.sync.service import SyncService
from tests.sync.conftest import client, start_province, stop_province
from tests.sync.office_day import issue_many, outbox_by_kind, outbox_counts, receive_many

DOSSIERS = int(os.environ.get("SYNC_DAY_DOSSIERS", "300"))
TICKETS = int(os.environ.get("SYNC_DAY_TICKETS", "1000"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _drain(sync: SyncService, rounds: int = 400) -> int:
    """Rounds until nothing waits; the failures met on the way are counted, not fatal."""
    failures = 0
    for _ in range(rounds):
        try:
            sync.run_round()
        except SyncProblem:
            failures += 1
            continue
        if sync.summary().pending == 0:
            return failures
    raise AssertionError(f"still {sync.summary().pending} waiting after {rounds} rounds")


def test_a_day_offline_arrives_exactly_once(
    db, intake, steps, clerk, scans, catalogue, calendar, clock, tmp_path
):
    port = _free_port()
    adapter = client(f"http://127.0.0.1:{port}")
    sync = SyncService(db, adapter, scans.scans_dir, catalogue, calendar, clock=clock)
    codes = receive_many(intake, steps, scans, clerk, DOSSIERS)
    issue_many(db, TICKETS, clerk)
    with pytest.raises(Unreachable):  # the server is down all day
        sync.run_round()
    waiting = outbox_counts(db)["pending"]
    assert sync.summary().pending == waiting and sync.summary().oldest_pending_at is not None
    province = start_province(tmp_path / "province" / "p.sqlite", port)  # it comes up
    try:
        assert _drain(sync) == 0
        stats = province.store.stats()
        sent = outbox_by_kind(db)
        assert stats.dossiers == DOSSIERS and stats.files_complete == DOSSIERS
        assert stats.items == {"dossier": sent["dossier"], "status": sent["status"], "ticket": sent["ticket"]}
        assert stats.steps == DOSSIERS + DOSSIERS // 2  # received, plus every other one handed over
        assert stats.tickets == TICKETS and stats.duplicates == stats.replays == 0
        assert outbox_counts(db) == {"done": waiting}
        assert sorted(sync.dossier_marks(codes).values()) == ["sent"] * DOSSIERS
    finally:
        adapter.close()
        stop_province(province)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_storm_of_faults_loses_nothing_and_duplicates_nothing(
    db, intake, steps, clerk, scans, sync, province, seed
):
    codes = receive_many(intake, steps, scans, clerk, 40)
    issue_many(db, 120, clerk)
    province.faults.update({"random_rate": 0.35, "seed": seed, "retry_after_seconds": 0})
    sync.batch_items = 15  # many small requests: many chances for a fault
    for round_number in range(400):
        if round_number == 3:
            province.store.expire_tokens()
        if round_number == 5:
            province.store.province_sets_status(codes[0], 9, "20261127100000", "Đã ký")
            province.store.reset_cursors()
        try:
            sync.run_round()
        except SyncProblem:
            continue
        if sync.summary().pending == 0 and round_number > 6:
            break
    province.faults.clear()
    _drain(sync)
    stats = province.store.stats()
    sent = outbox_by_kind(db)
    assert stats.items == {"dossier": sent["dossier"], "status": sent["status"], "ticket": sent["ticket"]}
    assert stats.dossiers == 40 and stats.files_complete == 40 and stats.tickets == 120
    assert stats.duplicates + stats.replays > 0  # answers lost after the server committed, recognised
    assert set(outbox_counts(db)) == {"done"}
    assert steps.record_by_code(codes[0]).status == 9  # the change survived the cursor reset


def test_malformed_answers_are_refused_and_change_nothing(db, intake, steps, clerk, scans, sync, province):
    receive_many(intake, steps, scans, clerk, 3)
    before = outbox_counts(db)
    for fault in ("bad_json", "wrong_types", "huge_body"):
        province.faults.update({"counted": [{"fault": fault, "count": 1, "path_prefix": "/v1/items"}]})
        with pytest.raises(ReplyInvalid):
            sync.run_round()
        assert outbox_counts(db) == before  # nothing marked done on an answer that cannot be read
    _drain(sync)
    stats = province.store.stats()
    assert stats.dossiers == 3 and set(outbox_counts(db)) == {"done"}


def test_an_expired_token_is_renewed_without_the_clerk_noticing(
    db, intake, steps, clerk, scans, sync, province
):
    receive_many(intake, steps, scans, clerk, 1)
    sync.run_round()
    province.store.expire_tokens()
    receive_many(intake, steps, scans, clerk, 1, first=1)
    sync.run_round()
    assert province.store.stats().dossiers == 2


def test_an_upload_resumes_where_the_link_dropped(
    db, intake, steps, clerk, scans, catalogue, calendar, clock, province
):
    from counter_app.imaging.scan_pages import process_page
    from tests.imaging.sample_pages import text_page

    codes = receive_many(intake, steps, scans, clerk, 1)
    record = steps.record_by_code(codes[0])
    big = [process_page(text_page(200, seal=True), 200) for _ in range(3)]  # colour: a large file
    attached = scans.attach(clerk, record.id, 1, big)
    adapter = client(province.url, chunk_bytes=64 * 1024)
    sync = SyncService(db, adapter, scans.scans_dir, catalogue, calendar, clock=clock)
    chunks = attached.size // (64 * 1024)
    assert chunks >= 6
    # Let four chunks through, then drop the connection on the fifth.
    sent_before_drop = 0
    original = adapter.session.request

    def dropping(method, url, *args, **kwargs):
        nonlocal sent_before_drop
        if method == "PUT" and "/v1/uploads/" in url:
            sent_before_drop += 1
            if sent_before_drop == 5:
                province.faults.update({"counted": [{"fault": "drop_before", "count": 1}]})
        return original(method, url, *args, **kwargs)

    adapter.session.request = dropping  # type: ignore[method-assign]
    with pytest.raises(Unreachable):
        sync.run_round()
    adapter.session.request = original  # type: ignore[method-assign]
    sync.run_round()
    assert province.store.completed_files(codes[0])[-1] == ("1", attached.sha256)
    # The four chunks the server had were not sent again.
    assert province.store.bytes_received < attached.size + 2 * 64 * 1024 + 20_000 * 2
    adapter.close()
