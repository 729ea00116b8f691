"""Start the reference provincial server: ``python -m counter_app.reference_server``.

    python -m counter_app.reference_server --db province.sqlite --port 8765 \
        --client 000.00.00.H00:demo-secret --catalogue resources/catalogue/demo.json

Faults can be set at start (--latency-ms, --fail-rate, --upload-kbps) or at any time with
``POST /_admin/faults`` (see docs/sync.md).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from counter_app.reference_server.faults import FaultPlan
from counter_app.reference_server.server import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m counter_app.reference_server", description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("province.sqlite"), help="the server's SQLite file")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--client",
        action="append",
        default=[],
        help="CLIENT_ID:SECRET an office signs in with (* for any office: demonstrations)",
    )
    parser.add_argument("--catalogue", type=Path, help="publish this catalogue file (counter_app format)")
    parser.add_argument("--calendar", type=Path, help="publish this calendar file (JSON: version, days)")
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument(
        "--fail-rate", type=float, default=0.0, help="share of requests that get a random fault"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--upload-kbps", type=int, default=0, help="limit uploads to this many KB/s")
    args = parser.parse_args(argv)

    faults = FaultPlan(
        latency_ms=args.latency_ms,
        random_rate=args.fail_rate,
        upload_bytes_per_second=args.upload_kbps * 1024,
    )
    faults.update({"seed": args.seed})
    server = serve(args.db, args.host, args.port, faults)
    for pair in args.client:
        client_id, _, secret = pair.partition(":")
        if not client_id or not secret:
            parser.error(f"--client wants CLIENT_ID:SECRET, not {pair!r}")
        server.store.add_client(client_id, secret)
    for name, path in (("catalogue", args.catalogue), ("calendar", args.calendar)):
        if path is not None:
            text = path.read_text(encoding="utf-8-sig")
            server.store.publish(name, str(json.loads(text).get("version") or path.stem), text)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"reference provincial server on {server.url} (store {args.db})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
