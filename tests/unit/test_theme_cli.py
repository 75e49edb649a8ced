"""CLI: themes, tag/untag, items show, suggest, rules, watchlist, trends, inbox."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from cli.main import main
from store.core.weeks import week_label, week_of
from store.db.settings import save_settings
from tests.cli_helpers import run_cli


@pytest.fixture
def demo_dir(data_dir: Path, capsys) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    save_settings(data_dir, {"embedding_model": "hashing"})
    assert main(["demo"]) == 0
    capsys.readouterr()
    return data_dir


run = run_cli


def jrun(capsys, *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_themes_commands(demo_dir: Path, capsys) -> None:
    themes = jrun(capsys, "themes", "list")
    assert [t["key"] for t in themes][:2] == ["economie", "arbeidsmarkt"] and themes[0]["items"] > 0
    assert run(capsys, "themes", "add", "onderwijs", "--label", "Onderwijs", "--description", "scholen")[0] == 0
    assert run(capsys, "themes", "rename", "onderwijs", "Onderwijs en taal")[0] == 0
    assert run(capsys, "themes", "describe", "onderwijs", "Scholen, taallessen", "--english")[0] == 0
    code, _, err = run(capsys, "themes", "delete", "huisvesting")
    assert code == 2 and "--yes" in err and "items would lose" in err
    code, out, _ = run(capsys, "themes", "merge", "impact", "migranten")
    assert code == 0 and "items moved over" in out
    code, out, _ = run(capsys, "themes", "delete", "onderwijs", "--yes")
    assert code == 0 and "0 items lost it" in out
    assert [t["key"] for t in jrun(capsys, "themes", "list")].count("impact") == 0
    code, _, err = run(capsys, "themes", "add", "Bad Key", "--label", "x")
    assert code == 2 and "cannot be a theme key" in err


def test_tag_untag_and_items_show(demo_dir: Path, capsys) -> None:
    assert run(capsys, "tag", "1", "veiligheid", "beleid")[0] == 0
    assert run(capsys, "untag", "1", "beleid")[0] == 0
    item = jrun(capsys, "items", "show", "1")
    by_key = {t["key"]: t for t in item["themes"]}
    assert by_key["veiligheid"]["origin"] == "manual" and by_key["veiligheid"]["decision"] == "accepted"
    assert by_key["beleid"]["decision"] == "rejected" and not by_key["beleid"]["active"]
    for theme in item["themes"]:
        assert {"origin", "confidence", "decision", "explanation"} <= set(theme)
    url = item["url"]
    assert jrun(capsys, "items", "show", url)["id"] == 1
    code, _, err = run(capsys, "tag", "1", "nonsense")
    assert code == 2 and "Unknown theme 'nonsense'" in err
    code, out, _ = run(capsys, "tags", "1", "short-stay", "vergunning")
    assert code == 0 and "short-stay, vergunning" in out


def test_suggest(demo_dir: Path, capsys) -> None:
    rows = jrun(capsys, "suggest", "150")
    assert len(rows) == 8 and rows[0]["confidence"] >= rows[-1]["confidence"]
    assert all({"theme", "label", "confidence", "explanation"} <= set(r) for r in rows)
    assert any(r["explanation"].startswith("lijkt op") for r in rows)  # the demo's tagged weeks teach it


def test_rules_commands(demo_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "rules", "test", "veiligheid", "--match", "any", "--pattern", "brand brandweer")
    assert code == 0 and "The rule matches" in out
    code, out, _ = run(capsys, "rules", "add", "veiligheid", "--match", "phrase", "--pattern", "Vitrex",
                       "--field", "both")
    assert code == 0 and "Added rule #1" in out
    assert jrun(capsys, "rules", "list")[0]["pattern"] == "Vitrex"
    code, out, _ = run(capsys, "rules", "apply", "--all")
    assert code == 0 and "matches" in out
    code, _, err = run(capsys, "rules", "add", "veiligheid", "--match", "regex", "--pattern", "(kapot")
    assert code == 2 and "not valid" in err
    assert run(capsys, "rules", "remove", "1")[0] == 0


def test_watchlist_trends_inbox(demo_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "watchlist", "add", "FlexPlus Uitzendgroep", "--kind", "agency", "--alias", "FlexPlus")
    assert code == 0 and "mentioned in" in out
    listing = jrun(capsys, "watchlist", "list")
    flexplus = next(a for a in listing if a["name"] == "FlexPlus Uitzendgroep")
    assert flexplus["items"] >= 10 and flexplus["aliases"] == ["FlexPlus"]
    shown = jrun(capsys, "watchlist", "show", "FlexPlus Uitzendgroep")
    assert shown["timeline"] and len(shown["weeks"]) == 12
    series = jrun(capsys, "trends", "--weeks", "8")
    assert {s["kind"] for s in series} == {"theme", "actor"} and len(series[0]["weeks"]) == 8
    # the inbox of the week that holds the newest example items (early on a Monday that is last week)
    newest = max(datetime.fromisoformat(r["published"].replace("Z", "+00:00")) for r in jrun(capsys, "search", ""))
    inbox = jrun(capsys, "inbox", "--week", week_label(*week_of(newest)))
    assert inbox and all({"score", "explanation", "parts"} <= set(r) for r in inbox)
    assert inbox == sorted(inbox, key=lambda r: -r["score"])
    code, _, err = run(capsys, "inbox", "--week", "week 48")
    assert code == 2 and "2026-W48" in err
    assert run(capsys, "watchlist", "remove", "FlexPlus Uitzendgroep")[0] == 0


def test_items_mark_and_note_from_the_command_line(demo_dir: Path, capsys) -> None:
    for mark, state, starred in (("star", "read", True), ("unstar", "read", False), ("dismiss", "dismissed", False),
                                 ("unread", "new", False), ("read", "read", False)):
        code, out, _ = run_cli(capsys, "items", "mark", "5", mark)
        shown = json.loads(run_cli(capsys, "items", "show", "5", "--json")[1])
        assert code == 0 and (shown["state"], shown["starred"]) == (state, starred), mark
    assert run_cli(capsys, "items", "note", "5", "Belangrijk voor Brabant")[0] == 0
    shown = json.loads(run_cli(capsys, "items", "show", "5", "--json")[1])
    assert shown["note"] == "Belangrijk voor Brabant" and all("key" in t for t in shown["themes"])
    code, _, err = run_cli(capsys, "items", "mark", "5", "archive")
    assert code == 2 and "invalid choice" in err
