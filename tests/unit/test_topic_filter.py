"""A general feed's topic filter: only what a rule, a watchlist actor or a theme wants is kept; the rest is
counted per source and never weighed twice; switching the filter off brings the entries back."""

from __future__ import annotations

import pytest

from scanner.fetch import FetchPolicy
from scanner.pipeline import Scanner
from store.knowledge_base import KnowledgeBase
from store.sources.registry import add_source, get_source
from tests.feedserver import FeedServer

POLICY = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), read_timeout=2, deadline=5)
OFF_TOPIC = {"PSV wint ruim van Ajax in uitverkocht Philips Stadion",
             "Weekend wordt zonnig en zacht, maandag komt de regen terug",
             "Koning opent vernieuwd museum in Den Haag"}


@pytest.fixture(autouse=True)
def _theme_judgement(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake embedder cannot tell sport from labour migration: the themes' judgement is played by the
    words (the real model's is measured in tests/slow and benchmarks/eval_topic_filter.py); the texts are
    still embedded, as the real judgement does."""
    from store.sources import topic_filter

    def judged_by_words(database, vectors, items):
        vectors.embed_texts([topic_filter.embedding_text(i.title, i.summary, i.text) for i in items])
        return ["arbeidsmigrant" in f"{i.title} {i.summary}".lower() for i in items]

    monkeypatch.setattr(topic_filter, "_themes_want", judged_by_words)


def _titles(kb: KnowledgeBase) -> set[str]:
    return {r[0] for r in kb.database.query("SELECT title FROM items")}


def test_a_general_feed_keeps_what_the_field_wants_and_counts_the_rest(kb: KnowledgeBase,
                                                                       feed_server: FeedServer) -> None:
    kb.rules.add_rule("huisvesting", "any", "Zwaluwhoeve")  # only a rule wants this one
    source = add_source(kb.database, "Algemeen", "feed", feed_server.url("/etag/general_news.xml"),
                        fulltext=False, topic_filter=True).source
    summary = Scanner(kb, POLICY).scan()
    kept = _titles(kb)
    assert "Gemeenteraad Oss praat over de Zwaluwhoeve" in kept  # a rule wants it: never lost
    assert {t for t in kept if "rbeidsmigranten" in t} == {
        "Arbeidsmigranten in Tilburg wonen met te veel mensen in één huis",
        "Arbeidsinspectie treft uitbuiting aan bij uitzendbureau voor arbeidsmigranten"}
    assert not kept & OFF_TOPIC
    assert summary.off_topic == 3 and summary.outcomes[0].off_topic == 3
    assert get_source(kb.database, source.id).filtered == 3

    # the feed changes (no 304): what was left out is known, neither stored nor counted again
    kb.sources.update_source(source.id, url=feed_server.url("/fixtures/general_news.xml"))
    again = Scanner(kb, POLICY).scan()
    assert again.items_new == 0 and again.off_topic == 0 and get_source(kb.database, source.id).filtered == 3

    # off: the left-out entries are forgotten and the next scan keeps them
    kb.sources.update_source(source.id, topic_filter=False)
    assert kb.sources.forget_filtered(source.id) == 3
    Scanner(kb, POLICY).scan()
    assert OFF_TOPIC <= _titles(kb) and get_source(kb.database, source.id).filtered == 0


def test_without_the_filter_a_feed_keeps_everything(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    add_source(kb.database, "Algemeen", "feed", feed_server.url("/fixtures/general_news.xml"), fulltext=False)
    summary = Scanner(kb, POLICY).scan()
    assert summary.items_new == 6 and summary.off_topic == 0


def test_items_weighed_by_the_filter_are_not_embedded_twice(kb: KnowledgeBase, feed_server: FeedServer) -> None:
    embedded: list[str] = []
    embed = kb.embedder.embed

    def recording(texts, kind="passage"):
        embedded.extend(texts)
        return embed(texts, kind)

    kb.embedder.embed = recording  # type: ignore[method-assign]
    add_source(kb.database, "Algemeen", "feed", feed_server.url("/fixtures/general_news.xml"), fulltext=False,
               topic_filter=True)
    Scanner(kb, POLICY).scan()
    assert kb.database.scalar("SELECT COUNT(*) FROM embeddings") == 2  # the two on labour migration
    weighed = [t for t in embedded if t.startswith(("PSV wint", "Arbeidsmigranten in Tilburg", "Arbeidsinspectie"))]
    assert len(weighed) == 3 and len(set(weighed)) == 3  # weighed once, stored without a second embedding
