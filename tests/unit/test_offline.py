"""Nothing phones home: the store and CLI make no network connection, and bad folders are explained."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli.main import main

ROOT = Path(__file__).resolve().parents[2]

GUARD = textwrap.dedent(
    """
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args)[:200])
        raise OSError("network disabled in this test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    from cli.main import main
    codes = [main(["--data-dir", sys.argv[1], *args.split("|")]) for args in sys.argv[2:]]
    print("CODES", codes)
    print("ATTEMPTS", attempts)
    """
)


@pytest.mark.slow
def test_store_and_cli_make_no_network_connections(tmp_path: Path) -> None:
    """Real default embedder and Chroma, with every socket call refused and recorded."""
    commands = ["demo", "search|huisvesting arbeidsmigranten", "search|housing|--mode|semantic",
                "similar|1", "stats|--json", "reindex", "doctor"]
    result = subprocess.run([sys.executable, "-c", GUARD, str(tmp_path / "data"), *commands],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert "CODES [0, 0, 0, 0, 0, 0, 0]" in result.stdout, result.stdout + result.stderr
    assert "ATTEMPTS []" in result.stdout, result.stdout


def test_damaged_database_file_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "horizonscan.db").write_bytes(b"not a database, just some bytes" * 200)
    code = main(["--data-dir", str(folder), "stats"])
    err = capsys.readouterr().err
    assert code == 1
    assert "is damaged" in err and "backup" in err and "doctor --salvage" in err and err.count("\n") == 1
