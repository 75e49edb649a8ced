"""Running the horizonscan CLI in-process from tests."""

from __future__ import annotations

import pytest

from cli.main import main


def run_cli(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `horizonscan ARGV`, argparse's own exits included."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err
