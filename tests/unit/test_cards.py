"""Horizon scanning in the store: signal cards with evidence and history, developments, the radar and the
matrix, citations (RIS, CSL-JSON), alerts under a daily cap, and the quarterly briefing in Word and PDF."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from store.cards.cards import CardError
from store.core.models import NewItem
from store.core.timeutil import utcnow
from store.knowledge_base import KnowledgeBase
from tests.cli_helpers import run_cli


def _ids(kb: KnowledgeBase) -> dict[str, int]:
    return {r[1]: r[0] for r in kb.database.query("SELECT id, title FROM items")}


def test_a_card_from_an_item_is_prefilled_and_keeps_its_evidence(filled_kb: KnowledgeBase) -> None:
    ids = _ids(filled_kb)
    item = ids["Arbeidsinspectie pakt malafide uitzendbureaus aan"]
    card = filled_kb.cards.create([item])
    assert card.title == "Arbeidsinspectie pakt malafide uitzendbureaus aan" and card.status == "new"
    assert card.description.startswith("Inspecteurs controleerden twintig uitzendbureaus")
    assert [e.item_id for e in card.evidence] == [item]
    evidence = card.evidence[0]
    assert evidence.outlet == "Flexnieuws" and evidence.url.endswith("/item/1") and evidence.published
    assert "twintig uitzendbureaus" in evidence.snapshot and evidence.seen is not None
    assert any(a for a in card.actors)  # the Arbeidsinspectie is on the default watchlist
    assert card.owner and card.history[0].field == "created"

    # the article changes or disappears: the card keeps what it said
    with filled_kb.database.write("items") as conn:
        conn.execute("UPDATE items SET full_text = 'weg', summary = 'weg' WHERE id = ?", (item,))
    assert "twintig uitzendbureaus" in filled_kb.cards.get(card.id).evidence[0].snapshot


def test_every_change_is_in_the_history_and_bad_values_are_refused(filled_kb: KnowledgeBase) -> None:
    card = filled_kb.cards.create([next(iter(_ids(filled_kb).values()))])
    changed = filled_kb.cards.update(card.id, category="economic", card_type="trend", horizon="2-5", impact=4,
                                     impact_why="raakt 40.000 banen", likelihood=3, status="assessed",
                                     brabant="Meer druk op huisvesting in Tilburg")
    assert changed.impact == 4 and changed.horizon == "2-5" and changed.version > card.version
    fields = [c.field for c in changed.history]
    assert {"category", "card_type", "horizon", "impact", "impact_why", "likelihood", "status", "brabant"} <= set(
        fields)
    impact = next(c for c in changed.history if c.field == "impact")
    assert impact.old == "" and impact.new == "4" and impact.who and impact.at
    words = {c.field: c.words() for c in changed.history}
    assert words["impact"] == "impact: – → 4" and words["horizon"] == "tijdshorizon: – → 2-5 jaar"
    assert words["created"] == f"aangemaakt (bericht {card.evidence[0].item_id})"
    assert next(c for c in changed.history if c.field == "card_type").words("en") == "type: – → Trend"
    for bad in ({"impact": 7}, {"horizon": "20-50"}, {"category": "sport"}, {"colour": "red"}):
        with pytest.raises(CardError):
            filled_kb.cards.update(card.id, **bad)
    with pytest.raises(CardError, match="changed meanwhile"):  # an edit based on an old version
        filled_kb.cards.update(card.id, based_on=card.version, title="Oud")
    assert filled_kb.cards.update(card.id, impact=4).version == changed.version  # no change: no new version


def test_more_evidence_is_linked_once_and_unlinked_with_a_trace(filled_kb: KnowledgeBase) -> None:
    ids = list(_ids(filled_kb).values())
    card = filled_kb.cards.create(ids[:1])
    assert filled_kb.cards.link(card.id, ids[1:3]) == 2
    assert filled_kb.cards.link(card.id, ids[1:3]) == 0
    filled_kb.cards.unlink(card.id, ids[1])
    after = filled_kb.cards.get(card.id)
    assert {e.item_id for e in after.evidence} == {ids[0], ids[2]}
    assert [c.new for c in after.history if c.field == "evidence"][-1] == ""  # the removal, logged
    assert filled_kb.cards.of_item(ids[2]) == [card.id]


def test_developments_group_cards_and_show_evidence_per_week(filled_kb: KnowledgeBase) -> None:
    ids = list(_ids(filled_kb).values())
    first, second = filled_kb.cards.create(ids[:2]), filled_kb.cards.create(ids[2:3])
    dev = filled_kb.cards.new_development("Handhaving op uitzendbureaus", "Meer inspecties", (first.id, second.id))
    development = filled_kb.cards.development(dev)
    assert {c.id for c in development.cards} == {first.id, second.id}
    assert sum(n for _, n in development.weekly_evidence) == 3
    assert all(week.startswith("20") and "-W" in week for week, _ in development.weekly_evidence)
    assert filled_kb.cards.get(first.id).development_id == dev


def test_similar_cards_are_suggested_as_one_development(filled_kb: KnowledgeBase) -> None:
    filled_kb.add_items([NewItem(url=f"https://news.example/housing/{n}", title="Huisvesting arbeidsmigranten Helmond",
                                 text="Helmond breidt de huisvesting van arbeidsmigranten uit met woonunits.",
                                 published=utcnow() - timedelta(days=n)) for n in range(2)])
    ids = _ids(filled_kb)
    housing = [i for t, i in ids.items() if "uisvesting" in t]
    cards = [filled_kb.cards.create([i]) for i in housing[:3]]
    other = filled_kb.cards.create([ids["ELA launches inspection campaign on posted workers"]])
    suggestions = filled_kb.cards.suggest_developments(filled_kb.vectors)
    assert suggestions and set(suggestions[0].card_ids) >= {c.id for c in cards[:2]}
    assert other.id not in suggestions[0].card_ids


def test_citations_as_ris_and_csl_json(filled_kb: KnowledgeBase) -> None:
    ids = list(_ids(filled_kb).values())
    card = filled_kb.cards.create(ids[:2])
    ris = filled_kb.cards.citations([card.id], "ris")
    records = [r for r in ris.split("ER  - ") if r.strip()]
    assert len(records) == 2 and all(r.strip().startswith("TY  - NEWS") for r in records)
    assert "\r\n" in ris and "UR  - https://news.example/item/" in ris and "Y2  - " in ris and "T2  - " in ris
    csl = json.loads(filled_kb.cards.citations([card.id], "csl"))
    assert {r["type"] for r in csl} == {"article-newspaper"} and all(r["URL"] and r["issued"] for r in csl)
    assert all(len(r["accessed"]["date-parts"][0]) == 3 for r in csl)


def test_radar_and_matrix_place_assessed_cards_and_say_which_they_leave_out(filled_kb: KnowledgeBase) -> None:
    from store.cards import charts

    ids = list(_ids(filled_kb).values())
    placed = filled_kb.cards.create(ids[:1], themes=["huisvesting"], horizon="0-2", impact=5, likelihood=4)
    bare = filled_kb.cards.create(ids[1:2], themes=[])
    cards = filled_kb.cards.list_cards()
    radar = charts.radar(cards, [("huisvesting", "Huisvesting"), ("markt", "Markt")], "Radar",
                         ("0-2", "2-5", "5-10"))
    assert [d.card_id for d in radar.dots] == [placed.id] and radar.left_out == [bare.id]
    dot = radar.dots[0]
    assert radar.dot_at(dot.x, dot.y) == placed.id and radar.dot_at(0, 0) is None
    matrix = charts.matrix(cards, "Matrix", "Waarschijnlijkheid", "Impact")
    assert [d.card_id for d in matrix.dots] == [placed.id]
    svg = charts.to_svg(matrix)
    assert svg.startswith("<svg") and f'id="card-{placed.id}"' in svg
    png = charts.to_png(radar)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_quarterly_briefing_in_word_and_pdf(filled_kb: KnowledgeBase, tmp_path) -> None:
    from docx import Document

    from store import export_digest

    ids = list(_ids(filled_kb).values())
    card = filled_kb.cards.create(ids[:2], card_type="trend", category="economic", horizon="2-5", impact=4,
                                  likelihood=3, themes=["markt"], brabant="Toezicht in Brabant wordt strenger")
    filled_kb.cards.new_development("Strenger toezicht op uitzendbureaus", "Inspecties nemen toe", (card.id,))
    filled_kb.cards.create(ids[2:3])
    document = filled_kb.briefing(2026, 4)
    assert document.kind == "briefing" and document.title == "Kwartaalbriefing 2026 4e kwartaal"
    assert [s.title for s in document.sections] == ["Strenger toezicht op uitzendbureaus", "Losse signalen"]
    assert len(document.figures) == 2 and all(f.png.startswith(b"\x89PNG") for f in document.figures)
    word = Document(io.BytesIO(export_digest(document, "docx", tmp_path / "b.docx").read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Strenger toezicht op uitzendbureaus" in text and "Inspecties nemen toe" in text
    assert "Wat betekent dit voor Brabant?" in text and "Toezicht in Brabant wordt strenger" in text
    assert "Trend · Economisch · 2-5 jaar · impact 4/5" in text and len(word.inline_shapes) == 2
    pdf = export_digest(document, "pdf", tmp_path / "b.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Subtype /Image" in pdf


def test_alerts_raise_once_per_cause_under_a_daily_cap(filled_kb: KnowledgeBase, clock) -> None:
    kb = filled_kb
    kb.watchlist.add_actor("WerkBrug Uitzendgroep", "agency")
    kb.watchlist.add_actor("Kempen Flexwonen", "housing")
    assert kb.alerts.raise_new(kb.vectors, daily_cap=0) == []  # the first look: nothing raised under a cap of 0
    kb.add_items([NewItem(url=f"https://news.example/werkbrug/{n}", title=f"WerkBrug Uitzendgroep opent vestiging {n}",
                          text="WerkBrug Uitzendgroep opent een vestiging voor arbeidsmigranten.",
                          published=utcnow()) for n in range(4)]
                 + [NewItem(url="https://news.example/kempen", title="Kempen Flexwonen bouwt 200 kamers in Bladel",
                            text="Kempen Flexwonen bouwt 200 kamers voor arbeidsmigranten.", published=utcnow())])
    first = kb.alerts.raise_new(kb.vectors, daily_cap=3)
    # 4 causes (WerkBrug, Kempen Flexwonen and two organisations in the earlier news), 3 allowed today
    assert len(first) == 3 and {a.kind for a in first} == {"actor"}
    assert all(" in het nieuws: " in a.message for a in first) and all(a.item_id for a in first)
    clock.advance(timedelta(minutes=30))
    assert kb.alerts.raise_new(kb.vectors, daily_cap=3) == []  # the cap holds for the rest of the day
    clock.advance(timedelta(minutes=30))
    kb.alerts.mark_seen([first[0].id])
    assert kb.alerts.unseen_count() == 2
    more = kb.alerts.raise_new(kb.vectors, daily_cap=10)  # a larger cap: the cause held back, none of it twice
    keys = [a.key for a in kb.alerts.recent()]
    assert len(more) == 1 and len(keys) == len(set(keys)) == 4


def test_new_evidence_for_a_watched_card_is_an_alert(filled_kb: KnowledgeBase) -> None:
    kb = filled_kb
    ids = _ids(kb)
    card = kb.cards.create([ids["Huisvestingen voor arbeidsmigranten in Helmond uitgebreid"]], status="watched")
    kb.alerts.raise_new(kb.vectors)  # what was there before
    kb.add_items([NewItem(url="https://news.example/helmond/2",
                          title="Huisvestingen voor arbeidsmigranten in Helmond opnieuw uitgebreid",
                          text="Helmond breidt de huisvesting van arbeidsmigranten opnieuw uit met woonunits bij een "
                          "distributiecentrum.", published=utcnow())])
    raised = kb.alerts.raise_new(kb.vectors)
    assert [(a.kind, a.card_id) for a in raised if a.kind == "card"] == [("card", card.id)]


def test_cli_for_cards_developments_alerts_and_the_briefing(filled_kb: KnowledgeBase, capsys, tmp_path) -> None:
    item = next(iter(_ids(filled_kb).values()))
    code, out, _ = run_cli(capsys, "cards", "new", str(item), "--json")
    card = json.loads(out)
    assert code == 0 and card["evidence"][0]["item_id"] == item
    code, out, _ = run_cli(capsys, "cards", "edit", str(card["id"]), "--impact", "4", "--likelihood", "2",
                           "--horizon", "0-2", "--type", "weak_signal", "--category", "social", "--status", "watched")
    assert code == 0
    code, out, _ = run_cli(capsys, "cards", "show", str(card["id"]), "--json")
    shown = json.loads(out)
    assert shown["impact"] == 4 and shown["status"] == "watched" and len(shown["history"]) >= 6
    code, out, _ = run_cli(capsys, "cards", "edit", str(card["id"]), "--impact", "9")
    assert code != 0 and "1 to 5" in out + _
    code, out, _ = run_cli(capsys, "developments", "new", "Krapte op de woningmarkt", "--card", str(card["id"]))
    assert code == 0
    code, out, _ = run_cli(capsys, "developments", "list", "--json")
    assert json.loads(out)[0]["cards"] == [card["id"]]
    code, out, _ = run_cli(capsys, "cards", "cite", str(card["id"]), "--format", "ris")
    assert out.startswith("TY  - NEWS")
    for name in ("radar.svg", "matrix.png"):
        code, out, _ = run_cli(capsys, "cards", "chart", name.split(".")[0], str(tmp_path / name))
        assert code == 0 and (tmp_path / name).stat().st_size > 500
    code, out, _ = run_cli(capsys, "alerts", "--json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out, _ = run_cli(capsys, "export", "briefing", str(tmp_path / "q.docx"), "--quarter", "2026-Q4")
    assert code == 0 and (tmp_path / "q.docx").stat().st_size > 5000


def test_a_digests_entries_are_cited_too(filled_kb: KnowledgeBase, capsys) -> None:
    ids = list(_ids(filled_kb).values())
    code, _, _ = run_cli(capsys, "digest", "add", str(ids[0]), "--week", "2026-W45")
    assert code == 0
    run_cli(capsys, "digest", "add", str(ids[1]), "--week", "2026-W45")
    code, out, _ = run_cli(capsys, "digest", "cite", "--week", "2026-W45", "--format", "csl")
    records = json.loads(out)
    assert code == 0 and [r["id"] for r in records] == [f"horizonscan-{ids[0]}", f"horizonscan-{ids[1]}"]
    assert all(r["note"] == "Horizonscan: 2026-W45" for r in records)
