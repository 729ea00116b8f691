"""Faults the reference server injects on demand, so tests and people can watch the client cope.

Each request asks :meth:`FaultPlan.next_fault` what to do; counted faults are used up in order,
random ones are drawn from a seeded generator so a failing storm can be replayed.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Fault(StrEnum):
    NONE = "none"
    ERROR_500 = "500"
    ERROR_503 = "503"  # with Retry-After
    DROP_BEFORE = "drop_before"  # the connection closes before the request is processed
    DROP_AFTER = "drop_after"  # processed and committed, then the connection closes: no answer
    BAD_JSON = "bad_json"
    WRONG_TYPES = "wrong_types"
    HUGE_BODY = "huge_body"


@dataclass
class CountedFault:
    fault: Fault
    count: int
    path_prefix: str = "/v1/"


@dataclass
class FaultPlan:
    latency_ms: int = 0
    retry_after_seconds: int = 1
    upload_bytes_per_second: int = 0  # 0: as fast as the link
    random_rate: float = 0.0  # share of /v1/ requests (not /v1/ping) that get a random fault
    random_faults: tuple[Fault, ...] = (Fault.ERROR_500, Fault.ERROR_503, Fault.DROP_BEFORE, Fault.DROP_AFTER)
    seed: int = 0
    counted: list[CountedFault] = field(default_factory=list)
    offline: bool = False  # every request is refused at the door, as if the server were down
    _random: random.Random = field(default_factory=random.Random, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def next_fault(self, path: str) -> Fault:
        with self._lock:
            for counted in self.counted:
                if counted.count > 0 and path.startswith(counted.path_prefix):
                    counted.count -= 1
                    if counted.count == 0:
                        self.counted.remove(counted)
                    return counted.fault
            drawn = self.random_rate and path.startswith("/v1/") and path != "/v1/ping"
            if drawn and self._random.random() < self.random_rate:
                return self._random.choice(self.random_faults)
        return Fault.NONE

    def update(self, settings: dict[str, Any]) -> None:
        """Change the plan from an admin request or the command line (unknown names are refused)."""
        with self._lock:
            for name, value in settings.items():
                if name == "counted":
                    self.counted.extend(
                        CountedFault(Fault(c["fault"]), int(c["count"]), str(c.get("path_prefix", "/v1/")))
                        for c in value
                    )
                elif name == "random_faults":
                    self.random_faults = tuple(Fault(f) for f in value)
                elif name == "seed":
                    self.seed = int(value)
                    self._random.seed(self.seed)
                elif name in ("latency_ms", "retry_after_seconds", "upload_bytes_per_second"):
                    setattr(self, name, int(value))
                elif name == "random_rate":
                    self.random_rate = float(value)
                elif name == "offline":
                    self.offline = bool(value)
                else:
                    raise KeyError(name)

    def clear(self) -> None:
        with self._lock:
            self.counted.clear()
            self.latency_ms = self.upload_bytes_per_second = 0
            self.random_rate = 0.0
            self.offline = False
