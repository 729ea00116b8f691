"""The queue's two hot paths as SQL: issuing a ticket and calling the next one.

PostgreSQL: each is ONE statement (data-modifying CTEs), run in autocommit: a kiosk's tap or a
counter's "next" is one round trip and one commit, and atomic as every single statement is
(kill -9 of the client leaves all of it or none). Every write in it is guarded by the check the
caller would otherwise make first (the area exists, the counter serves an area), so a refused
action writes nothing and nothing has to be rolled back.

SQLite: no data-modifying CTEs, so a few statements in one BEGIN IMMEDIATE transaction; the single
writer makes them as safe, and with no network what counts is Python's cost per statement, kept
low by plain Core statements built once (SQLAlchemy caches their compiled form).

Nothing here is cached in Python. The counter's areas, the priority policy, the day's priority
count and the open counters are read inside these statements (index lookups on small tables), so
an admin's change saved on this PC or any other applies to the very next ticket or call: there is
no cache to invalidate, and no stale window to reason about.

The outbox rows of the province's waiting-time figures are written in the same statement or
transaction. On PostgreSQL the payload is built in SQL from the row just written; it mirrors
:func:`counter_app.sync.outbox.ticket_payload` field for field (tests/services/test_queue_statements.py
compares the two on both engines).
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnClause,
    Date,
    Integer,
    String,
    Table,
    TextClause,
    TextualSelect,
    bindparam,
    column,
    insert,
    text,
)
from sqlalchemy.sql.dml import Insert
from sqlalchemy.types import TypeEngine

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.queue import NUMBER_DIGITS, PolicyKind, TicketState
from counter_app.storage import models
from counter_app.sync import outbox

RECENT_SERVICES = 20  # finished tickets the wait estimate learns from

_WAITING, _CALLED = TicketState.WAITING.value, TicketState.CALLED.value
_SERVING, _DONE = TicketState.SERVING.value, TicketState.DONE.value
_STRICT, _INTERLEAVE = PolicyKind.STRICT.value, PolicyKind.INTERLEAVE.value
_VN_HOURS = int((VN_TZ.utcoffset(None).total_seconds()) // 3600)  # no summer time since 1975

# The columns a TicketView is made of, in this order, as the call statements return them.
VIEW_COLUMNS = (
    "id",
    "label",
    "service_code",
    "priority",
    "priority_group",
    "state",
    "issued_at",
    "called_at",
    "counter_number",
    "target_counter",
    "call_count",
)
# The columns outbox.ticket_payload reads (SQLite builds the payload in Python from them).
PAYLOAD_COLUMNS = (
    "id",
    "office_code",
    "day",
    "label",
    "service_code",
    "priority",
    "priority_group",
    "state",
    "issued_at",
    "first_called_at",
    "called_at",
    "finished_at",
    "counter_number",
    "call_count",
)


def _params(statement: TextClause) -> TextClause:
    """Types for the binds every statement here shares: moments in, as the models store them."""
    names = set(statement._bindparams)
    typed: dict[str, TypeEngine[Any]] = {
        "office": String(),
        "day": Date(),
        "code": String(),
        "counter": Integer(),
        "priority": Boolean(),
        "group": String(),
        "now": _table("ticket").c.issued_at.type,
    }
    return statement.bindparams(*(bindparam(n, type_=kind) for n, kind in typed.items() if n in names))


def _table(name: str) -> Table:
    return models.Base.metadata.tables[name]


def _ticket_columns(*names: str) -> list[Column[Any]]:
    return [_table("ticket").c[name] for name in names]


# --- the estimate a kiosk prints, read with the ticket ----------------------------------------


def _estimate(seconds: str) -> str:
    """Area name, people ahead, the last finished services (seconds, count) and open counters.

    ``seconds`` is the engine's "finished_at - called_at in seconds" of a row ``r``. People ahead
    are today's waiting tickets of the area; a priority ticket under strict priority only waits
    behind the other priority tickets. Whatever reads this sees the tickets before the new one.
    """
    return f"""
        (SELECT a.name FROM service_area a WHERE a.code = :code AND a.active) AS area_name,
        (SELECT count(*) FROM ticket w
          WHERE w.office_code = :office AND w.day = :day AND w.state = '{_WAITING}'
            AND w.service_code = :code
            AND (w.priority OR NOT :priority
                 OR coalesce((SELECT o.priority_policy FROM office o WHERE o.code = :office), '{_STRICT}')
                    <> '{_STRICT}')) AS ahead,
        (SELECT coalesce(sum({seconds}), 0) FROM (
            SELECT d.called_at, d.finished_at FROM ticket d
             WHERE d.office_code = :office AND d.day = :day AND d.service_code = :code
               AND d.state = '{_DONE}'
             ORDER BY d.id DESC LIMIT {RECENT_SERVICES}) AS r
          WHERE r.called_at IS NOT NULL AND r.finished_at IS NOT NULL) AS recent_seconds,
        (SELECT count(*) FROM (
            SELECT d.called_at, d.finished_at FROM ticket d
             WHERE d.office_code = :office AND d.day = :day AND d.service_code = :code
               AND d.state = '{_DONE}'
             ORDER BY d.id DESC LIMIT {RECENT_SERVICES}) AS r
          WHERE r.called_at IS NOT NULL AND r.finished_at IS NOT NULL) AS recent_count,
        (SELECT count(*) FROM counter_service cs JOIN counter c ON c.number = cs.counter_number
          WHERE cs.service_code = :code AND c.active) AS open_counters"""


_ESTIMATE_COLUMNS: list[ColumnClause[Any]] = [
    column("area_name", String()),
    column("ahead", Integer()),
    column("recent_seconds"),
    column("recent_count", Integer()),
    column("open_counters", Integer()),
]


# --- PostgreSQL: one statement each -----------------------------------------------------------


def _pg_time(expression: str) -> str:
    # Moments are stored as naive UTC; the national format is Vietnam time to the second.
    return f"coalesce(to_char({expression} + interval '{_VN_HOURS} hours', 'YYYYMMDDHH24MISS'), '')"


def _pg_note(source: str) -> str:
    """INSERT the outbox row of each ticket in CTE ``source``, as outbox.note_ticket writes it."""
    code = "s.office_code || '-' || to_char(s.day, 'YYMMDD') || '-' || s.label"
    payload = f"""json_build_object(
        'MaPhieu', {code}, 'SoPhieu', s.label, 'MaDonVi', s.office_code,
        'MaQuayDichVu', s.service_code, 'UuTien', s.priority,
        'NhomUuTien', coalesce(s.priority_group, ''), 'TrangThai', s.state,
        'ThoiDiemLay', {_pg_time("s.issued_at")}, 'ThoiDiemGoi', {_pg_time("s.first_called_at")},
        'ThoiDiemGoiCuoi', {_pg_time("s.called_at")}, 'ThoiDiemXong', {_pg_time("s.finished_at")},
        'Quay', coalesce(s.counter_number, 0), 'SoLanGoi', s.call_count)::text"""
    return f"""INSERT INTO sync_outbox ("key", kind, stream, payload, state, created_at, attempts,
                                      last_error, reply)
        SELECT gen_random_uuid()::text, '{outbox.OutboxKind.TICKET.value}', 'ticket:' || {code},
               {payload}, '{outbox.OutboxState.PENDING.value}', :now, 0, '', ''
        FROM {source} s"""


@lru_cache(maxsize=1)
def pg_issue() -> TextualSelect:
    """Bump the area's number, insert the ticket and its outbox row, and read the estimate.

    The number comes from the day's counter row, locked by the upsert until the commit: numbers
    are gapless and never repeated. Nothing is written for an unknown or closed area (no row).
    The estimate sees the statement's snapshot: should another kiosk's ticket of the same area be
    committed while this one waited for the number, it is not counted among the people ahead.
    """
    label = (
        f":code || CASE WHEN b.last_number < {10**NUMBER_DIGITS} "
        f"THEN lpad(b.last_number::text, {NUMBER_DIGITS}, '0') ELSE b.last_number::text END"
    )
    statement = text(f"""
    WITH area AS (
        SELECT a.code FROM service_area a WHERE a.code = :code AND a.active
    ), bump AS (
        INSERT INTO ticket_counter (office_code, day, prefix, last_number)
        SELECT :office, :day, area.code, 1 FROM area
        ON CONFLICT (office_code, day, prefix)
        DO UPDATE SET last_number = ticket_counter.last_number + 1
        RETURNING last_number
    ), new AS (
        INSERT INTO ticket (office_code, day, service_code, prefix, number, label, priority,
                            priority_group, state, issued_at, call_count)
        SELECT :office, :day, :code, :code, b.last_number, {label}, :priority, :group,
               '{_WAITING}', :now, 0
        FROM bump b
        RETURNING *
    ), day_row AS (
        -- the row call-next locks for the priority count exists before the day's first call
        INSERT INTO queue_day (office_code, day, others_since_priority)
        SELECT :office, :day, 0 FROM new WHERE new.number = 1
        ON CONFLICT (office_code, day) DO NOTHING
    ), note AS (
        {_pg_note("new")}
    )
    SELECT new.id, new.number, new.label, {_estimate("extract(epoch FROM r.finished_at - r.called_at)")}
    FROM new
    """)
    return _params(statement).columns(
        column("id", Integer()), column("number", Integer()), column("label", String()), *_ESTIMATE_COLUMNS
    )


def _pg_first(kind: str) -> str:
    """The first waiting ticket of ``kind`` the counter may take, locked, skipping locked ones."""
    return f"""SELECT w.id FROM ticket w
        WHERE w.office_code = :office AND w.day = :day AND w.state = '{_WAITING}' AND {kind}
          AND ((w.target_counter IS NULL AND w.service_code IN (SELECT service_code FROM areas))
               OR w.target_counter = :counter)
          AND EXISTS (SELECT 1 FROM areas)
        ORDER BY w.id
        LIMIT 1
        FOR UPDATE OF w SKIP LOCKED"""


@lru_cache(maxsize=1)
def pg_call_next() -> TextualSelect:
    """Finish the counter's current ticket, call the next one, record the call: one statement.

    The next ticket is taken ``FOR UPDATE SKIP LOCKED``: counters pressing "next" together each get
    a different ticket without waiting for one another. Under the interleaving policy the day's
    priority count row is locked first (``run``), so counters calling at once agree on it (they
    then take turns); under strict priority nothing needs it and counters never wait.
    A counter serving no area changes nothing: ``areas`` comes back 0 and the caller refuses.
    """
    view = ", ".join(f"c.{name}" for name in VIEW_COLUMNS)
    statement = text(f"""
    WITH areas AS (
        SELECT cs.service_code FROM counter_service cs WHERE cs.counter_number = :counter
    ), policy AS (
        SELECT o.priority_policy = '{_INTERLEAVE}' AS interleave, o.priority_every AS every
        FROM office o WHERE o.code = :office
    ), run AS (
        SELECT q.others_since_priority AS others FROM queue_day q
        WHERE q.office_code = :office AND q.day = :day
          AND EXISTS (SELECT 1 FROM policy WHERE policy.interleave)
        FOR UPDATE OF q
    ), prefer AS (
        SELECT coalesce((SELECT NOT p.interleave
                                OR coalesce((SELECT run.others FROM run), 0) >= p.every
                         FROM policy p), true) AS priority_first
    ), finished AS (
        UPDATE ticket SET state = '{_DONE}', started_at = coalesce(started_at, called_at),
                          finished_at = :now
        WHERE office_code = :office AND day = :day AND counter_number = :counter
          AND state IN ('{_CALLED}', '{_SERVING}') AND EXISTS (SELECT 1 FROM areas)
        RETURNING *
    ), preferred AS (
        {_pg_first("w.priority = (SELECT priority_first FROM prefer)")}
    ), other AS (
        {_pg_first("w.priority = NOT (SELECT priority_first FROM prefer)")}
    ), called AS (
        UPDATE ticket t SET state = '{_CALLED}', counter_number = :counter, target_counter = NULL,
                            called_at = :now, first_called_at = coalesce(t.first_called_at, :now),
                            call_count = t.call_count + 1
        -- the other kind is looked at only when the preferred kind has nobody this counter takes
        WHERE t.id = coalesce((SELECT id FROM preferred), (SELECT id FROM other))
        RETURNING t.*
    ), call_row AS (
        INSERT INTO ticket_call (ticket_id, counter_number, label, recall, at)
        SELECT called.id, :counter, called.label, false, :now FROM called
    ), counted AS (
        -- a ticket's first call moves the count: a priority one restarts it, another adds one
        INSERT INTO queue_day (office_code, day, others_since_priority)
        SELECT :office, :day, CASE WHEN called.priority THEN 0 ELSE 1 END
        FROM called, policy WHERE policy.interleave AND called.call_count = 1
        ON CONFLICT (office_code, day) DO UPDATE SET others_since_priority =
            CASE WHEN excluded.others_since_priority = 0 THEN 0
                 ELSE queue_day.others_since_priority + 1 END
    ), note AS (
        {_pg_note("finished")}
    )
    SELECT (SELECT count(*) FROM areas) AS areas, {view}
    FROM (SELECT 1) AS one LEFT JOIN called c ON true
    """)
    return _params(statement).columns(column("areas", Integer()), *_ticket_columns(*VIEW_COLUMNS))


# --- SQLite: a few statements in one write transaction ----------------------------------------


@lru_cache(maxsize=1)
def sqlite_bump() -> TextualSelect:
    """The area's next number with the estimate, or no row for an unknown or closed area.

    Read before the ticket is inserted, inside the write transaction: exact, as no other writer
    can come between.
    """
    seconds = "round((julianday(r.finished_at) - julianday(r.called_at)) * 86400.0, 3)"
    statement = text(f"""
    INSERT INTO ticket_counter (office_code, day, prefix, last_number)
    SELECT :office, :day, :code, 1
    WHERE EXISTS (SELECT 1 FROM service_area a WHERE a.code = :code AND a.active)
    ON CONFLICT (office_code, day, prefix) DO UPDATE SET last_number = last_number + 1
    RETURNING last_number AS number, {_estimate(seconds)}
    """)
    return _params(statement).columns(column("number", Integer()), *_ESTIMATE_COLUMNS)


@lru_cache(maxsize=1)
def sqlite_new_ticket() -> Insert:
    t = _table("ticket")
    return insert(t).returning(t.c.id)


@lru_cache(maxsize=1)
def note() -> Insert:
    return insert(_table("sync_outbox"))


@lru_cache(maxsize=1)
def sqlite_finish() -> TextualSelect:
    columns = ", ".join(PAYLOAD_COLUMNS)
    statement = text(f"""
    UPDATE ticket SET state = '{_DONE}', started_at = coalesce(started_at, called_at), finished_at = :now
    WHERE office_code = :office AND day = :day AND counter_number = :counter
      AND state IN ('{_CALLED}', '{_SERVING}')
    RETURNING {columns}
    """)
    return _params(statement).columns(*_ticket_columns(*PAYLOAD_COLUMNS))


@lru_cache(maxsize=1)
def sqlite_call() -> TextualSelect:
    """Call the next ticket for the counter, in the order the policy gives; no row when none waits."""
    prefer = f"""coalesce((SELECT o.priority_policy <> '{_INTERLEAVE}'
                      OR coalesce((SELECT q.others_since_priority FROM queue_day q
                                    WHERE q.office_code = :office AND q.day = :day), 0)
                         >= o.priority_every
                    FROM office o WHERE o.code = :office), 1)"""

    def first(kind: str) -> str:  # the first waiting ticket of one kind the counter may take
        return f"""SELECT w.id FROM ticket w
            WHERE w.office_code = :office AND w.day = :day AND w.state = '{_WAITING}'
              AND w.priority = {kind}({prefer})
              AND ((w.target_counter IS NULL
                    AND w.service_code IN (SELECT cs.service_code FROM counter_service cs
                                            WHERE cs.counter_number = :counter))
                   OR w.target_counter = :counter)
              AND EXISTS (SELECT 1 FROM counter_service cs WHERE cs.counter_number = :counter)
            ORDER BY w.id LIMIT 1"""

    statement = text(f"""
    UPDATE ticket SET state = '{_CALLED}', counter_number = :counter, target_counter = NULL,
                      called_at = :now, first_called_at = coalesce(first_called_at, :now),
                      call_count = call_count + 1
    WHERE id = coalesce(({first("")}), ({first("NOT ")}))
    RETURNING {", ".join(VIEW_COLUMNS)},
              (SELECT o.priority_policy = '{_INTERLEAVE}' FROM office o WHERE o.code = :office)
              AS interleave
    """)
    return _params(statement).columns(*_ticket_columns(*VIEW_COLUMNS), column("interleave", Boolean()))


@lru_cache(maxsize=1)
def sqlite_new_call() -> Insert:
    return insert(_table("ticket_call"))


@lru_cache(maxsize=1)
def sqlite_count() -> TextClause:
    """A ticket's first call under the interleaving policy: restart the count or add one."""
    statement = text("""
    INSERT INTO queue_day (office_code, day, others_since_priority)
    VALUES (:office, :day, CASE WHEN :priority THEN 0 ELSE 1 END)
    ON CONFLICT (office_code, day) DO UPDATE SET others_since_priority =
        CASE WHEN :priority THEN 0 ELSE others_since_priority + 1 END
    """)
    return _params(statement)


@lru_cache(maxsize=1)
def serves_an_area() -> TextClause:
    statement = text("SELECT EXISTS (SELECT 1 FROM counter_service WHERE counter_number = :counter)")
    return _params(statement)


def outbox_row(row: models.Ticket, at: datetime) -> dict[str, Any]:
    """The sync_outbox row outbox.note_ticket would add for ``row`` (written here with Core)."""
    code = outbox.ticket_code(row.office_code, row.day, row.label)
    return {
        "key": str(uuid.uuid4()),
        "kind": outbox.OutboxKind.TICKET.value,
        "stream": f"ticket:{code}",
        "payload": json.dumps(outbox.ticket_payload(row, code), ensure_ascii=False, separators=(",", ":")),
        "state": outbox.OutboxState.PENDING.value,
        "created_at": at.astimezone(VN_TZ),
        "attempts": 0,
        "last_error": "",
        "reply": "",
    }
