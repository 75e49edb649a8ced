"""`sources check`: try every source once (nothing is stored) and say per source what to do: ok, moved (with
the new address; `--fix` takes it), gone, not a feed (with the feed the page announces, if any; `--fix` takes
it), or failing for another reason (in words). A first-run flow shows the summary in a sentence."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from scanner.discovery import discover_feeds
from scanner.feeds import parse_feed
from scanner.fetch import Fetcher, FetchPolicy, FetchResult
from scanner.messages import describe
from store import IndicatorSettings, KnowledgeBase
from store.core.models import Source
from store.core.progress import ProgressCallback, report

VERDICTS = ("ok", "moved", "gone", "not_a_feed", "failing")
GONE_CODES = ("not_found", "gone", "dns")  # the address does not exist (any more)
CONCURRENT = 8


@dataclass
class SourceCheck:
    source_id: int
    name: str
    url: str
    verdict: str  # one of VERDICTS
    new_url: str | None = None  # moved: where to; not a feed: the feed the page announces
    entries: int = 0  # items the feed holds now (nothing is stored)
    code: str | None = None  # the fetch's or the parser's error code, for `describe`
    params: dict = field(default_factory=dict)
    fixed: bool = False  # `--fix` took new_url
    duplicate_of: int | None = None  # new_url is already this other source's address (so it was not taken)


def _verdict(source: Source, fetched: FetchResult) -> SourceCheck:
    check = SourceCheck(source.id, source.name, source.url or "", "ok")
    if source.kind == "indicator":  # a statistics table: its TableInfos answer, or it was withdrawn
        if not fetched.ok and fetched.status in (404, 410):
            check.verdict, check.code = "gone", "indicator_withdrawn"
            check.params = {"table": source.indicator.get("table", "")}
        elif not fetched.ok:
            check.verdict, check.code, check.params = "failing", fetched.error_code, dict(fetched.error_params)
        return check
    if not fetched.ok:
        check.verdict = "gone" if fetched.error_code in GONE_CODES else "failing"
        check.code, check.params = fetched.error_code, dict(fetched.error_params)
        return check
    if source.kind == "page":  # a page source is a page: that it answers is all there is to check
        return check
    parsed = parse_feed(fetched.content, fetched.url, fetched.headers.get("content-type", ""))
    if parsed.error_code:
        feeds = discover_feeds(fetched.content, fetched.url)
        check.verdict, check.code, check.params = "not_a_feed", parsed.error_code, dict(parsed.error_params)
        check.new_url = feeds[0].url if feeds else None
        return check
    check.entries = len(parsed.entries)
    if fetched.moved_to and fetched.moved_to != source.url:
        check.verdict, check.new_url = "moved", fetched.moved_to
    return check


def _address(source: Source) -> str:
    """What to try: a feed's or page's address; an indicator's table description."""
    if source.kind == "indicator":
        return f"{IndicatorSettings.from_dict(source.indicator).table_url}/TableInfos?$format=json"
    return source.url or ""


async def _check_all(sources: Sequence[Source], policy: FetchPolicy,
                     progress: ProgressCallback | None = None) -> list[SourceCheck]:
    limit = asyncio.Semaphore(CONCURRENT)
    done = 0
    async with Fetcher(policy) as fetcher:
        async def one(source: Source) -> SourceCheck:
            nonlocal done
            async with limit:
                check = _verdict(source, await fetcher.get(_address(source), accept=(
                    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, "
                    "application/json;q=0.8, */*;q=0.5")))
            done += 1
            report(progress, "checking", done, len(sources))
            return check
        return list(await asyncio.gather(*(one(s) for s in sources)))


def check_sources(kb: KnowledgeBase, ids: Sequence[int] | None = None, fix: bool = False,
                  policy: FetchPolicy | None = None, progress: ProgressCallback | None = None) -> list[SourceCheck]:
    """Check the sources with an address (all, or `ids`); with `fix`, take the new address of every moved
    source and the announced feed of every page that is not one."""
    sources = [s for s in kb.sources.list_sources() if s.url and s.scannable and (ids is None or s.id in ids)]
    checks = asyncio.run(_check_all(sources, policy or FetchPolicy.from_settings(kb.settings), progress))
    by_url = {s.url: s.id for s in kb.sources.list_sources()}
    for check in checks:
        if check.new_url and by_url.get(check.new_url, check.source_id) != check.source_id:
            check.duplicate_of = by_url[check.new_url]
        elif fix and check.verdict in ("moved", "not_a_feed") and check.new_url:
            kb.sources.update_source(check.source_id, url=check.new_url)
            by_url[check.new_url] = check.source_id
            check.fixed = True
    return checks


def explain(check: SourceCheck, language: str = "nl") -> str:
    """One line: what was found and what to do."""
    nl = language != "en"
    if check.verdict == "ok":
        return (f"werkt ({check.entries} berichten in de feed)" if nl else f"works ({check.entries} items in the feed)")
    if check.duplicate_of is not None:
        return (f"{'verhuisd naar' if check.verdict == 'moved' else 'geen feed; de pagina noemt'} {check.new_url}, "
                f"en dat is al bron #{check.duplicate_of}: deze kan weg") if nl else (
                f"{'moved to' if check.verdict == 'moved' else 'not a feed; the page announces'} {check.new_url}, "
                f"which is already source #{check.duplicate_of}: this one can go")
    if check.verdict == "moved":
        done = " (overgenomen)" if nl else " (taken)"
        return (f"verhuisd naar {check.new_url}" if nl else f"moved to {check.new_url}") + (done if check.fixed else (
            ": neem het nieuwe adres over met --fix" if nl else ": take the new address with --fix"))
    if check.verdict == "not_a_feed":
        if check.new_url:
            found = f"geen feed; de pagina noemt de feed {check.new_url}" if nl else \
                f"not a feed; the page announces the feed {check.new_url}"
            return found + ((" (overgenomen)" if nl else " (taken)") if check.fixed else
                            (": neem die over met --fix" if nl else ": take it with --fix"))
        return ("geen feed en de pagina noemt er geen: volg hem als paginabron of verwijder hem" if nl else
                "not a feed, and the page announces none: follow it as a page source or remove it")
    return describe(check.code, check.params, "nl" if nl else "en")


def summary(checks: Sequence[SourceCheck], language: str = "nl") -> str:
    """The outcome in one sentence, e.g. "22 bronnen: 18 werken, 2 verhuisd, 1 bestaat niet meer, 1 is geen feed"."""
    counts = Counter(c.verdict for c in checks)
    nl = language != "en"
    words = {"ok": ("werken", "work"), "moved": ("verhuisd", "moved"), "gone": ("bestaan niet meer", "are gone"),
             "not_a_feed": ("zijn geen feed", "are not a feed"), "failing": ("geven nu een fout", "fail now")}
    parts = [f"{counts[v]} {words[v][0 if nl else 1]}" for v in VERDICTS if counts[v]]
    head = f"{len(checks)} bronnen" if nl else f"{len(checks)} sources"
    return f"{head}: {', '.join(parts)}." if parts else (f"{head}." if checks else (
        "Geen bronnen met een adres om te controleren." if nl else "No sources with an address to check."))
