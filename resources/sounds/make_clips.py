"""Produce the Vietnamese call clips in resources/sounds/vi with espeak-ng (and sox to trim them).

    sudo apt-get install espeak-ng sox
    python resources/sounds/make_clips.py

Writes digit/0-9, letter/A-Z, counter/1-30 and phrase/<words> for the default call wording. An
office that prefers a human voice records its own WAV files (mono, 16-bit, 22,050 Hz) under the
same names; a wording changed in the settings needs its phrases recorded or generated the same way.
"""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from counter_app.domain.announcement import (  # noqa: E402
    COUNTER_CLIPS,
    DEFAULT_WORDING,
    LETTER_NAMES,
    number_words,
    phrase_key,
)

OUT = Path(__file__).resolve().parent / "vi"
VOICE, SPEED, RATE = "vi", "135", "22050"


def clip(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", SPEED, "-w", str(raw), text], check=True)
        # Trim the silence espeak leaves around a word, resample to one format for every clip.
        subprocess.run(
            ["sox", str(raw), "-r", RATE, "-c", "1", "-b", "16", str(target),
             "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"],
            check=True,
        )  # fmt: skip


def main() -> None:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: sudo apt-get install espeak-ng sox")
    for digit, word in enumerate(("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")):
        clip(word, OUT / "digit" / f"{digit}.wav")
    for letter, name in LETTER_NAMES.items():
        clip(name, OUT / "letter" / f"{letter}.wav")
    for number in range(1, COUNTER_CLIPS + 1):
        clip(number_words(number), OUT / "counter" / f"{number}.wav")
    for literal, _, _, _ in string.Formatter().parse(DEFAULT_WORDING):
        if literal.strip():
            clip(literal.strip(), OUT / "phrase" / f"{phrase_key(literal)}.wav")
    print(f"clips written to {OUT}")


if __name__ == "__main__":
    main()
