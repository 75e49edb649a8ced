"""CLI: sources list/add/remove/pause/resume/import-opml/export-opml/defaults and scan, against a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.db.settings import save_settings
from tests.cli_helpers import run_cli
from tests.feedserver import FeedServer
from tests.processes import kill_cli_after_items

FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


@pytest.fixture
def cli_dir(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    save_settings(data_dir, {"embedding_model": "hashing", "allowed_hosts": ["127.0.0.1"], "language": "nl"})
    return data_dir


run = run_cli


def test_add_list_scan_and_health(cli_dir: Path, feed_server: FeedServer, capsys) -> None:
    code, out, _ = run(capsys, "sources", "add", feed_server.url("/site/"), "--theme", "huisvesting")
    assert code == 0 and "Added" in out and "more feeds" in out
    run(capsys, "sources", "add", feed_server.url("/status/404"), "--no-check", "--name", "Kapot")
    code, out, err = run(capsys, "scan", "--json")
    summary = json.loads(out)
    assert code == 3 and summary["ok"] == 1 and summary["failed"] == 1 and summary["new_items"] == 5  # 3: some failed
    failed = [s for s in summary["per_source"] if s["status"] == "failed"][0]
    assert "404" in failed["error"]
    listing = json.loads(run(capsys, "sources", "list", "--json")[1])
    for key in ("id", "name", "url", "type", "status", "last_success", "last_error", "failures", "next_due", "items"):
        assert key in listing[0]
    by_name = {s["name"]: s for s in listing}
    assert by_name["Kapot"]["status"] == "failing" and by_name["Kapot"]["failures"] == 1
    assert "bestaat niet" in by_name["Kapot"]["last_error"]
    healthy = [s for s in listing if s["name"] != "Kapot"][0]
    assert healthy["status"] == "ok" and healthy["items"] == 5 and healthy["themes"] == ["huisvesting"]


def test_scan_human_summary_and_progress(cli_dir: Path, feed_server: FeedServer, capsys) -> None:
    run(capsys, "sources", "add", feed_server.url("/fixtures/malformed.xml"), "--no-fulltext")
    code, out, _ = run(capsys, "scan")
    assert code == 0 and "Scanned 1 sources: 1 ok" in out and "new items" in out
    assert "~" in out and "fouten" in out  # the malformed-feed warning, in Dutch


def test_pause_resume_remove(cli_dir: Path, feed_server: FeedServer, capsys) -> None:
    run(capsys, "sources", "add", feed_server.url("/fixtures/rss20.xml"), "--no-fulltext")
    assert "Paused" in run(capsys, "sources", "pause", "1")[1]
    assert json.loads(run(capsys, "scan", "--json")[1])["sources"] == 0
    assert "Resumed" in run(capsys, "sources", "resume", "1")[1]
    assert json.loads(run(capsys, "scan", "--json")[1])["new_items"] == 5
    code, out, _ = run(capsys, "sources", "remove", "1")
    assert code == 0 and "5 items stay" in out
    assert json.loads(run(capsys, "stats", "--json")[1])["items"] == 5


def test_opml_commands(cli_dir: Path, tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "sources", "import-opml", str(FEEDS / "sources_with_junk.opml"))
    assert code == 0 and "entries skipped" in out and "not a url" in err
    target = tmp_path / "out.opml"
    code, out, _ = run(capsys, "sources", "export-opml", str(target))
    assert code == 0 and target.read_bytes().startswith(b"<?xml")
    code, _, err = run(capsys, "sources", "import-opml", str(FEEDS / "broken.opml"))
    assert code == 2 and "damaged" in err and err.count("\n") == 1


def test_search_source_and_defaults(cli_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "sources", "add", "huisvesting arbeidsmigranten", "--type", "search")
    assert code == 0 and "news.google.com" in out
    code, out, _ = run(capsys, "sources", "defaults")
    assert code == 0 and "added" in out


@pytest.mark.parametrize("argv, fragment", [
    (["sources", "remove", "99"], "No source with id"),
    (["sources", "add", "geen url"], "not a web address"),
    (["scan", "--source", "nope"], "No source with id or name 'nope'"),
])
def test_source_usage_errors(cli_dir: Path, capsys, argv: list[str], fragment: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and fragment in err and err.count("\n") == 1


def test_killed_scan_is_completed_by_the_next(cli_dir: Path, feed_server: FeedServer, capsys) -> None:
    for n in range(30):
        run(capsys, "sources", "add", feed_server.url(f"/gen/{n}.xml?items=40"), "--no-check", "--no-fulltext")
    count = kill_cli_after_items(cli_dir, ["scan"], 80)
    assert 0 < count < 1200, "the scan should have been killed half way"
    code, out, _ = run(capsys, "scan", "--json")
    assert code == 0 and json.loads(out)["failed"] == 0
    stats = json.loads(run(capsys, "stats", "--json")[1])
    assert stats["items"] == 1200 and stats["vectors"] == 1200
    assert json.loads(run(capsys, "scan", "--all", "--json")[1])["new_items"] == 0


def test_sources_check_says_per_source_what_to_do_and_fix_takes_new_addresses(cli_dir: Path, feed_server: FeedServer,
                                                                              capsys) -> None:
    cases = {"Werkt": "/fixtures/rss091.xml", "Verhuisd": "/moved/atom10.xml", "Weg": "/status/410",
             "Onbekend": "/status/404", "Site met feed": "/site/", "Site zonder feed": "/site-nofeed/",
             "Kapot": "/status/500"}
    for name, path in cases.items():
        assert run(capsys, "sources", "add", feed_server.url(path), "--no-check", "--name", name)[0] == 0
    before = feed_server.hits("/fixtures/")
    code, out, _ = run(capsys, "sources", "check", "--json")
    checks = {c["name"]: c for c in json.loads(out)}
    assert code == 3  # some need attention
    assert checks["Werkt"]["verdict"] == "ok" and checks["Werkt"]["entries"] > 0
    assert checks["Verhuisd"]["verdict"] == "moved" and checks["Verhuisd"]["new_url"] == feed_server.url(
        "/fixtures/atom10.xml")
    assert checks["Weg"]["verdict"] == "gone" and checks["Onbekend"]["verdict"] == "gone"
    assert checks["Site met feed"]["verdict"] == "not_a_feed" and checks["Site met feed"]["new_url"]
    assert checks["Site zonder feed"]["verdict"] == "not_a_feed" and checks["Site zonder feed"]["new_url"] is None
    assert checks["Kapot"]["verdict"] == "failing" and "500" in checks["Kapot"]["explanation"]
    assert json.loads(run(capsys, "stats", "--json")[1])["items"] == 0  # nothing stored
    assert feed_server.hits("/fixtures/") > before
    code, out, _ = run(capsys, "sources", "check")
    assert "7 bronnen: 1 werken, 1 verhuisd, 2 bestaan niet meer, 2 zijn geen feed, 1 geven nu een fout." in out
    assert "neem het nieuwe adres over met --fix" in out
    code, out, _ = run(capsys, "sources", "check", "--fix", "--json")
    fixed = {c["name"] for c in json.loads(out) if c["fixed"]}
    assert fixed == {"Verhuisd", "Site met feed"}
    urls = {s["name"]: s["url"] for s in json.loads(run(capsys, "sources", "list", "--json")[1])}
    assert urls["Verhuisd"] == feed_server.url("/fixtures/atom10.xml")
    code, out, _ = run(capsys, "sources", "check", "--json")
    again = {c["name"]: c["verdict"] for c in json.loads(out)}
    assert again["Verhuisd"] == "ok" and again["Site met feed"] == "ok"
    run(capsys, "sources", "add", feed_server.url("/site/"), "--no-check", "--type", "feed", "--name", "Dubbel")
    code, out, _ = run(capsys, "sources", "check", "--fix")
    assert "en dat is al bron #" in out  # a page whose feed is already a source is not turned into a duplicate
