"""CLI commands for team mode: team init, team status, team push (PostgreSQL; see README, "Team mode")."""

from __future__ import annotations

import argparse

from cli.errors import UsageError
from cli.output import print_json
from cli.parser import subcommands
from cli.progress_line import ProgressLine
from cli.store_commands import data_dir_of
from store import DEFAULT_SETTINGS, create_embedder, init_team, push_folder, server_uri, team_status


def _uri(args: argparse.Namespace) -> str:
    uri = server_uri(args.server)
    if not uri:
        raise UsageError("no team server given: use --server postgresql://… or set HORIZONSCAN_SERVER")
    return uri


def cmd_team_init(args: argparse.Namespace) -> int:
    embedder = create_embedder(args.model or DEFAULT_SETTINGS["embedding_model"])
    applied = init_team(_uri(args), embedder.name, embedder.dim)
    print(f"Team schema {'upgraded with migration(s) ' + ', '.join(map(str, applied)) if applied else 'up to date'}.")
    return 0


def cmd_team_status(args: argparse.Namespace) -> int:
    status = team_status(_uri(args))
    if args.json:
        print_json(status.__dict__)
        return 0
    print(f"server: {status.server} (PostgreSQL {status.server_version})")
    print(f"schema: {status.schema_version} (this Horizonscan: {status.app_schema_version})")
    print(f"people: {', '.join(status.people) or '(none yet)'}")
    print(f"items: {status.items}")
    scan = status.last_scan
    print("last scan: " + (f"{scan['started']} ({scan['status']}, {scan['items_new']} new)" if scan else "none yet"))
    return 0


def cmd_team_push(args: argparse.Namespace) -> int:
    line = ProgressLine()
    try:
        copied = push_folder(data_dir_of(args), _uri(args), progress=line)
    finally:
        line.finish()
    print(f"Pushed {copied.get('items', 0)} items, {copied.get('embeddings', 0)} vectors, "
          f"{copied.get('notes', 0)} notes, {copied.get('digests', 0)} digests and the rest of "
          f"{data_dir_of(args)} to the team database.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    team = sub.add_parser("team", help="team mode on a PostgreSQL server: init, status, push")
    tsub = subcommands(team, "team_command")
    p = tsub.add_parser("init", help="create or upgrade the team schema (run as the database's owner)")
    p.add_argument("--model", help="the embedding model the team uses (default: use-multilingual)")
    p.set_defaults(handler=cmd_team_init)
    p = tsub.add_parser("status", help="server, schema version, people and the last scan")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_team_status)
    p = tsub.add_parser("push", help="copy the local data folder into an empty team database")
    p.set_defaults(handler=cmd_team_push)
