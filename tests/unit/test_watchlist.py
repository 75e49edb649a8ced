"""The watchlist: seeded actors, whole-word matching without case or accents, aliases, timelines."""

from __future__ import annotations

import pytest

from store.core.models import NewItem
from store.knowledge_base import KnowledgeBase
from store.signals.watchlist import ActorError, add_actor, list_actors, match_actors, remove_actor
from tests.conftest import BASE_DATE


def mentions(kb: KnowledgeBase, name: str) -> int:
    return next(a.mentions for a in list_actors(kb.database) if a.name == name)


def test_seeded_with_public_bodies_municipalities_and_countries(kb: KnowledgeBase) -> None:
    kinds = {a.kind for a in list_actors(kb.database)}
    names = {a.name for a in list_actors(kb.database)}
    assert {"public", "association", "union", "municipality", "country"} <= kinds
    assert {"Nederlandse Arbeidsinspectie", "ABU", "SNF", "Tilburg", "'s-Hertogenbosch", "Polen"} <= names
    assert not any(a.kind == "company" for a in list_actors(kb.database))  # companies are the users' call


def test_whole_words_case_and_accents(kb: KnowledgeBase) -> None:
    kb.add_items([
        NewItem(url="https://w.example/1", title="Werk in OSS", text="Ossendrecht en boss tellen niet.",
                published=BASE_DATE),
        NewItem(url="https://w.example/2", title="Uit Roemenie en Polen", text="Roemeense werknemers.",
                published=BASE_DATE),
        NewItem(url="https://w.example/3", title="Den Bosch", text="In ’s-Hertogenbosch is de Arbeidsinspectie actief.",
                published=BASE_DATE),
    ])
    assert mentions(kb, "Oss") == 1
    assert mentions(kb, "Roemenië") == 1 and mentions(kb, "Polen") == 1
    assert mentions(kb, "'s-Hertogenbosch") == 1 and mentions(kb, "Nederlandse Arbeidsinspectie") == 1


def test_inflected_and_derived_names_are_found_without_false_hits(kb: KnowledgeBase) -> None:
    kb.add_items([
        NewItem(url="https://w.example/nl", title="Tilburgse werkgevers", text="Het Tilburgs beleid en de Tilburgers.",
                published=BASE_DATE),
        NewItem(url="https://w.example/pl", title="Praca w Tilburgu", text="Pracownicy z Tilburga i Waalwijku.",
                language="pl", published=BASE_DATE),
        NewItem(url="https://w.example/ro", title="Muncitori in Tilburgul", text="Salarii mici.", language="ro",
                published=BASE_DATE),
        NewItem(url="https://w.example/no", title="De Tilburgstraat in Breda", text="Ossendrecht en Osse tellen niet.",
                published=BASE_DATE),
    ])
    tilburg = next(a for a in list_actors(kb.database) if a.name == "Tilburg")
    found = {title for title, in kb.database.query(
        "SELECT i.title FROM actor_mentions m JOIN items i ON i.id = m.item_id WHERE m.actor_id = ?", (tilburg.id,))}
    assert found == {"Tilburgse werkgevers", "Praca w Tilburgu", "Muncitori in Tilburgul"}
    assert mentions(kb, "Waalwijk") == 1 and mentions(kb, "Breda") == 1 and mentions(kb, "Oss") == 0


def test_added_company_is_found_in_stored_items(filled_kb: KnowledgeBase) -> None:
    actor = add_actor(filled_kb.database, "European Labour Authority Campaign", "other")
    assert match_actors(filled_kb.database, actors=[actor]) == 0
    company = add_actor(filled_kb.database, "Distributiecentrum Noord", "company", ["distributiecentra"])
    assert match_actors(filled_kb.database, actors=[company]) == 1
    again = add_actor(filled_kb.database, "Distributiecentrum Noord", "company", ["DC Noord"])
    assert again.aliases == ("distributiecentra", "DC Noord")


def test_remove_and_errors(kb: KnowledgeBase) -> None:
    add_actor(kb.database, "FlexPlus", "agency")
    assert remove_actor(kb.database, "flexplus").name == "FlexPlus"
    with pytest.raises(ActorError, match="No actor"):
        remove_actor(kb.database, "FlexPlus")
    with pytest.raises(ActorError, match="Unknown kind"):
        add_actor(kb.database, "X", "alien")
