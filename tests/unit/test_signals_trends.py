"""Signal score for the week's inbox, and weekly trends with spikes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from store.core.models import NewItem
from store.core.weeks import parse_week, week_bounds, week_of
from store.items.annotations import set_state
from store.knowledge_base import KnowledgeBase
from store.signals.score import rank_week
from store.signals.trends import is_spike, trends

WEEK = (2026, 46)


def add(kb: KnowledgeBase, n: int, when: datetime, title: str, text: str, source: str = "Bron") -> int:
    return kb.add_items([NewItem(url=f"https://s.example/{n}", title=title, text=text, source=source,
                                 language="nl", published=when)]).added_ids[0]


@pytest.mark.clock("2026-11-27 15:00", zone="Europe/Amsterdam")  # the offsets below are Amsterdam's
def test_weeks() -> None:
    assert parse_week("2026-W48") == (2026, 48)
    start, end = week_bounds(2026, 48)
    assert start.isoformat().startswith("2026-11-23T00:00:00+01:00") and end - start == timedelta(days=7)
    assert week_of(datetime(2026, 11, 22, 23, 30, tzinfo=UTC)) == (2026, 48)  # Monday 00:30 local


def test_inbox_ranks_new_multi_source_watchlist_items_first(kb: KnowledgeBase) -> None:
    start, _ = week_bounds(*WEEK)
    for n in range(8):  # history: the same topic every week before
        add(kb, 100 + n, start - timedelta(weeks=n + 1), "Kermis in Tilburg", "De kermis trok veel bezoekers.")
    boring = add(kb, 1, start + timedelta(days=1), "Kermis in Tilburg", "De kermis trok veel bezoekers.")
    story = ("Uitzendbureau FlexPlus neemt een huisvester in Oss over; de Arbeidsinspectie kijkt mee. " * 4).strip()
    hot = add(kb, 2, start + timedelta(days=2), "FlexPlus koopt huisvester in Oss", story, source="Bron A")
    copy = kb.add_items([NewItem(url="https://other.example/x", title="FlexPlus koopt huisvester in Oss",
                                 text=story, source="Bron B", language="nl", published=start + timedelta(days=2))])
    assert copy.duplicates == 1  # the same text from a second source: one item, two sources
    from store.signals.watchlist import add_actor, match_actors
    match_actors(kb.database, actors=[add_actor(kb.database, "FlexPlus", "agency")])
    kb.tag(hot, ["markt"])
    dismissed = add(kb, 3, start + timedelta(days=3), "Ruis", "Niet relevant voor ons.")
    set_state(kb.database, [dismissed], "dismissed")
    ranked = rank_week(kb.database, kb.vectors, *WEEK, now=start + timedelta(days=4))
    assert [r.item.id for r in ranked] == [hot, boring]
    top = ranked[0]
    assert top.parts["theme"] == 1.0 and top.parts["watchlist"] > 0
    assert top.parts["novelty"] > ranked[1].parts["novelty"]
    assert "nieuw onderwerp" in top.explanation and top.evidence["related"] == 0
    assert "FlexPlus" in top.explanation and "Markt" in top.explanation and "\n" not in top.explanation
    assert "lijkt op 8 eerdere berichten (8 weken)" in ranked[1].explanation  # the true count
    english = rank_week(kb.database, kb.vectors, *WEEK, language="en", now=start + timedelta(days=4))
    assert "mentions FlexPlus" in english[0].explanation


def test_spike_rule() -> None:
    assert is_spike(10, [2, 3, 2, 1, 2, 3, 2, 2])[0]
    assert not is_spike(4, [2, 3, 2, 1, 2, 3, 2, 2])[0]  # above average, but not well above
    assert not is_spike(2, [0, 0, 0, 0, 0, 0, 0, 0])[0]  # too few to call
    assert not is_spike(9, [1, 1])[0]  # not enough history yet


def test_planted_spike_is_flagged_and_stories_count_once(kb: KnowledgeBase) -> None:
    end = week_bounds(*WEEK)[0] + timedelta(days=2)
    n = 0
    for weeks_ago in range(12):
        count = 9 if weeks_ago == 1 else 2
        for _ in range(count):
            n += 1
            item = add(kb, n, end - timedelta(weeks=weeks_ago), f"Bericht {n}", f"Tekst over huisvesting {n}.")
            kb.tag(item, ["huisvesting"])
    series = {s.key: s for s in trends(kb.database, weeks=10, until=end)}
    housing = series["huisvesting"]
    flagged = [w.week for w in housing.weeks if w.spike]
    assert flagged == ["2026-W45"]
    assert housing.weeks[-2].count == 9 and housing.weeks[-2].baseline == 2.0
    with kb.database.write() as conn:  # the spike week turns out to be one story told 9 times
        conn.execute("INSERT INTO stories (created) VALUES ('x')")
        conn.execute("UPDATE items SET story_id = 1 WHERE published >= ? AND published < ?",
                     tuple(v.strftime("%Y-%m-%dT%H:%M:%SZ") for v in
                           (week_bounds(2026, 45)[0].astimezone(UTC),
                            week_bounds(2026, 45)[1].astimezone(UTC))))
    housing = {s.key: s for s in trends(kb.database, weeks=10, until=end)}["huisvesting"]
    assert housing.weeks[-2].count == 1 and not housing.weeks[-2].spike


def test_one_number_format_per_language() -> None:
    from store.core.numbers import decimal
    from store.signals.score import explain

    parts = {"novelty": 0.1, "sources": 0.0, "theme": 0.5, "watchlist": 0.0, "recency": 1.0}
    evidence = {"sources": 1, "theme": "Markt", "theme_fit": 0.72, "actors": [], "age_days": 0}
    assert "Markt (0,72)" in explain(parts, evidence, "nl")
    assert "Markt (0.72)" in explain(parts, evidence, "en")
    assert decimal(0.5, "nl") == "0,50" and decimal(0.5, "en") == "0.50" and decimal(1.26, "nl", 1) == "1,3"


@pytest.mark.clock("2026-11-27 06:00")
def test_a_reason_says_how_old_an_item_is_in_the_words_of_the_list(kb: KnowledgeBase) -> None:
    # published at 17:00 the evening before: 13 hours ago, but "gisteren", as the list says
    kb.add_items([NewItem(url="https://a.example/1", title="Gemeente Tilburg opent logies", source="Krant",
                          text="Tilburg opent een nieuwe logies voor arbeidsmigranten.", language="nl",
                          published=datetime(2026, 11, 26, 16, 0, tzinfo=UTC))])
    (ranked,) = rank_week(kb.database, kb.vectors, 2026, 48)
    assert "gisteren" in ranked.explanation and "vandaag" not in ranked.explanation
    (english,) = rank_week(kb.database, kb.vectors, 2026, 48, language="en")
    assert "yesterday" in english.explanation
