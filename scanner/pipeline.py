"""The scan: fetch sources concurrently, parse, fetch full text, normalise, store, group stories.

Network work runs on an asyncio loop; parsing and extraction on a small thread pool;
all store writes on one serial thread. A source's ETag and health are saved only after
its items are committed, so a scan killed half way is completed by the next one.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial

from scanner.discovery import article_links
from scanner.feeds import Entry, parse_feed
from scanner.fetch import Fetcher, FetchPolicy, FetchResult
from scanner.fulltext import Article, extract_article, needs_full_text, redirect_page
from scanner.health import next_after_failure, next_after_success
from scanner.indicators import IndicatorFetch, fetch_indicator
from scanner.normalize import entry_texts, entry_url, page_item, to_new_item
from scanner.results import ScanSummary, SourceOutcome
from store import KnowledgeBase
from store.core.models import NewItem, Source
from store.core.progress import ProgressCallback, report
from store.core.timeutil import utcnow
from store.core.urls import canonical_url

log = logging.getLogger(__name__)
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
               "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
HTML_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
MAX_ARTICLES_PER_SOURCE = 60
MAX_FULLTEXT_ATTEMPTS = 4
# New entries stored per feed per scan, newest first. A feed with 50,000 entries once took 17 minutes and
# 811 MB in one scan (13 minutes grouping stories); the rest now follows in the next scans (fetched in full
# again, not "not modified"), and feeds usually hold only their newest entries anyway.
MAX_NEW_ENTRIES_PER_SCAN = 500
DEFERRED = "entries_deferred"  # the warning that also makes the next scan fetch without ETag


class Scanner:
    """Runs scans for one knowledge base. `scan()` blocks; run it in a worker thread in a GUI."""

    def __init__(self, kb: KnowledgeBase, policy: FetchPolicy | None = None, fulltext: bool = True,
                 max_new_entries: int = MAX_NEW_ENTRIES_PER_SCAN) -> None:
        self.kb = kb
        self.policy = policy or FetchPolicy()
        self.fulltext = fulltext  # the global switch; each source has its own too
        self.max_new_entries = max_new_entries

    def select_sources(self, source_ids: Sequence[int] | None = None, *, force: bool = False,
                       due_only: bool = False) -> list[Source]:
        """Sources to scan: the given ids, else every enabled one not backing off after failures.

        `due_only` keeps only sources whose interval has passed; `force` ignores back-off.
        """
        now = utcnow()
        sources = [s for s in self.kb.sources.list_sources() if s.scannable]
        if source_ids:
            wanted = set(source_ids)
            return [s for s in sources if s.id in wanted]
        sources = [s for s in sources if s.enabled]
        if force:
            return sources
        if due_only:
            return [s for s in sources if s.next_due is None or s.next_due <= now]
        return [s for s in sources if s.last_status != "failing" or s.next_due is None or s.next_due <= now]

    def scan(self, source_ids: Sequence[int] | None = None, *, force: bool = False, due_only: bool = False,
             progress: ProgressCallback | None = None, cancel: threading.Event | None = None) -> ScanSummary:
        """Scan and return the summary (also saved as a scan run). Raises ScanBusyError when another scanner of
        the same store is at work (team mode: on any computer), so two scanners never do the work twice."""
        with self.kb.sole_scanner():
            sources = self.select_sources(source_ids, force=force, due_only=due_only)
            summary = ScanSummary(run_id=self._start_run(len(sources)), started=utcnow(),
                                  sources_total=len(sources))
            try:
                asyncio.run(_ScanJob(self, sources, summary, progress, cancel).run())
            finally:
                summary.finished = utcnow()
                self._finish_run(summary)
            summary.alerts = self._raise_alerts()
        return summary

    def _raise_alerts(self) -> list:
        """The alerts of what came in; a failure here is logged and never fails the scan."""
        try:
            return self.kb.raise_alerts()
        except Exception:  # noqa: BLE001 - the scan's items are stored; alerts are raised again next time
            log.exception("raising alerts failed")
            return []

    # -- scan runs -------------------------------------------------------------------
    def _start_run(self, total: int) -> int:
        return self.kb.scans.start(utcnow(), total)

    def _finish_run(self, s: ScanSummary) -> None:
        details = [{"source_id": o.source_id, "name": o.name, "status": o.status, "new": o.new_items,
                    "off_topic": o.off_topic,
                    "error": o.error_code, "error_params": o.error_params, "warning": o.warning_code}
                   for o in s.outcomes]
        counts = {"ok": s.count("ok"), "not_modified": s.count("not_modified"), "failed": s.count("failed"),
                  "items_new": s.items_new, "duplicates": s.duplicates,
                  "off_topic": s.off_topic, "stories_new": s.stories_new}
        self.kb.scans.finish(s.run_id, s.finished or utcnow(), s.cancelled, counts, details)


class _ScanJob:
    """One scan's state: the fetcher, the worker pools, and the running tally."""

    def __init__(self, scanner: Scanner, sources: list[Source], summary: ScanSummary,
                 progress: ProgressCallback | None, cancel: threading.Event | None) -> None:
        self.kb = scanner.kb
        self.policy = scanner.policy
        self.fulltext = scanner.fulltext
        self.max_new_entries = scanner.max_new_entries
        self.sources = sources
        self.summary = summary
        self.progress = progress
        self.cancel = cancel

    async def run(self) -> None:
        report(self.progress, "scanning", 0, len(self.sources), 0)
        self.cpu = ThreadPoolExecutor(2, thread_name_prefix="scan-parse")
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="scan-store")
        try:
            async with Fetcher(self.policy) as fetcher:
                self.fetcher = fetcher
                tasks = [asyncio.create_task(self._guarded(s)) for s in self.sources]
                watcher = asyncio.create_task(self._watch_cancel(tasks))
                for done in asyncio.as_completed(tasks):
                    try:
                        outcome = await done
                    except asyncio.CancelledError:
                        continue
                    self.summary.outcomes.append(outcome)
                    report(self.progress, "scanning", len(self.summary.outcomes), len(self.sources),
                           self.summary.items_new)
                watcher.cancel()
        finally:
            self.cpu.shutdown(wait=True)
            self.writer.shutdown(wait=True)  # let a write in progress finish

    async def _watch_cancel(self, tasks: list[asyncio.Task]) -> None:
        while self.cancel is not None:
            if self.cancel.is_set():
                self.summary.cancelled = True
                for task in tasks:
                    task.cancel()
                return
            await asyncio.sleep(0.1)

    async def _guarded(self, source: Source) -> SourceOutcome:
        try:
            return await self._scan_source(source)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - one broken source must never stop the scan
            log.exception("scanning source %s (%s) failed", source.id, source.url)
            return await self._fail(source, "internal", {"detail": type(exc).__name__})

    async def _in(self, pool: ThreadPoolExecutor, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(pool, partial(fn, *args))

    # -- one source -----------------------------------------------------------------
    async def _scan_source(self, source: Source) -> SourceOutcome:
        if source.kind == "indicator":
            return await self._scan_indicator(source)
        accept = HTML_ACCEPT if source.kind == "page" else FEED_ACCEPT
        conditional = source.last_warning_code != DEFERRED  # entries left over: fetch in full
        fetched = await self.fetcher.get(source.url or "", etag=source.etag if conditional else None,
                                         last_modified=source.last_modified if conditional else None, accept=accept)
        if fetched.not_modified:
            return await self._succeed(source, fetched, [], status="not_modified")
        if not fetched.ok:
            return await self._fail(source, fetched.error_code or "network", fetched.error_params,
                                    fetched.retry_after)
        if source.kind == "page":
            return await self._scan_page(source, fetched)
        parsed = await self._in(self.cpu, parse_feed, fetched.content, fetched.url,
                                fetched.headers.get("content-type", ""))
        if parsed.error_code:
            return await self._fail(source, parsed.error_code, parsed.error_params)
        items, skipped, failed, known, deferred = await self._feed_items(source, parsed.entries, fetched.private_ok)
        warning = (parsed.warning_code, parsed.warning_params)
        if deferred:
            warning = (DEFERRED, {"read": self.max_new_entries, "remaining": deferred})
        outcome = await self._succeed(source, fetched, items, warning=warning, name=parsed.title,
                                      site_url=parsed.link)
        outcome.skipped_entries, outcome.fulltext_failed = skipped, failed
        outcome.known_items += known
        return outcome

    async def _feed_items(self, source: Source, entries: list[Entry],
                          private_ok: bool) -> tuple[list[NewItem], int, int, int, int]:
        """NewItems for the newest entries that are new (or whose full text failed before).

        Returns the items, entries skipped (nothing to show), full-text failures, entries already stored, and
        new entries left for the next scan (beyond max_new_entries).
        """
        now = utcnow()
        urls = {id(e): entry_url(e, source.id) for e in entries}
        known = await self._in(self.writer, _fulltext_state, self.kb, [canonical_url(u) for u in urls.values() if u])
        wanted: list[Entry] = []
        unusable = 0  # no link, guid or text to know it by: never stored
        for entry in entries:
            url = urls[id(entry)]
            state = known.get(canonical_url(url)) if url else None
            if url is None:
                unusable += 1
            elif state is None or (state[0] == "failed" and state[1] < MAX_FULLTEXT_ATTEMPTS):  # new, or retry
                wanted.append(entry)
        wanted, deferred = _newest(wanted, self.max_new_entries)
        fetch_full = [e for e in wanted if self.fulltext and source.fulltext and e.link and not redirect_page(e.link)
                      and needs_full_text(entry_texts(e)[1])]
        fetch_full = fetch_full[:MAX_ARTICLES_PER_SOURCE]
        articles = await self._articles([(e.link, e) for e in fetch_full if e.link], private_ok=private_ok)
        attempted = {id(e) for e in fetch_full}
        items: list[NewItem] = []
        skipped, failed = unusable, 0
        for entry in wanted:
            status = None
            article = articles.get(id(entry))
            if id(entry) in attempted:
                status = "ok" if article else "failed"
                failed += article is None
            item = to_new_item(entry, source.id, now, article, status)
            if item is None:
                skipped += 1
            else:
                items.append(item)
        return items, skipped, failed, len(entries) - len(wanted) - deferred - unusable, deferred

    async def _articles(self, targets: list[tuple[str, object]], with_metadata: bool = False, *,
                        private_ok: bool) -> dict[int, Article]:
        """Fetch and extract article pages concurrently; missing keys are failures.

        `private_ok`: the source lives on an internal address itself (or the setting allows it), so its links
        may too; otherwise links to loopback, private and link-local addresses are refused (scanner.netguard).
        """
        async def one(url: str, key: object) -> tuple[int, Article | None]:
            page = await self.fetcher.get(url, accept=HTML_ACCEPT, private_ok=private_ok)
            if not page.ok or not page.content:
                return id(key), None
            return id(key), await self._in(self.cpu, extract_article, page.content, page.url, with_metadata)

        results = await asyncio.gather(*(one(url, key) for url, key in targets))
        return {key: article for key, article in results if article is not None}

    async def _scan_page(self, source: Source, fetched: FetchResult) -> SourceOutcome:
        links = await self._in(self.cpu, article_links, fetched.content, fetched.url, source.selector)
        if not links:
            return await self._fail(source, "no_links", {})
        known = await self._in(self.writer, _fulltext_state, self.kb, [canonical_url(u) for u, _ in links])
        new_links = [(u, t) for u, t in links if canonical_url(u) not in known][:MAX_ARTICLES_PER_SOURCE]
        texts = {id(link): link for link in new_links}
        articles = await self._articles([(link[0], link) for link in new_links], with_metadata=True,
                                        private_ok=fetched.private_ok)
        items = [page_item(texts[k][0], texts[k][1], a, source.id) for k, a in articles.items()]
        if new_links and not items:
            return await self._fail(source, "articles_unreadable", {"count": len(new_links)})
        outcome = await self._succeed(source, fetched, items)
        outcome.known_items += len(links) - len(new_links)
        outcome.fulltext_failed = len(new_links) - len(items)
        return outcome

    async def _scan_indicator(self, source: Source) -> SourceOutcome:
        """A statistics table: its series stored, a new period that moves beyond the threshold as an item."""
        fetched = await fetch_indicator(self.fetcher, source)
        if fetched.error_code:
            return await self._fail(source, fetched.error_code, fetched.error_params, fetched.retry_after)
        return await self._in(self.writer, self._store_indicator, source, fetched)

    def _store_indicator(self, source: Source, fetched: IndicatorFetch) -> SourceOutcome:
        items: list[NewItem] = []
        if not fetched.not_modified:
            items = self.kb.indicators.record(source.id, fetched.settings, fetched.points)
        page = FetchResult(source.url or "", headers={"last-modified": fetched.modified} if fetched.modified else {})
        return self._store_success(source, page, items, "not_modified" if fetched.not_modified else "ok",
                                   (fetched.warning_code, fetched.warning_params), "", "")

    # -- outcomes -------------------------------------------------------------------
    async def _succeed(self, source: Source, fetched: FetchResult, items: list[NewItem], status: str = "ok",
                       warning: tuple[str | None, dict] = (None, {}), name: str = "",
                       site_url: str = "") -> SourceOutcome:
        return await self._in(self.writer, self._store_success, source, fetched, items, status, warning, name,
                              site_url)

    def _store_success(self, source: Source, fetched: FetchResult, items: list[NewItem], status: str,
                       warning: tuple[str | None, dict], name: str, site_url: str) -> SourceOutcome:
        off_topic = 0
        if source.topic_filter and items:
            filtered = self.kb.filter_on_topic(source.id, items)
            items, off_topic = filtered.kept, len(filtered.left_out)
        result = self.kb.add_items(items) if items else None
        stories = result.stories_new if result else 0
        _count_fulltext_attempts(self.kb, items)
        now = utcnow()
        due = next_after_success(now, source.interval_minutes)
        self.kb.sources.record_health(source.id, status=status, checked=now, next_due=due, success=True,
                      etag=fetched.headers.get("etag"), last_modified=fetched.headers.get("last-modified"),
                      warning_code=warning[0], warning_params=warning[1], name=name or None,
                      site_url=site_url or None)
        outcome = SourceOutcome(source.id, name if source.name == source.url and name else source.name, status,
                                warning_code=warning[0], warning_params=warning[1], next_due=due)
        outcome.off_topic = off_topic
        if result:
            outcome.new_items = result.added
            outcome.known_items = result.duplicates + result.unchanged + result.updated
            outcome.stories_new = stories
        return outcome

    async def _fail(self, source: Source, code: str, params: dict, retry_after: float | None = None) -> SourceOutcome:
        now = utcnow()
        due = next_after_failure(now, source.interval_minutes, source.consecutive_failures + 1, retry_after)
        await self._in(self.writer, partial(self.kb.sources.record_health, source.id, status="failing",
                                            checked=now, next_due=due, error_code=code, error_params=params))
        return SourceOutcome(source.id, source.name, "failed", error_code=code, error_params=params, next_due=due)


def _newest(entries: list[Entry], limit: int) -> tuple[list[Entry], int]:
    """The newest `limit` entries (undated ones after the dated, in feed order), and how many are left over."""
    if len(entries) <= limit:
        return entries, 0
    ordered = sorted(entries, key=lambda e: e.published.timestamp() if e.published else float("-inf"),
                     reverse=True)  # (stable: equal dates keep the feed's order)
    return ordered[:limit], len(entries) - limit


def _fulltext_state(kb: KnowledgeBase, urls: list[str]) -> dict[str, tuple[str | None, int]]:
    """For stored canonical URLs: (fulltext_status, attempts)."""
    return kb.items.fulltext_state(urls)


def _count_fulltext_attempts(kb: KnowledgeBase, items: list[NewItem]) -> None:
    kb.items.count_fulltext_attempt(
        [item.canonical_url for item in items if item.fulltext_status == "failed" and item.canonical_url])

