"""The horizonscan CLI: import, search --json, demo, stats, doctor, model, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from store.db.settings import save_settings
from tests.processes import kill_cli_after_items

GOOD = {"url": "https://a.example/1", "title": "Tilburg opent short-stay locatie voor arbeidsmigranten",
        "text": "De gemeente Tilburg opent een short-stay locatie voor 300 arbeidsmigranten.",
        "published": "2026-11-02T10:00:00+01:00", "source": "Zuidelijk Dagblad"}


@pytest.fixture
def cli_dir(data_dir: Path) -> Path:
    """A data folder whose settings select the fast fake embedder."""
    data_dir.mkdir(parents=True, exist_ok=True)
    save_settings(data_dir, {"embedding_model": "hashing"})
    return data_dir


def write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_reports_bad_lines_and_keeps_good_ones(cli_dir: Path, tmp_path: Path, capsys) -> None:
    second = dict(GOOD, url="https://a.example/2", title="Second item", published=None)
    path = write_jsonl(tmp_path / "in.jsonl", [
        GOOD, "{broken json", {"url": "https://a.example/3", "title": "no text"},
        dict(GOOD, url="ftp://x"), dict(GOOD, url="https://a.example/4", published="yesterday"),
        "[1, 2]", second, "",
    ])
    code, out, err = run(capsys, "import", str(path))
    assert code == 0
    assert "3 new" in out and "4 line(s) skipped" in out and "1 imported with a repair" in out
    assert "line 5: imported, but 'published' left empty" in err  # kept without its date, not dropped
    for line in (2, 3, 4, 5, 6):
        assert f"line {line}:" in err
    code, out, _ = run(capsys, "import", str(path))
    assert "0 new" in out and "3 unchanged" in out


def test_search_json_has_the_documented_fields(cli_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "import", str(write_jsonl(tmp_path / "in.jsonl", [GOOD])))
    code, out, _ = run(capsys, "search", "short-stay Tilburg", "--json", "--limit", "5")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    for key in ("id", "url", "title", "source", "published", "score", "themes"):
        assert key in hits[0]
    assert hits[0]["published"] == "2026-11-02T09:00:00Z"
    for mode in ("keyword", "semantic"):
        code, out, _ = run(capsys, "search", "Tilburg", "--mode", mode, "--json")
        assert code == 0 and json.loads(out)[0]["url"] == GOOD["url"]


def test_search_filters_and_human_output(cli_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "import", str(write_jsonl(tmp_path / "in.jsonl", [GOOD])))
    code, out, _ = run(capsys, "search", "Tilburg", "--since", "2026-12-01", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "search", "Tilburg")
    assert "Tilburg opent" in out and "Zuidelijk Dagblad" in out


@pytest.mark.clock("2026-11-27 15:00", zone="Europe/Amsterdam")
def test_since_and_until_take_whole_local_days(cli_dir: Path, tmp_path: Path, capsys) -> None:
    # published 2026-11-29 00:30 in Amsterdam (23:30 UTC the day before) and 23:30 on the same day
    early = dict(GOOD, url="https://a.example/early", title="Vroeg", published="2026-11-28T23:30:00Z")
    late = dict(GOOD, url="https://a.example/late", title="Laat", text="Een ander bericht over Tilburg.",
                published="2026-11-29T22:30:00Z")
    run(capsys, "import", str(write_jsonl(tmp_path / "in.jsonl", [early, late])))

    def titles(*argv: str) -> list[str]:
        code, out, err = run(capsys, "search", "Tilburg", "--json", *argv)
        assert code == 0, err
        return sorted(hit["title"] for hit in json.loads(out))

    assert titles("--until", "2026-11-29") == ["Laat", "Vroeg"]  # --until includes the day itself
    assert titles("--since", "2026-11-29", "--until", "2026-11-29") == ["Laat", "Vroeg"]
    assert titles("--until", "2026-11-28") == []
    assert titles("--since", "2026-11-30") == []
    assert titles("--until", "2026-11-29T12:00:00+01:00") == ["Vroeg"]  # a time is taken as given


@pytest.mark.parametrize("argv, fragment", [
    (["search", "AND OR NOT"], "no words"),
    (["search", "x", "--theme", "nope"], "Unknown theme 'nope'"),
    (["search", "x", "--since", "last week"], "--since must be a date"),
    (["search", "x", "--mode", "fuzzy"], "invalid choice"),
    (["search", "x", "--limit", "0"], "at least 1"),
    (["similar", "12345"], "No item with id"),
    (["import", "/no/such/file.jsonl"], "no such file"),
    (["model", "word2vec"], "Unknown embedding model"),
    (["frobnicate"], "invalid choice"),
])
def test_usage_errors_exit_2_with_one_line(cli_dir: Path, capsys, argv: list[str], fragment: str) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert fragment in err and err.count("\n") == 1


def test_unwritable_data_dir_is_exit_1(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(blocker / "sub"), "stats")
    assert code == 1 and "data folder" in err and err.count("\n") == 1


def test_demo_twice_adds_nothing_twice(cli_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "fictional example data" in out
    first = json.loads(run(capsys, "stats", "--json")[1])
    run(capsys, "demo")
    second = json.loads(run(capsys, "stats", "--json")[1])
    assert first["items"] == second["items"] >= 140
    assert second["vectors"] == second["items"]
    assert set(second) >= {"items", "sources", "themes", "vectors", "embedder", "dim"}


def test_search_shows_example_data_as_such(cli_dir: Path, capsys) -> None:
    run(capsys, "demo")
    code, out, _ = run(capsys, "search", "huisvesting", "--json")
    hits = json.loads(out)
    assert hits and all(h["example"] and h["source"].endswith("(voorbeeld)") for h in hits)
    assert "[voorbeeld]" in run(capsys, "search", "huisvesting")[1]


def test_reindex_and_doctor(cli_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "import", str(write_jsonl(tmp_path / "in.jsonl", [GOOD])))
    code, out, _ = run(capsys, "reindex")
    assert code == 0 and "1 vectors" in out
    code, out, _ = run(capsys, "doctor", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"]
    assert {c["name"] for c in report["checks"]} == {"disk", "database", "keyword index", "embeddings", "vector index",
                                                     "automation", "scan runs"}


def test_model_switch_reembeds(cli_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "import", str(write_jsonl(tmp_path / "in.jsonl", [GOOD])))
    code, out, _ = run(capsys, "model", "hashing-32")
    assert code == 0 and "1 items re-embedded" in out
    assert json.loads(run(capsys, "stats", "--json")[1])["dim"] == 32


def test_killed_import_is_completed_by_doctor_and_rerun(cli_dir: Path, tmp_path: Path, capsys) -> None:
    lines = [dict(GOOD, url=f"https://a.example/{n}", title=f"Bericht {n} over huisvesting")
             for n in range(4000)]
    path = write_jsonl(tmp_path / "big.jsonl", lines)
    count = kill_cli_after_items(cli_dir, ["import", str(path)], 200)
    assert 0 < count < 4000, "the import should have been killed half way"
    code, out, _ = run(capsys, "doctor", "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"], report
    code, out, _ = run(capsys, "import", str(path))
    stats = json.loads(run(capsys, "stats", "--json")[1])
    assert stats["items"] == stats["vectors"] == stats["embedded"] == 4000


def test_search_for_nothing_in_the_data_prints_an_empty_array_and_what_to_try(
        cli_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "import", str(write_jsonl(tmp_path / "in.jsonl", [GOOD])))
    code, out, _ = run(capsys, "search", "kernenergie", "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "search", "wat betekent kernenergie voor de regio", "--mode", "keyword")
    assert code == 0 and out.startswith("Nothing found for “wat betekent kernenergie voor de regio”")
    assert "fewer words" in out and "another spelling" in out and "--mode hybrid" in out
