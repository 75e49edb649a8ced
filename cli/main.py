"""Entry point of the `horizonscan` command: parse arguments, run, map errors to exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from cli import (
    card_commands,
    digest_commands,
    indicator_commands,
    signal_commands,
    source_commands,
    store_commands,
    team_commands,
    theme_commands,
)
from cli.errors import UsageError
from cli.parser import CliParser
from scanner.source_manager import SourceInputError
from store import (
    ActorError,
    BackupError,
    RuleError,
    SourceNotFoundError,
    ThemeEditError,
    log_file,
    resolve_data_dir,
    setup_file_logging,
)
from store.core.errors import DataDirError, ItemNotFoundError, QueryError, StoreError, UnknownThemeError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
USAGE_ERRORS = (QueryError, UnknownThemeError, ItemNotFoundError, SourceNotFoundError, SourceInputError,
                ThemeEditError, RuleError, ActorError, BackupError)


def build_parser() -> argparse.ArgumentParser:
    parser = CliParser(
        prog="horizonscan",
        description="Horizonscan: scan, store and search news on labour migration (arbeidsmigratie).",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: $HORIZONSCAN_DATA_DIR "
                        "or the user data folder)")
    parser.add_argument("--server", metavar="URI", help="team mode: the PostgreSQL server "
                        "(postgresql://user@host/db?sslmode=require; default: $HORIZONSCAN_SERVER)")
    parser.add_argument("--debug", action="store_true", help="show full error details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    sub.required = True
    for register in COMMAND_MODULES:
        register(sub)
    return parser


COMMAND_MODULES: list[Callable[[argparse._SubParsersAction], None]] = [
    store_commands.register, source_commands.register, theme_commands.register, signal_commands.register,
    digest_commands.register, team_commands.register, indicator_commands.register,
    card_commands.register,
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None and not args.data_dir.strip():
        parser.error("--data-dir is empty: give a folder, or leave the option out to use the default folder")
    args.data_dir_is_new = not resolve_data_dir(args.data_dir).exists()  # before the log file makes it
    _setup_logging(args)
    try:
        return int(args.handler(args) or EXIT_OK)
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        sys.stderr.close()
        return EXIT_OK
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
    except BaseException as exc:  # noqa: BLE001 - last resort: one line, never a traceback
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":  # SystemExit and such
            raise  # (a panic in Chroma's Rust core is a BaseException too, and gets the one line)
        logging.getLogger("horizonscan").exception("unexpected error")
        if args.debug:
            raise
        print(f"horizonscan: unexpected error: {type(exc).__name__}: {_one_line(exc)} "
              f"(details in {log_file(resolve_data_dir(args.data_dir))})", file=sys.stderr)
        return EXIT_ERROR


def _setup_logging(args: argparse.Namespace) -> None:
    """Details to the log file in the data folder; on the terminal only with --debug."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if h.get_name() == "horizonscan-terminal"]:
        root.removeHandler(old)
    handler = logging.StreamHandler() if args.debug else logging.NullHandler()
    handler.set_name("horizonscan-terminal")  # a NullHandler also keeps logging's last resort quiet
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    try:
        setup_file_logging(resolve_data_dir(args.data_dir))
    except OSError:
        pass


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
