"""Digests in the store: periods, sections, ordering, editing, status, sent-before flags, candidates,
restart and schema migration; and the `digest` CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import store.db.migrations as migrations
import store.db.schema as schema
from store.core.models import NewItem
from store.digest import digests
from store.digest.candidates import digest_candidates
from store.digest.document import load_document
from store.items import annotations
from store.knowledge_base import KnowledgeBase
from tests.cli_helpers import run_cli
from tests.conftest import BASE_DATE

WEEK = (2026, 45)  # the sample items of tests/conftest.py are published 2-7 November 2026


def ids_of(kb: KnowledgeBase) -> list[int]:
    return [r[0] for r in kb.database.query("SELECT id FROM items ORDER BY published")]


def test_week_digest_has_a_section_per_theme_and_keeps_order(filled_kb: KnowledgeBase) -> None:
    db = filled_kb.database
    digest = digests.week_digest(db, *WEEK)
    assert digest.start == date(2026, 11, 2) and digest.end == date(2026, 11, 8) and digest.status == "draft"
    assert digests.section_order(db, digest.id)[-1] == digests.OTHER_SECTION
    a, b, c = ids_of(filled_kb)[:3]
    for item_id in (a, b, c):
        digests.add_item(db, digest.id, item_id, section="huisvesting")
    assert digests.item_order(db, digest.id)["huisvesting"] == [a, b, c]
    digests.move_item(db, digest.id, c, "huisvesting", 0)
    assert digests.item_order(db, digest.id)["huisvesting"] == [c, a, b]
    digests.move_item(db, digest.id, a, "veiligheid", 0)
    assert digests.item_order(db, digest.id) == {"huisvesting": [c, b], "veiligheid": [a]}
    digests.move_section(db, digest.id, "veiligheid", 0)
    document = load_document(db, digest.id)
    assert [s.key for s in document.sections] == ["veiligheid", "huisvesting"]  # empty sections left out
    assert [e.item_id for e in document.sections[1].entries] == [c, b]
    with pytest.raises(digests.DigestError):
        digests.move_section(db, digest.id, "no-such-section", 0)


def test_summary_defaults_to_the_lead_and_so_what_to_the_note(filled_kb: KnowledgeBase) -> None:
    db = filled_kb.database
    item_id = ids_of(filled_kb)[0]
    annotations.set_note(db, item_id, "Raakt ook Waalwijk.")
    digest = digests.week_digest(db, *WEEK)
    digests.add_item(db, digest.id, item_id)
    entry = load_document(db, digest.id).entries[0]
    assert entry.summary.startswith("De gemeente Tilburg opent")
    assert entry.so_what == "Raakt ook Waalwijk."
    assert entry.sources and entry.sources[0].url == "https://news.example/item/0"
    digests.set_item_text(db, digest.id, item_id, summary="Korter.", so_what="Anders.")
    entry = load_document(db, digest.id).entries[0]
    assert (entry.summary, entry.so_what) == ("Korter.", "Anders.")


def test_sent_before_is_flagged_when_added_again(filled_kb: KnowledgeBase) -> None:
    db = filled_kb.database
    item_id = ids_of(filled_kb)[1]
    first = digests.week_digest(db, *WEEK)
    digests.add_item(db, first.id, item_id)
    digests.set_status(db, first.id, "sent")
    assert digests.get_summary(db, first.id).status == "sent"
    second = digests.create_digest(db, date(2026, 11, 1), date(2026, 11, 30), "November")
    added = digests.add_item(db, second.id, item_id)
    assert added.sent_before == ("2026-W45",) and not added.already_in
    assert load_document(db, second.id).entries[0].sent_before == ("2026-W45",)
    assert digests.add_item(db, second.id, item_id).already_in
    with pytest.raises(digests.DigestError):
        digests.create_digest(db, date(2026, 11, 30), date(2026, 11, 1), "backwards")
    with pytest.raises(digests.DigestError):
        digests.set_status(db, first.id, "archived")


def test_edit_title_intro_and_delete(filled_kb: KnowledgeBase) -> None:
    db = filled_kb.database
    digest = digests.week_digest(db, *WEEK)
    digests.update_digest(db, digest.id, title="Signalen week 45", intro="Rustige week.")
    document = load_document(db, digest.id)
    assert (document.title, document.intro, document.is_empty) == ("Signalen week 45", "Rustige week.", True)
    with pytest.raises(digests.DigestError):
        digests.update_digest(db, digest.id, title="  ")
    item_id = ids_of(filled_kb)[0]
    digests.add_item(db, digest.id, item_id)
    digests.delete_digest(db, digest.id)
    assert digests.list_digests(db) == []
    assert filled_kb.get_item(item_id).title  # the item itself stays


def test_candidates_are_the_strongest_per_theme_not_yet_in_a_digest(filled_kb: KnowledgeBase) -> None:
    db = filled_kb.database
    digest = digests.week_digest(db, *WEEK)
    found = digest_candidates(db, filled_kb.vectors, digest.id, per_theme=1)
    assert found
    assert len({c.section for c in found}) == len(found)  # at most one per theme here
    assert found == sorted(found, key=lambda c: [s.key for s in filled_kb.themes()].index(c.section)
                           if c.section != digests.OTHER_SECTION else 99)
    digests.add_item(db, digest.id, found[0].item_id)
    again = digest_candidates(db, filled_kb.vectors, digest.id, per_theme=1)
    assert found[0].item_id not in {c.item_id for c in again}


def test_digest_survives_restart_and_a_schema_migration(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from store.vectors.embedders.hashing import HashingEmbedder
    from tests.conftest import sample_items

    kb = KnowledgeBase.open(data_dir, embedder=HashingEmbedder())
    kb.add_items(sample_items())
    digest = digests.week_digest(kb.database, *WEEK)
    item_id = ids_of(kb)[2]
    digests.add_item(kb.database, digest.id, item_id, so_what="Blijft bewaard.")
    digests.update_digest(kb.database, digest.id, intro="Inleiding.")
    kb.close()

    new_number = migrations.SCHEMA_VERSION + 1
    later = schema.Migration(new_number, "a later release adds a column",
                             lambda db: db["digests"].add_column("audience", str))
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, later])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", new_number)
    kb = KnowledgeBase.open(data_dir, embedder=HashingEmbedder())
    try:
        assert migrations.current_version(kb.database) == new_number
        document = load_document(kb.database, digest.id)
        assert document.intro == "Inleiding."
        assert [(e.item_id, e.so_what) for e in document.entries] == [(item_id, "Blijft bewaard.")]
    finally:
        kb.close()


def test_digest_cli_end_to_end(filled_kb: KnowledgeBase, data_dir: Path, capsys, tmp_path: Path) -> None:
    filled_kb.close()
    code, out, _ = run_cli(capsys, "digest", "new", "--week", "2026-W45", "--title", "Week 45")
    assert code == 0 and "Week 45" in out
    code, out, _ = run_cli(capsys, "digest", "new", "--week", "2026-W45")
    assert code == 0 and "already there" in out
    code, out, _ = run_cli(capsys, "digest", "add", "https://news.example/item/1", "--week", "2026-W45",
                           "--so-what", "Toezicht in Oss en Moerdijk.")
    assert code == 0 and "Added" in out
    run_cli(capsys, "digest", "add", "3", "--week", "2026-W45")
    code, out, _ = run_cli(capsys, "digest", "show", "--week", "2026-W45", "--json")
    shown = json.loads(out)
    assert shown["title"] == "Week 45" and shown["items"] == 2
    assert any(e["so_what"] == "Toezicht in Oss en Moerdijk." for s in shown["sections"] for e in s["entries"])
    code, out, _ = run_cli(capsys, "digest", "list", "--json")
    assert json.loads(out)[0]["week"] == "2026-W45"
    for fmt in ("html", "docx", "pdf", "md"):
        target = tmp_path / f"week45.{fmt}"
        code, out, err = run_cli(capsys, "digest", "export", "--week", "2026-W45", "-o", str(target))
        assert code == 0, err
        assert target.stat().st_size > 200
    assert "Toezicht in Oss en Moerdijk." in (tmp_path / "week45.md").read_text(encoding="utf-8")
    code, _, _ = run_cli(capsys, "digest", "remove", "3", "--week", "2026-W45")
    assert code == 0
    code, _, err = run_cli(capsys, "digest", "remove", "3", "--week", "2026-W45")
    assert code == 1 and "not in the digest" in err
    code, _, err = run_cli(capsys, "digest", "export", "--week", "2026-W45", "-o", str(tmp_path / "x.odt"))
    assert code == 2 and "--format" in err
    code, _, err = run_cli(capsys, "digest", "show", "--week", "2026-W99")
    assert code == 1 and "no week 99" in err


def test_empty_digest_exports_a_clear_document(data_dir: Path, capsys, tmp_path: Path) -> None:
    code, _, _ = run_cli(capsys, "digest", "new", "--week", "2026-W40")
    assert code == 0
    target = tmp_path / "leeg.md"
    code, out, _ = run_cli(capsys, "digest", "export", "--week", "2026-W40", "-o", str(target))
    assert code == 0 and "empty digest" in out
    assert "Geen signalen deze week" in target.read_text(encoding="utf-8")


def test_the_digest_names_every_outlet_of_a_story_and_drops_tracking(kb: KnowledgeBase) -> None:
    story = ("Uitzendbureau FlexPlus krijgt een boete van de Arbeidsinspectie voor onderbetaling van "
             "arbeidsmigranten in Oss. " * 3).strip()
    first = kb.add_items([NewItem(url="https://bron-a.example/flexplus?utm_source=rss&id=7", title="Boete FlexPlus",
                                  text=story, source="Bron A", language="nl", published=BASE_DATE)]).added_ids[0]
    again = kb.add_items([NewItem(url="https://bron-b.example/nieuws/flexplus?fbclid=XYZ", title="Boete FlexPlus",
                                  text=story, source="Bron B", language="nl", published=BASE_DATE)])
    assert again.duplicates == 1  # the same text from a second outlet: one item, two sightings
    outlets = {name for _, name, _ in kb.items.sightings(first, None)}
    assert outlets == {"Bron A", "Bron B"}
    added = kb.digests.add_to_week([first], *WEEK)
    entry = next(e for e in load_document(kb.database, added.digest.id).entries if e.item_id == first)
    assert entry.url == "https://bron-a.example/flexplus?id=7"
    assert {(link.name, link.url) for link in entry.sources} == {
        ("Bron A", "https://bron-a.example/flexplus?id=7"), ("Bron B", "https://bron-b.example/nieuws/flexplus")}
