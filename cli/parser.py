"""The argument parser class every command uses: usage errors are one line, exit code 2."""

from __future__ import annotations

import argparse
from typing import NoReturn

EXIT_USAGE = 2


class CliParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line instead of argparse's usage dump
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def subcommands(parser: argparse.ArgumentParser, dest: str) -> argparse._SubParsersAction:
    """A required group of sub-commands (ACTION) under a command."""
    sub = parser.add_subparsers(dest=dest, metavar="ACTION", parser_class=CliParser)
    sub.required = True
    return sub
