"""Entry point of the `horizonscan` command: parse arguments, run, map errors to exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from scanner.cli import store_commands
from scanner.cli.errors import UsageError
from store.errors import DataDirError, ItemNotFoundError, QueryError, StoreError, UnknownThemeError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
USAGE_ERRORS = (QueryError, UnknownThemeError, ItemNotFoundError)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of argparse's usage dump
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="horizonscan",
        description="Horizonscan: scan, store and search news on labour migration (arbeidsmigratie).",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: $HORIZONSCAN_DATA_DIR "
                        "or the user data folder)")
    parser.add_argument("--debug", action="store_true", help="show full error details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for register in COMMAND_MODULES:
        register(sub)
    return parser


COMMAND_MODULES: list[Callable[[argparse._SubParsersAction], None]] = [store_commands.register]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or EXIT_OK)
    except KeyboardInterrupt:
        print("\nhorizonscan: interrupted; everything saved so far is kept. Run the command again to continue.",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    except (UsageError, *USAGE_ERRORS) as exc:
        if args.debug:
            raise
        print(f"horizonscan: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (DataDirError, StoreError, OSError) as exc:
        if args.debug:
            raise
        print(f"horizonscan: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        if args.debug:
            raise
        print(f"horizonscan: unexpected error: {type(exc).__name__}: {_one_line(exc)} "
              "(run with --debug for details)", file=sys.stderr)
        return EXIT_ERROR


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.strerror or exc}: {exc.filename}"
    return " ".join(str(exc).split())


def run() -> None:
    """Console-script wrapper."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    sys.exit(main())


if __name__ == "__main__":
    run()
