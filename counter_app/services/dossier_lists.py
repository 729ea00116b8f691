"""The lists the clerk and the office head live in: today's, due, overdue, returned, and search.

A dossier waiting for the citizen's supplement is not counted as due: its clock is stopped
until the papers arrive (the time then restarts, see DossierSteps.receive_supplement).

The dossier tab asks for one :class:`DossierPage` at a time: the rows, how many dossiers await
their apology, and whether each row reached the provincial system (from the outbox).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from counter_app.domain.calendar import VN_TZ
from counter_app.domain.dossier_code import CodePart, parse_code_part
from counter_app.domain.lifecycle import DossierStatus, Timeliness, timeliness
from counter_app.domain.text import fold
from counter_app.services.calendar import CalendarService
from counter_app.storage import models
from counter_app.storage.database import Database
from counter_app.sync.outbox import Delivery as Delivery  # re-exported: the window reads it from here
from counter_app.sync.outbox import OutboxState, delivery_marks, dossier_stream

S = DossierStatus
RUNNING = (S.RECEIVED, S.IN_PROCESSING, S.FINANCIAL_OBLIGATION_REQUESTED, S.WITHDRAWAL_REQUESTED)
_CODE_LIKE = re.compile(r"[\w.]+-\d{6}-\d{4,}", re.ASCII)


class DossierList(StrEnum):
    ALL = "all"  # every dossier, newest first
    TODAY = "today"  # received today
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"  # within N working days
    OVERDUE = "overdue"
    APOLOGY_DUE = "apology_due"  # due by the next working day, no apology yet (Mẫu 04)
    AWAITING_RETURN = "awaiting_return"  # decided, result not yet collected
    RETURNED = "returned"
    SUPPLEMENT = "supplement"  # waiting for the citizen's missing papers (Mẫu 02)
    REFUSED = "refused"  # not received (Mẫu 03)
    STOPPED = "stopped"  # withdrawn by the citizen, or stopped (Mẫu 05)


# The lists shown newest received first; the others by their due date.
_NEWEST_FIRST = frozenset(
    {DossierList.ALL, DossierList.TODAY, DossierList.RETURNED, DossierList.SUPPLEMENT}
    | {DossierList.REFUSED, DossierList.STOPPED}
)
Period = tuple[date, date]  # received from, to (Vietnam dates, both included)


@dataclass(frozen=True)
class DossierRow:
    id: int
    code: str
    procedure_name: str
    applicant_name: str
    applicant_id_number: str
    status: DossierStatus
    received_at: datetime
    appointment_at: datetime | None
    extended_until: datetime | None
    decided_at: datetime | None
    returned_at: datetime | None
    timeliness: Timeliness | None  # None: no clock runs (refused, stopped, awaiting the citizen's papers)


@dataclass(frozen=True)
class DossierPage:
    """One screenful of the dossier tab, read in one go."""

    rows: list[DossierRow]
    apologies_due: int  # dossiers due by the next working day with no apology yet (Mẫu 04)
    delivery: Mapping[str, Delivery] = field(default_factory=dict)  # by dossier code

    def delivery_of(self, row: DossierRow) -> Delivery:
        return self.delivery.get(row.code, Delivery.WAITING)


@dataclass(frozen=True)
class ProvinceState:
    """Where one dossier stands with the provincial system, for its detail view."""

    delivery: Delivery
    waiting: int  # changes not yet acknowledged by the province
    sent_at: datetime | None  # when the province last acknowledged one
    problem: str  # the province's last refusal, as it answered
    status_at: datetime | None  # when the province last set the dossier's status itself


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), VN_TZ)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), VN_TZ)


# PostgreSQL's full-text searches (names, paper text) look at the newest SEARCH_WINDOW × limit
# dossiers first: see _newest_matches.
SEARCH_WINDOW = 1000
NARROW_WORDS = 3  # a name search of this many words or more matches few enough to sort them all


def _newest_matches(
    session: Session, dossier_id: InstrumentedAttribute[int], match: ColumnElement[bool], limit: int
) -> Select[tuple[int]]:
    """The ids of the ``limit`` newest dossiers (by id: the order they were received in here, as
    SQLite's FTS5 gives them) with a row that ``match`` finds on PostgreSQL, without fetching all.

    The GIN index finds every match but cannot hand them over newest first: sorting a common name's
    thousands of matches meant reading each of them from the table. So the newest
    SEARCH_WINDOW × limit dossiers are searched first, their id range ANDed with the full-text
    match inside the indexes, and only the matches among them are read. Older dossiers are searched
    only when that gives fewer than ``limit``, that is for words found in fewer than one dossier in
    SEARCH_WINDOW, which have few matches to read anyway. Each part is a MATERIALIZED CTE without
    an order: otherwise the planner may walk the id index newest first testing every row, which
    is quick for a common name and takes seconds for a word found nowhere.
    """
    newest = session.scalar(select(func.max(models.Dossier.id))) or 0
    # Inlined, not a parameter: the planner must see how narrow the window is to AND the indexes.
    floor: BindParameter[int] = bindparam("floor", newest - SEARCH_WINDOW * limit, literal_execute=True)

    def newest_of(part: ColumnElement[bool], name: str) -> Select[tuple[int]]:
        found = select(dossier_id.label("id")).where(match, part).cte(name).prefix_with("MATERIALIZED")
        return select(found.c.id).distinct().order_by(found.c.id.desc()).limit(limit)

    recent, older = newest_of(dossier_id > floor, "recent"), newest_of(dossier_id <= floor, "older")
    # UNION ALL runs its parts in order and stops at the limit: the older part only if needed.
    hits = union_all(recent, older).limit(limit).subquery()
    return select(hits.c.id)


class DossierLists:
    def __init__(self, db: Database, calendar: CalendarService) -> None:
        self.db = db
        self.calendar = calendar

    def page(
        self,
        which: DossierList,
        now: datetime,
        *,
        query: str = "",
        in_papers: bool = False,
        received: Period | None = None,
    ) -> DossierPage:
        """The list ``which`` received in the period ``received`` (when given), searched for
        ``query`` (in the papers' text if ``in_papers``) when typed; the number of apologies due,
        and each row's delivery to the province."""
        text = query.strip()
        if text:
            where = self.filter(which, now, received=received)
            search = self.search_papers if in_papers else self.search
            rows = search(text, now, where=where)
        else:
            rows = self.dossiers(which, now, received=received)
        return DossierPage(
            rows,
            self.count(DossierList.APOLOGY_DUE, now),
            delivery_marks(self.db, [r.code for r in rows]),
        )

    def dossiers(
        self,
        which: DossierList,
        now: datetime,
        *,
        within_days: int = 2,
        limit: int = 500,
        received: Period | None = None,
    ) -> list[DossierRow]:
        d = models.Dossier
        # All dossiers newest first by id (the order received here, the primary key's index).
        order = (
            d.id.desc()
            if which is DossierList.ALL
            else d.received_at.desc()
            if which in _NEWEST_FIRST
            else d.appointment_at
        )
        where = self.filter(which, now, within_days=within_days, received=received)
        statement = select(d).where(*where).order_by(order).limit(limit)
        with self.db.read() as session:
            return [self._row(r, now) for r in session.scalars(statement)]

    def count(self, which: DossierList, now: datetime, *, within_days: int = 2) -> int:
        """How many dossiers the list ``which`` holds (all of them, not only the first screenful)."""
        listing = select(models.Dossier).where(*self.filter(which, now, within_days=within_days)).subquery()
        with self.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(listing)) or 0)

    def filter(
        self, which: DossierList, now: datetime, *, within_days: int = 2, received: Period | None = None
    ) -> list[ColumnElement[bool]]:
        """The conditions of the list ``which``, received within ``received`` when given."""
        d = models.Dossier
        where: list[ColumnElement[bool]] = []
        if received is not None:
            # `day` is the Vietnam date the dossier was received here, indexed (migration 0014).
            first, last = sorted(received)
            where += [d.day >= first, d.day <= last]
        return where + self._list_conditions(which, now, within_days, dated=received is not None)

    def _list_conditions(
        self, which: DossierList, now: datetime, within_days: int, *, dated: bool
    ) -> list[ColumnElement[bool]]:
        d = models.Dossier
        running = d.status.in_([int(s) for s in RUNNING])
        today = now.astimezone(VN_TZ).date()
        if which is DossierList.ALL:
            return []
        if which is DossierList.TODAY:
            return [d.received_at >= _start_of(today), d.received_at <= _end_of(today)]
        if which is DossierList.DUE_TODAY:
            return [running, d.appointment_at >= _start_of(today), d.appointment_at <= _end_of(today)]
        if which is DossierList.DUE_SOON:
            last = self.calendar.calendar().add_working_days(today, within_days)
            return [running, d.appointment_at >= now, d.appointment_at <= _end_of(last)]
        if which is DossierList.OVERDUE:
            return [running, d.appointment_at < now]
        if which is DossierList.APOLOGY_DUE:
            last = self.calendar.calendar().next_working_day(today)
            return [running, d.appointment_at <= _end_of(last), d.extended_until.is_(None)]
        if which is DossierList.AWAITING_RETURN:
            return [d.status == int(S.DECIDED)]
        if which is DossierList.SUPPLEMENT:
            return [d.status == int(S.SUPPLEMENT_REQUESTED)]
        if which is DossierList.REFUSED:
            return [d.status == int(S.REFUSED)]
        if which is DossierList.STOPPED:
            return [d.status.in_([int(S.STOPPED), int(S.WITHDRAWAL_REQUESTED)])]
        returned = [d.status == int(S.RETURNED)]
        # The last 31 days by default; a period the clerk chose decides instead.
        return returned if dated else [*returned, d.returned_at >= now - timedelta(days=31)]

    def search(
        self, query: str, now: datetime, *, limit: int = 200, where: list[ColumnElement[bool]] | None = None
    ) -> list[DossierRow]:
        """By dossier code or part of one ("0003", "261126-0003"), by ID number, or by name without
        diacritics (Nguyen finds Nguyễn); among the dossiers ``where`` holds for, when given."""
        d = models.Dossier
        text = query.strip()
        if not text:
            return []
        extra = where or []
        # Each way of reading the text is its own query on its own index, merged newest first:
        # an OR across indexes would make both engines read far more.
        ways: list[Select[models.Dossier]] = []
        part = parse_code_part(text)
        if _CODE_LIKE.fullmatch(text):
            ways.append(select(d).where(d.code == text))
        if part is not None:  # the end of a code, "H56-261124-0002" included
            ways += self._code_part_ways(part)
        if text.isdigit():
            # A range, not LIKE: both engines then walk the ID index ("9" < ":" in ASCII).
            ways.append(
                select(d)
                .where(d.applicant_id_number >= text, d.applicant_id_number < text + ":")
                .order_by(d.received_at.desc())
            )
        if ways:
            with self.db.read() as session:
                found: dict[int, models.Dossier] = {}
                for way in ways:
                    for r in session.scalars(way.where(*extra).limit(limit)):
                        found[r.id] = r
                newest = sorted(found.values(), key=lambda r: (r.received_at, r.id), reverse=True)
                return [self._row(r, now) for r in newest[:limit]]
        return self._search_names(text, now, limit, extra)

    @staticmethod
    def _code_part_ways(part: CodePart) -> list[Select[models.Dossier]]:
        """The queries for a piece of a dossier code, each on the (running_number, day) index or the
        day's (migration 0014): never a LIKE over every code."""
        d = models.Dossier
        ways: list[Select[models.Dossier]] = []
        day_only = part.day is not None and (not part.together or not part.running_numbers)
        for number in part.running_numbers:
            # The code must end with what was typed: "010007" is number 7 only in a national code.
            way = select(d).where(d.running_number == number, d.code.endswith(part.text, autoescape=True))
            if part.together and part.day is not None:
                way = way.where(d.day == part.day)
            ways.append(way.order_by(d.running_number.desc(), d.day.desc()))
        if day_only and part.day is not None:
            # `day` is the Vietnam date the dossier was received here, indexed (migration 0014).
            ways.append(select(d).where(d.day == part.day).order_by(d.id.desc()))
        return ways

    def _search_names(
        self, text: str, now: datetime, limit: int, extra: list[ColumnElement[bool]]
    ) -> list[DossierRow]:
        d = models.Dossier
        full_text: ColumnElement[bool] | None = None  # PostgreSQL's name search, see below
        condition: ColumnElement[bool]
        words = [w for w in (re.sub(r"\W", "", word) for word in fold(text).split()) if w]
        if not words:
            return []
        if self.db.is_sqlite:
            # FTS5 (migration 0007): whole words, the last one as a prefix; newest first. With a
            # filter, every match: the newest ones may all lie outside it.
            match = " ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"*'])
            hits: Select[tuple[object]] = (
                select(column("rowid"))
                .select_from(table("dossier_search"))
                .where(literal_column("dossier_search").op("MATCH")(match))
            )
            if not extra:
                hits = hits.order_by(column("rowid").desc()).limit(limit)
            condition = d.id.in_(hits)
        else:  # the full-text GIN index of migration 0007, the same matching as FTS5
            query = " & ".join([*words[:-1], f"{words[-1]}:*"])
            full_text = and_(
                func.to_tsvector(literal_column("'simple'"), d.search_text).op("@@")(
                    func.to_tsquery(literal_column("'simple'"), query)
                ),
                *extra,
            )
        with self.db.read() as session:
            if full_text is not None:
                # One or two words of a name match thousands of a million dossiers: the newest
                # first (see _newest_matches). Three or more (a full name) match a few hundred,
                # fetched and sorted faster than the window would search the index twice.
                common = len(words) < NARROW_WORDS
                condition = (
                    d.id.in_(_newest_matches(session, d.id, full_text, limit)) if common else full_text
                )
            statement = select(d).where(condition, *extra).order_by(d.received_at.desc()).limit(limit)
            return [self._row(r, now) for r in session.scalars(statement)]

    def search_papers(
        self, query: str, now: datetime, *, limit: int = 200, where: list[ColumnElement[bool]] | None = None
    ) -> list[DossierRow]:
        """Dossiers whose scanned papers contain all the words (OCR text, diacritics optional), among
        those ``where`` holds for. On PostgreSQL the filter applies to the newest matches found."""
        words = [w for w in (re.sub(r"\W", "", word) for word in fold(query).split()) if w]
        if not words:
            return []
        c, d = models.DossierComponent, models.Dossier
        full_text: ColumnElement[bool] | None = None
        components: Select[Any]
        if self.db.is_sqlite:  # migration 0009's FTS5 table over dossier_component.paper_text
            match = " ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"*'])
            hits: Select[tuple[object]] = (
                select(column("rowid"))
                .select_from(table("paper_text_search"))
                .where(literal_column("paper_text_search").op("MATCH")(match))
            )
            components = select(c.dossier_id).where(c.id.in_(hits))
        else:
            tsquery = " & ".join([*words[:-1], f"{words[-1]}:*"])
            full_text = func.to_tsvector(literal_column("'simple'"), c.paper_text).op("@@")(
                func.to_tsquery(literal_column("'simple'"), tsquery)
            )
        with self.db.read() as session:
            if full_text is not None:  # the newest dossiers first, see _newest_matches
                components = _newest_matches(session, c.dossier_id, full_text, limit)
            rows = session.scalars(
                select(d)
                .where(d.id.in_(components), *(where or []))
                .order_by(d.received_at.desc())
                .limit(limit)
            )
            return [self._row(r, now) for r in rows]

    def late_in_month(self, month: date, now: datetime) -> list[int]:
        """Ids of dossiers due in ``month`` that were decided late or are still unfinished past due."""
        first = month.replace(day=1)
        after = (first + timedelta(days=32)).replace(day=1)
        d = models.Dossier
        statement = (
            select(d)
            .where(d.appointment_at >= _start_of(first), d.appointment_at < _start_of(after))
            .where(d.status.notin_([int(S.REFUSED), int(S.STOPPED)]))
            .order_by(d.appointment_at)
        )
        with self.db.read() as session:
            return [
                r.id
                for r in session.scalars(statement)
                if r.appointment_at is not None
                and timeliness(r.appointment_at, r.decided_at, now) is Timeliness.LATE
            ]

    def register_ids(self, field_code: str | None, start: date, end: date) -> list[int]:
        """Dossiers received in [start, end] of one field (all fields when None), for Mẫu 07.

        A refused dossier was never received: it has its Mẫu 03, not a line in the register."""
        d, p = models.Dossier, models.Procedure
        statement = select(d.id).where(
            d.received_at >= _start_of(start), d.received_at <= _end_of(end), d.status != int(S.REFUSED)
        )
        if field_code:
            statement = statement.join(p, p.code == d.procedure_code).where(p.field_code == field_code)
        with self.db.read() as session:
            return list(session.scalars(statement.order_by(d.received_at)))

    def province_state(self, dossier_id: int) -> ProvinceState:
        """What reached the province of the dossier's changes, and what it set itself."""
        d, o = models.Dossier, models.OutboxItem
        with self.db.read() as session:
            found = session.execute(select(d.code, d.province_status_at).where(d.id == dossier_id)).first()
            if found is None:
                return ProvinceState(Delivery.WAITING, 0, None, "", None)
            code, status_at = found
            stream = o.stream == dossier_stream(code)
            pending = [OutboxState.PENDING.value, OutboxState.REJECTED.value]
            waiting = session.scalar(select(func.count()).where(stream, o.state.in_(pending))) or 0
            sent_at = session.scalar(select(func.max(o.done_at)).where(stream))
            problem = session.scalar(
                select(o.last_error)
                .where(stream, o.state == OutboxState.REJECTED.value)
                .order_by(o.id.desc())
                .limit(1)
            )
        delivery = delivery_marks(self.db, [code])[code]
        return ProvinceState(delivery, int(waiting), sent_at, problem or "", status_at)

    @staticmethod
    def _row(r: models.Dossier, now: datetime) -> DossierRow:
        finished = r.decided_at or (r.returned_at if r.status == int(S.RETURNED) else None)
        # A refused, stopped or incomplete dossier is not “not yet due”: it shows its own state.
        untimed = r.appointment_at is None or r.status in (
            int(S.REFUSED),
            int(S.STOPPED),
            int(S.SUPPLEMENT_REQUESTED),
        )
        return DossierRow(
            r.id,
            r.code,
            r.procedure_name,
            r.applicant_name,
            r.applicant_id_number,
            DossierStatus(r.status),
            r.received_at,
            r.appointment_at,
            r.extended_until,
            r.decided_at,
            r.returned_at,
            None if untimed or r.appointment_at is None else timeliness(r.appointment_at, finished, now),
        )
