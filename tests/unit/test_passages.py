"""Passage vectors: the parts of a long article after the lead, embedded apart and searched."""

from __future__ import annotations

from datetime import timedelta

from store.core.models import NewItem
from store.knowledge_base import KnowledgeBase
from store.vectors.passages import MAX_PASSAGES, PASSAGE_CHARS, chunk_text, deep_passages
from tests.conftest import BASE_DATE

LEAD = ("Het nieuwe distributiecentrum van Noordhaven in Tilburg opent in maart en biedt werk aan vierhonderd "
        "mensen. De gemeente is blij met de investering en de werkgelegenheid.")
FILLER = ("Het gebouw krijgt zonnepanelen op het dak en een eigen aansluiting op het spoor. De bouw loopt volgens "
          "plan, zegt de projectleider, en de eerste vrachtwagens rijden in het voorjaar af en aan.")
DEEP = ("Voor het vervoer van de werknemers zet Noordhaven pendelbussen in die drie keer per dag tussen de "
        "logieslocatie in Waalwijk en het terrein rijden.")


def article(n: int, text: str) -> NewItem:
    return NewItem(url=f"https://long.example/{n}", title=f"Distributiecentrum {n}", text=text, language="nl",
                   source="Krant", published=BASE_DATE + timedelta(hours=n))


def test_chunks_are_whole_paragraphs_within_the_size() -> None:
    text = "\n\n".join([LEAD, FILLER, FILLER, DEEP, "x " * 700])
    chunks = chunk_text(text)
    assert all(len(c) <= PASSAGE_CHARS for c in chunks)
    assert chunks[0].startswith("Het nieuwe distributiecentrum") and any(DEEP in c for c in chunks)
    assert " ".join(chunks).split() == text.split()  # nothing lost, nothing added


def test_short_items_have_no_passages_and_long_ones_skip_the_lead() -> None:
    assert deep_passages(LEAD) == []
    passages = deep_passages("\n\n".join([LEAD, FILLER, FILLER, FILLER, DEEP]))
    assert passages and not any("Het nieuwe distributiecentrum" in p for p in passages)
    assert DEEP in passages[-1]
    assert len(deep_passages("\n\n".join([FILLER] * 60))) == MAX_PASSAGES


def test_a_question_answered_deep_in_an_article_finds_it(kb: KnowledgeBase) -> None:
    long_text = "\n\n".join([LEAD, FILLER, FILLER, FILLER, DEEP])
    kb.add_items([article(1, long_text)] + [article(n, LEAD + " " + FILLER) for n in range(2, 6)])
    stored = kb.database.scalar("SELECT COUNT(*) FROM passage_vectors")
    assert stored == len(deep_passages(long_text))
    hits = kb.search("pendelbussen logieslocatie Waalwijk", mode="semantic").hits
    assert hits and hits[0].item.url == "https://long.example/1"


def test_changed_deep_text_is_embedded_again(kb: KnowledgeBase) -> None:
    kb.add_items([article(1, "\n\n".join([LEAD, FILLER, FILLER, FILLER]))])
    item_id = kb.resolve_item("https://long.example/1")
    with kb.database.write("items", items=[item_id]) as conn:
        conn.execute("UPDATE items SET full_text = ? WHERE id = ?",
                     ("\n\n".join([LEAD, FILLER, FILLER, FILLER, DEEP]), item_id))
    assert kb.vectors.stale_ids() == [item_id]
    kb.vectors.embed_items([item_id])
    assert kb.vectors.stale_ids() == []


def test_items_stored_before_passages_existed_get_them(kb: KnowledgeBase) -> None:
    kb.add_items([article(1, "\n\n".join([LEAD, FILLER, FILLER, FILLER, DEEP]))])
    with kb.database.write("vectors") as conn:  # as a database from before migration 5
        conn.execute("DELETE FROM passage_vectors")
        conn.execute("UPDATE embeddings SET passages_hash = NULL")
    report = kb.vectors.ensure_ready()
    assert report["passages"] > 0 and report["embedded"] == 0
    assert kb.vectors.passages_missing_ids() == []
