"""The spoken call: real clips joined into one sound, read one call after another."""

from __future__ import annotations

import threading
import time
import wave
from pathlib import Path

import pytest

from counter_app.devices.audio import GAP_SECONDS, Announcer, AudioError, join_clips
from counter_app.domain.announcement import DEFAULT_WORDING, announcement_clips
from counter_app.paths import resources_dir

CLIPS = resources_dir() / "sounds" / "vi"


def _frames(path: Path) -> tuple[int, int]:
    with wave.open(str(path), "rb") as w:
        return w.getnframes(), w.getframerate()


def test_every_clip_the_default_wording_needs_is_shipped():
    needed = {f"letter/{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {f"digit/{d}" for d in range(10)}
    needed |= {f"counter/{n}" for n in range(1, 31)} | set(announcement_clips(DEFAULT_WORDING, "A001", 3))
    assert [name for name in sorted(needed) if not (CLIPS / f"{name}.wav").exists()] == []
    assert (CLIPS.parent / "make_clips.py").exists()  # and the script that made them


def test_the_clips_of_a_call_are_joined_in_order_with_short_gaps(tmp_path):
    names = announcement_clips(DEFAULT_WORDING, "A001", 3)
    clips = [CLIPS / f"{n}.wav" for n in names]
    seconds = join_clips(clips, tmp_path / "call.wav")
    frames, rate = _frames(tmp_path / "call.wav")
    expected = sum(_frames(c)[0] for c in clips) + int(rate * GAP_SECONDS) * (len(clips) - 1)
    assert frames == expected and 3 < seconds < 10


def test_a_missing_clip_is_left_out_but_no_clip_at_all_is_an_error(tmp_path, caplog):
    clips = [CLIPS / "digit/1.wav", tmp_path / "nowhere.wav"]
    assert join_clips(clips, tmp_path / "call.wav") > 0
    assert "nowhere.wav" in caplog.text
    with pytest.raises(AudioError):
        join_clips([tmp_path / "nowhere.wav"], tmp_path / "none.wav")


def test_calls_are_read_one_after_another_never_cut_off(tmp_path):
    played: list[tuple[str, float, float]] = []
    done = threading.Event()

    def slow_player(path: Path) -> None:
        start = time.monotonic()
        frames, rate = _frames(path)
        time.sleep(0.2)
        played.append((f"{frames}/{rate}", start, time.monotonic()))
        if len(played) == 2:
            done.set()

    announcer = Announcer(CLIPS, DEFAULT_WORDING, player=slow_player)
    announcer.announce("A001", 1)
    announcer.announce("B002", 2)
    assert done.wait(20)
    announcer.stop()
    assert played[1][1] >= played[0][2]  # the second call starts after the first has ended


def test_a_failing_sound_card_does_not_stop_the_next_call(caplog):
    spoken: list[str] = []

    def voice(text: str) -> None:
        if not spoken:
            spoken.append("failed")
            raise OSError("no sound card")
        spoken.append(text)

    announcer = Announcer(CLIPS, DEFAULT_WORDING, voice=voice)
    announcer.announce("A001", 1)
    announcer.announce("A002", 12)
    announcer.stop(timeout=10)
    assert spoken[1] == "Mời công dân có số thứ tự a không không hai đến quầy số mười hai"
    assert "could not read out A001" in caplog.text
