"""Editing themes, the user's decisions being final, and paperless-style rules."""

from __future__ import annotations

import pytest

from store.core.models import NewItem
from store.knowledge_base import KnowledgeBase
from store.themes.registry import set_item_theme
from store.themes.rules import RuleError, add_rule, apply_rules, compile_rule, try_rule
from store.themes.suggestions import store_suggestions
from store.themes.taxonomy import (
    ThemeEditError,
    add_theme,
    count_items_with_theme,
    delete_theme,
    describe_theme,
    merge_themes,
    rename_theme,
)
from tests.conftest import BASE_DATE


def active(kb: KnowledgeBase, ref) -> list[str]:
    return [t.key for t in kb.get_item(ref).themes if t.active]


def test_add_rename_describe(kb: KnowledgeBase) -> None:
    theme = add_theme(kb.database, "onderwijs", "Onderwijs", "Education", "Scholen en taallessen")
    assert theme.position == 9
    assert rename_theme(kb.database, "onderwijs", "Onderwijs & taal").label_nl == "Onderwijs & taal"
    assert rename_theme(kb.database, "onderwijs", "Education & language", "en").label_en == "Education & language"
    assert describe_theme(kb.database, "onderwijs", "Schools", "en").description_en == "Schools"
    with pytest.raises(ThemeEditError, match="already"):
        add_theme(kb.database, "onderwijs", "x")
    with pytest.raises(ThemeEditError, match="lower-case"):
        add_theme(kb.database, "Met Spaties", "x")


def test_merge_moves_items_and_keeps_decisions(filled_kb: KnowledgeBase) -> None:
    kb = filled_kb
    kb.tag(1, ["impact"])
    kb.tag(2, ["impact", "migranten"])
    kb.untag(3, ["migranten"])
    moved = merge_themes(kb.database, "impact", "migranten")
    assert moved == 2
    assert "migranten" in active(kb, 1) and "migranten" in active(kb, 2)
    assert "impact" not in [t.key for t in kb.themes()]


def test_delete_counts_items_that_lose_the_theme(filled_kb: KnowledgeBase) -> None:
    filled_kb.tag(1, ["beleid"])
    filled_kb.tag(2, ["beleid"])
    assert count_items_with_theme(filled_kb.database, "beleid") == 2
    assert delete_theme(filled_kb.database, "beleid") == 2
    assert "beleid" not in [t.key for t in filled_kb.themes()]
    assert active(filled_kb, 1) == [] or "beleid" not in active(filled_kb, 1)


def test_users_decisions_are_final(filled_kb: KnowledgeBase) -> None:
    kb = filled_kb
    add_rule(kb.database, "huisvesting", "any", "arbeidsmigranten")
    kb.untag(1, ["huisvesting"])  # removed by the user
    kb.tag(2, ["veiligheid"])  # set by the user
    apply_rules(kb.database)
    store_suggestions(kb.database, kb.vectors, [1, 2, 3, 4, 5, 6])
    set_item_theme(kb.database, 1, "huisvesting", "rule", 1.0)
    set_item_theme(kb.database, 1, "huisvesting", "suggested", 0.99)
    item1 = {t.key: t for t in kb.get_item(1).themes}
    assert item1["huisvesting"].decision == "rejected" and not item1["huisvesting"].active
    item2 = {t.key: t for t in kb.get_item(2).themes}
    assert item2["veiligheid"].origin == "manual" and item2["veiligheid"].active


def test_rule_outranks_a_suggestion_but_not_a_decision(filled_kb: KnowledgeBase) -> None:
    kb = filled_kb
    set_item_theme(kb.database, 4, "economie", "suggested", 0.4)
    set_item_theme(kb.database, 4, "economie", "rule", 1.0)
    assert {t.key: t.origin for t in kb.get_item(4).themes}["economie"] == "rule"
    set_item_theme(kb.database, 4, "economie", "suggested", 0.9)
    assert {t.key: t.origin for t in kb.get_item(4).themes}["economie"] == "rule"


@pytest.mark.parametrize("match, pattern, field, title, text, expected", [
    ("any", "short-stay vergunning", "both", "Nieuw", "De VERGUNNING is er", True),
    ("any", "huis", "both", "Huisvesting", "huisvesting", False),  # whole words only
    ("all", "Tilburg vergunning", "both", "Tilburg", "geen vergunning", True),
    ("all", "Tilburg vergunning", "title", "Tilburg", "geen vergunning", False),
    ("phrase", "short stay", "both", "", "een Short-Stay locatie", True),
    ("phrase", "stay short", "both", "", "een short stay locatie", False),
    ("any", '"Roemenië" Polen', "text", "", "werknemers uit roemenie", True),  # diacritics-insensitive
    ("regex", r"\bsnf[- ]?keurmerk\b", "both", "", "Het SNF-keurmerk is verlopen", True),
    ("fuzzy", "uitzendbureau", "both", "", "het uitzenbureau in Oss", True),
    ("fuzzy", "uitzendbureau", "both", "", "de bakker in Oss", False),
])
def test_match_kinds(match, pattern, field, title, text, expected) -> None:
    from store.core.text import fold

    assert bool(compile_rule(match, pattern, field)(fold(title), fold(text))) is expected


@pytest.mark.parametrize("match, pattern, message", [
    ("regex", "(unclosed", "not valid"), ("any", "   ", "empty"), ("any", "!!!", "no words"),
    ("wildcard", "x", "Unknown match"),
])
def test_bad_rules_are_explained(match, pattern, message) -> None:
    with pytest.raises(RuleError, match=message):
        compile_rule(match, pattern)


def test_catastrophic_regex_cannot_hang(kb: KnowledgeBase) -> None:
    matcher = compile_rule("regex", r"(a|aa)+$")
    assert matcher("", "a" * 5000 + "b") == []


def test_trying_a_rule_changes_nothing(filled_kb: KnowledgeBase) -> None:
    result = try_rule(filled_kb.database, "huisvesting", "any", "woonunits short-stay")
    assert result.matched == 2 and result.scanned == 6 and result.samples
    assert count_items_with_theme(filled_kb.database, "huisvesting") == 0


def test_rules_apply_to_new_items_and_on_request_to_past_ones(filled_kb: KnowledgeBase) -> None:
    kb = filled_kb
    rule = add_rule(kb.database, "veiligheid", "any", "boetes inspecteurs")
    assert count_items_with_theme(kb.database, "veiligheid") == 0  # past items: only on request
    kb.add_items([NewItem(url="https://x.example/n", title="Boetes voor uitzendbureau", text="Hoge boetes.",
                          published=BASE_DATE)])
    assert count_items_with_theme(kb.database, "veiligheid") == 1  # new items: automatically
    assert apply_rules(kb.database)[rule.id] == 2
    assert count_items_with_theme(kb.database, "veiligheid") == 2
    explanation = {t.key: t for t in kb.get_item(2).themes}["veiligheid"].explanation
    assert '"rule"' in explanation and "boetes" in explanation


def test_a_theme_moves_in_the_order_that_the_number_keys_follow(kb: KnowledgeBase) -> None:
    keys = [t.key for t in kb.themes()]
    assert kb.taxonomy.move_theme(keys[2], -1)[:3] == [keys[0], keys[2], keys[1]]
    assert [t.key for t in kb.themes()][:3] == [keys[0], keys[2], keys[1]]
    assert kb.taxonomy.move_theme(keys[0], -5)[0] == keys[0]  # the top stays the top
    moved = kb.taxonomy.move_theme(keys[0], 99)
    assert moved[-1] == keys[0] and sorted(moved) == sorted(keys)
    assert [t.position for t in kb.themes()] == list(range(1, len(keys) + 1))
