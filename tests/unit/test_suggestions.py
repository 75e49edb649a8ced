"""Theme suggestions: every theme gets a confidence and an explanation, and decisions teach the model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest

from store.core.models import NewItem
from store.items.language import detect_language
from store.knowledge_base import KnowledgeBase
from store.themes import suggestions as suggestions_module
from store.themes.explain import explain_theme
from store.themes.seed_examples import NONE_EXAMPLES, SEED_EXAMPLES
from store.themes.suggestions import SUGGEST_MIN, build_model, store_suggestions, suggest
from store.vectors.embedders.hashing import HashingEmbedder
from tests.conftest import BASE_DATE


@pytest.fixture
def kb(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KnowledgeBase]:
    """A knowledge base whose fake embedder has room enough (512 dimensions) for the seed texts,
    calibrated like a real embedder so that clear items get a suggestion."""
    embedder = HashingEmbedder(512)
    monkeypatch.setitem(suggestions_module.PLATT, embedder.name, (2.0, 1.0))
    monkeypatch.setitem(suggestions_module.GATE_PLATT, embedder.name, (2.0, 1.0))
    base = KnowledgeBase.open(data_dir, embedder=embedder)
    yield base
    base.close()

HOUSING = "Nieuwe woonunits en logies voor arbeidsmigranten op een short-stay locatie met vergunning"
SAFETY = "De Arbeidsinspectie deelt boetes uit aan malafide uitzendbureaus na controles en uitbuiting"


def items(kb: KnowledgeBase, texts: list[str]) -> list[int]:
    result = kb.add_items([NewItem(url=f"https://t.example/{n}", title=t[:50], text=t, language="nl",
                                   published=BASE_DATE + timedelta(hours=n)) for n, t in enumerate(texts)])
    return result.added_ids


def test_every_theme_is_ranked_with_a_confidence(kb: KnowledgeBase) -> None:
    (item,) = items(kb, [HOUSING])
    ranked = suggest(kb.database, kb.vectors, [item])[item]
    assert [s.theme for s in ranked][0] == "huisvesting"
    assert len(ranked) == 8 and all(0 <= s.confidence <= 1 for s in ranked)
    assert ranked == sorted(ranked, key=lambda s: -s.confidence)
    assert "woonunits" in ranked[0].words or "logies" in ranked[0].words


def test_confirmations_pull_similar_items_towards_a_theme(kb: KnowledgeBase) -> None:
    texts = [f"Gemeente Tilburg Breda kermis optocht carnaval feest {n}" for n in range(6)]
    ids = items(kb, texts)
    before = {s.theme: s.confidence for s in suggest(kb.database, kb.vectors, [ids[5]])[ids[5]]}
    for item_id in ids[:5]:
        kb.tag(item_id, ["impact"])
    after = suggest(kb.database, kb.vectors, [ids[5]])[ids[5]]
    assert after[0].theme == "impact" and after[0].confidence > before["impact"]
    assert set(after[0].similar_ids) <= set(ids[:5]) and after[0].similar_ids
    text = explain_theme("suggested", None, after[0].explanation_json(), after[0].label)
    assert text.startswith("lijkt op") and "Maatschappelijke impact" in text


def test_rejections_push_a_theme_away(kb: KnowledgeBase) -> None:
    ids = items(kb, [HOUSING + f" {n}" for n in range(6)])
    before = build_model(kb.database, kb.vectors)
    for item_id in ids[:5]:
        kb.untag(item_id, ["huisvesting"])
    after = build_model(kb.database, kb.vectors)
    _, matrix = kb.vectors.vectors_for([ids[5]])
    col = [t.key for t in after.themes].index("huisvesting")
    assert after.confidences(matrix)[0, col] < before.confidences(matrix)[0, col]


def test_new_items_get_stored_suggestions_not_themes(kb: KnowledgeBase) -> None:
    (item,) = items(kb, [SAFETY])
    themes = kb.get_item(item).themes
    assert themes and all(t.origin == "suggested" and t.decision is None for t in themes)
    assert all(t.confidence >= SUGGEST_MIN for t in themes) and len(themes) <= 3
    assert not any(t.active for t in themes)  # a suggestion is not a theme until confirmed


def test_refreshing_keeps_decisions_and_never_revives_a_rejection(kb: KnowledgeBase) -> None:
    (item,) = items(kb, [SAFETY])
    top = kb.get_item(item).themes[0].key
    kb.untag(item, [top])
    store_suggestions(kb.database, kb.vectors, [item])
    theme = {t.key: t for t in kb.get_item(item).themes}[top]
    assert theme.decision == "rejected" and not theme.active


def test_explanations_in_both_languages() -> None:
    assert explain_theme("manual", "accepted", "", "Huisvesting") == "door jou toegekend"
    assert explain_theme("manual", "rejected", "", "Housing", "en") == "removed by you"
    assert explain_theme("rule", None, '{"rule": 3, "words": ["short stay"]}', "X") == \
        "regel #3 (gevonden: short stay)"
    assert explain_theme("suggested", None, '{"similar": [], "words": ["logies"]}', "Housing", "en") == \
        "fits the description of Housing (words: logies)"


def test_every_default_theme_has_seed_examples_in_dutch_and_english() -> None:
    from store.themes.defaults import DEFAULT_THEMES

    assert set(SEED_EXAMPLES) == {t.key for t in DEFAULT_THEMES}
    for texts in SEED_EXAMPLES.values():
        languages = [detect_language(t) for t in texts]
        assert languages.count("nl") >= 8 and languages.count("en") >= 3
        assert any("arbeidsmigranten" in t for t in texts)  # the field's word belongs to every theme
    assert len(NONE_EXAMPLES) >= 30


def test_news_about_none_of_our_themes_gets_no_suggestion(kb: KnowledgeBase) -> None:
    ids = items(kb, [SAFETY, "Het weer: zaterdag zon en twintig graden, zondag regen en onweer in heel Brabant",
                     "Voetbal: Willem II wint met 3-1 van NAC in een uitverkocht Koning Willem II Stadion"])
    safety, weather, football = (kb.get_item(i).themes for i in ids)
    assert safety and not weather and not football
    ranked = suggest(kb.database, kb.vectors, ids[1:])
    assert all(s.confidence < SUGGEST_MIN for r in ranked.values() for s in r)


def test_rejecting_a_suggestion_does_not_hand_the_item_to_another_theme(kb: KnowledgeBase) -> None:
    ids = items(kb, ["Zonnige dagen en een koude nacht: het weerbericht voor Tilburg en Breda dit weekend"] * 1
                + [HOUSING + f" {n}" for n in range(3)])
    weather = ids[0]
    before = max(s.confidence for s in suggest(kb.database, kb.vectors, [weather])[weather])
    top = suggest(kb.database, kb.vectors, [weather])[weather][0].theme
    kb.untag(weather, [top])
    after = suggest(kb.database, kb.vectors, [weather])[weather]
    assert max(s.confidence for s in after) <= before + 1e-6
    assert all(s.confidence < SUGGEST_MIN for s in after)


def test_the_model_learns_from_confirmations_of_another_kind_of_item(kb: KnowledgeBase) -> None:
    texts = [f"Kermis optocht carnaval feest in de wijk, buurtbewoners en arbeidsmigranten vieren samen {n}"
             for n in range(6)]
    ids = items(kb, texts)
    col = [t.key for t in build_model(kb.database, kb.vectors).themes].index("impact")
    _, matrix = kb.vectors.vectors_for([ids[5]])
    before = build_model(kb.database, kb.vectors).confidences(matrix)[0, col]
    for item_id in ids[:5]:
        kb.tag(item_id, ["impact"])
    after = build_model(kb.database, kb.vectors).confidences(matrix)[0, col]
    assert after > before and np.isfinite(after)
