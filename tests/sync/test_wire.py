"""The answer parsers refuse whatever does not match the contract, and nothing else escapes them."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.sync.province import wire
from counter_app.sync.province.adapter import ReplyInvalid

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
# Answers shaped almost like the real ones: the right names with any values.
change = st.fixed_dictionaries(
    {
        "id": json_values | st.text(min_size=1, max_size=10),
        "MaHoSo": json_values | st.text(min_size=1, max_size=10),
        "TrangThaiHoSo": json_values | st.integers(0, 12),
        "ThoiDiem": json_values | st.from_regex(r"\d{14}", fullmatch=True),
    }
)
near_changes = st.fixed_dictionaries(
    {
        "changes": st.lists(change, max_size=3) | json_values,
        "next_cursor": json_values | st.text(max_size=5),
        "has_more": json_values,
    }
)
near_acks = st.fixed_dictionaries(
    {
        "results": st.lists(
            st.fixed_dictionaries(
                {
                    "key": st.sampled_from(["k1", "k2", "k3"]) | json_values,
                    "outcome": st.sampled_from(["accepted", "duplicate", "rejected", "ok"]) | json_values,
                }
            ),
            max_size=4,
        )
        | json_values
    }
)


def _refused_or_valid(parse: Any, value: Any) -> None:
    with contextlib.suppress(ReplyInvalid):
        parse(value)


@settings(max_examples=300, deadline=None)
@given(body=st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_are_json_or_refused(body: bytes):
    _refused_or_valid(wire.parse_json, body)


@settings(max_examples=300, deadline=None)
@given(document=json_values | near_changes)
def test_change_pages_are_checked_field_by_field(document: Any):
    try:
        page = wire.parse_changes(document)
    except ReplyInvalid:
        return
    for item in page.changes:
        assert 1 <= item.status <= 10 and item.dossier_code and item.at.tzinfo is not None


@settings(max_examples=300, deadline=None)
@given(document=json_values | near_acks)
def test_acknowledgements_answer_each_item_exactly_once(document: Any):
    sent = ["k1", "k2"]
    try:
        acks = wire.parse_acks(document, sent)
    except ReplyInvalid:
        return
    assert [a.key for a in acks] == sent


@settings(max_examples=200, deadline=None)
@given(document=json_values, size=st.integers(0, 10**9))
def test_tokens_uploads_and_calendars_are_checked(document: Any, size: int):
    _refused_or_valid(wire.parse_token, document)
    _refused_or_valid(lambda d: wire.parse_upload_state(d, size), document)
    _refused_or_valid(wire.parse_calendar, document)


def test_a_correct_page_reads_and_a_wrong_type_is_named():
    page = wire.parse_changes(
        {
            "changes": [{"id": "c1", "MaHoSo": "X-1", "TrangThaiHoSo": 9, "ThoiDiem": "20261127100000"}],
            "next_cursor": "1:5",
            "has_more": False,
        }
    )
    assert page.changes[0].status == 9 and page.next_cursor == "1:5"
    with pytest.raises(ReplyInvalid) as wrong_type:
        wire.parse_changes(
            {
                "changes": [{"id": "c", "MaHoSo": "X", "TrangThaiHoSo": "9", "ThoiDiem": "20261127100000"}],
                "next_cursor": "",
                "has_more": False,
            }
        )
    assert "TrangThaiHoSo" in wrong_type.value.detail  # the log names the field
    assert "cannot be read" in str(wrong_type.value)  # the clerk is told plainly
    with pytest.raises(ReplyInvalid) as unanswered:
        wire.parse_acks({"results": [{"key": "k1", "outcome": "accepted"}]}, ["k1", "k2"])
    assert "not answered" in unanswered.value.detail
