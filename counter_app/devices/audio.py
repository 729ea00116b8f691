"""Calling numbers aloud: recorded clips joined into one sound, or a Vietnamese system voice.

One announcer thread reads calls one after another, so a call is never cut off by the next; the
display board only hands it calls. The clips are joined with the standard ``wave`` module and played
by what the system has (``winsound`` on Windows, ``paplay``/``aplay`` on Linux). When Windows has a
Vietnamese voice installed (SAPI, language 0x042A), that voice reads the sentence instead.
"""

from __future__ import annotations

import functools
import logging
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import wave
from collections.abc import Callable
from pathlib import Path

from counter_app.domain.announcement import announcement_clips, announcement_text

log = logging.getLogger(__name__)
GAP_SECONDS = 0.12  # between words: digits read as one run, not one blur
PAUSE_SECONDS = 0.8  # after a call, before the next
PLAY_TIMEOUT = 60

Player = Callable[[Path], None]
Voice = Callable[[str], None]


class AudioError(Exception):
    """Nothing could be said: no clip found for any word of the call."""


def join_clips(clips: list[Path], target: Path) -> float:
    """Write ``clips`` as one WAV with short gaps; returns its length in seconds. Skips missing clips."""
    present = [c for c in clips if c.exists()]
    for missing in sorted(set(clips) - set(present)):
        log.warning("no recorded clip %s: that word is left out of the call", missing)
    if not present:
        raise AudioError("no clip for any word of the call")
    with wave.open(str(present[0]), "rb") as first:
        params = first.getparams()
    silence = b"\0" * (int(params.framerate * GAP_SECONDS) * params.sampwidth * params.nchannels)
    frames = 0
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        for i, path in enumerate(present):
            with wave.open(str(path), "rb") as clip:
                if (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) != (
                    params.nchannels,
                    params.sampwidth,
                    params.framerate,
                ):
                    log.warning("clip %s is in another format: left out", path)
                    continue
                data = clip.readframes(clip.getnframes())
            if i:
                out.writeframes(silence)
                frames += len(silence) // (params.sampwidth * params.nchannels)
            out.writeframes(data)
            frames += len(data) // (params.sampwidth * params.nchannels)
    return frames / params.framerate


def system_player() -> Player | None:
    """The way this computer plays a WAV file to the end, or None when it has none."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import winsound

        return lambda path: winsound.PlaySound(str(path), winsound.SND_FILENAME)
    for tool in ("paplay", "aplay"):
        program = shutil.which(tool)
        if program:
            return functools.partial(_run_player, program)
    return None


def _run_player(program: str, path: Path) -> None:
    result = subprocess.run([program, str(path)], capture_output=True, timeout=PLAY_TIMEOUT)
    if result.returncode != 0:
        raise AudioError(result.stderr.decode(errors="replace").strip() or f"{program} failed")


def vietnamese_system_voice() -> Voice | None:  # pragma: no cover - needs Windows with a vi-VN voice
    """A Vietnamese SAPI voice on Windows, when one is installed."""
    if sys.platform != "win32":
        return None
    try:
        import win32com.client

        speaker = win32com.client.Dispatch("SAPI.SpVoice")
        for token in speaker.GetVoices():
            if "42a" in str(token.GetAttribute("Language")).lower():
                speaker.Voice = token
                return lambda text: speaker.Speak(text)
    except Exception:
        log.info("no Vietnamese system voice: calls use the recorded clips", exc_info=True)
    return None


class Announcer:
    """Reads calls aloud in order on its own thread."""

    def __init__(
        self,
        clips_dir: Path,
        wording: str,
        *,
        player: Player | None = None,
        voice: Voice | None = None,
    ) -> None:
        self.clips_dir = clips_dir
        self.wording = wording
        self.player = player
        self.voice = voice
        self._calls: queue.Queue[tuple[str, int] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="announcer", daemon=True)
        self._thread.start()

    @classmethod
    def for_this_computer(cls, clips_dir: Path, wording: str) -> Announcer:
        voice = vietnamese_system_voice()
        player = system_player()
        if voice is None and player is None:
            log.warning("this computer has no way to play sound: calls are shown but not read aloud")
        return cls(clips_dir, wording, player=player, voice=voice)

    def announce(self, label: str, counter: int) -> None:
        self._calls.put((label, counter))

    def stop(self, timeout: float = 5.0) -> None:
        self._calls.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while (call := self._calls.get()) is not None:
            try:
                self._say(*call)
            except Exception as exc:  # a missing sound card must not stop the next call
                log.warning("could not read out %s at counter %s: %s", call[0], call[1], exc)

    def _say(self, label: str, counter: int) -> None:
        if self.voice is not None:
            self.voice(announcement_text(self.wording, label, counter))
            return
        if self.player is None:
            return
        clips = [self.clips_dir / f"{name}.wav" for name in announcement_clips(self.wording, label, counter)]
        with tempfile.TemporaryDirectory(prefix="counter-call-") as tmp:
            sound = Path(tmp) / "call.wav"
            join_clips(clips, sound)
            self.player(sound)
        threading.Event().wait(PAUSE_SECONDS)
