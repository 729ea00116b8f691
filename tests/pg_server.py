"""A throwaway PostgreSQL server for the tests, started from the installed server binaries.

initdb refuses to run as root, so as root the server runs as the ``postgres`` user
(runuser). It listens only on a private Unix socket directory and port.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL


def find_bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    bindir: Path
    root: Path
    port: int
    as_user: list[str]

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username="postgres",
            database=database,
            query={"host": str(self.socket_dir), "port": str(self.port)},
        )

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    @classmethod
    def start(cls, *, durable: bool = False) -> PgServer:
        """``durable`` keeps fsync on, for benchmarks; tests run faster without it."""
        bindir = find_bindir()
        if bindir is None:
            raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found")
        root = Path(tempfile.mkdtemp(prefix="counter-app-pg-"))
        as_user: list[str] = []
        if os.geteuid() == 0:
            as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(root, "postgres", "postgres")
        server = cls(bindir, root, _free_port(), as_user)
        server._run("mkdir", "-p", str(server.socket_dir))
        server._run(
            str(bindir / "initdb"),
            "-D",
            str(server.data_dir),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C",
        )
        options = f"-p {server.port} -k {server.socket_dir} -c listen_addresses=''"
        options += " -c max_connections=200" + ("" if durable else " -c fsync=off")
        server._run(
            str(bindir / "pg_ctl"),
            "-D",
            str(server.data_dir),
            "-o",
            options,
            "-l",
            str(server.root / "server.log"),
            "-w",
            "start",
        )
        return server

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
