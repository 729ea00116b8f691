"""TLS is always verified: a province whose certificate chains to a root this PC does not know is
refused with a clear message, and trusted once the office sets that root as its extra CA file."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest

from counter_app.sync.province.adapter import Untrusted
from counter_app.sync.province.rest_client import ContractClient, Credentials
from tests.services.code_worker import OFFICE
from tests.sync.conftest import SECRET, start_province, stop_province


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A root CA (standing for the national one) and a server certificate for 127.0.0.1 it signed."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test certificates")
    ca_key, ca, key, request, cert = (
        folder / n for n in ("ca.key", "ca.pem", "srv.key", "srv.csr", "srv.pem")
    )

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True)

    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(ca_key),
        "-out",
        str(ca),
        "-days",
        "2",
        "-subj",
        "/CN=Test national root CA",
    )
    run(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        str(key),
        "-out",
        str(request),
        "-subj",
        "/CN=127.0.0.1",
    )
    extensions = folder / "ext.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1\n")
    run(
        "x509",
        "-req",
        "-in",
        str(request),
        "-CA",
        str(ca),
        "-CAkey",
        str(ca_key),
        "-CAcreateserial",
        "-out",
        str(cert),
        "-days",
        "2",
        "-extfile",
        str(extensions),
    )
    return ca, cert, key


def test_an_unknown_root_is_refused_and_the_extra_ca_file_trusts_it(tmp_path):
    ca, cert, key = _certificates(tmp_path)
    province = start_province(tmp_path / "p" / "p.sqlite")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    province.server.socket = context.wrap_socket(province.server.socket, server_side=True)
    url = province.url.replace("http://", "https://")
    try:
        untrusting = ContractClient(url, Credentials(OFFICE, SECRET), connect_timeout=2, read_timeout=5)
        with pytest.raises(Untrusted) as refused:
            untrusting.probe()
        assert "extra CA" in str(refused.value)
        untrusting.close()
        trusting = ContractClient(
            url, Credentials(OFFICE, SECRET), connect_timeout=2, read_timeout=5, extra_ca_file=str(ca)
        )
        trusting.probe()
        assert trusting.changes("").changes == ()  # signed in and read over verified TLS
        trusting.close()
    finally:
        stop_province(province)
