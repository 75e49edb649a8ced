"""The week-based flows at awkward instants: just after midnight on Monday, just before it on Sunday,
ISO week 53, and the two nights the clocks change in the Netherlands. Each test builds its data for
the instant it runs at instead of assuming that "today" has some."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scanner.messages import describe_next_try
from store.core.models import NewItem
from store.core.relative_dates import relative_date
from store.core.timeutil import FixedClock, local_now, to_local, utcnow
from store.core.weeks import current_week, week_bounds, week_label
from store.digest.candidates import digest_candidates
from store.digest.digests import week_digest
from store.example_corpus import load_example_corpus
from store.knowledge_base import KnowledgeBase
from store.signals.score import rank_week
from store.signals.trends import trends
from tests.cli_helpers import run_cli

# (local time in Europe/Amsterdam, the ISO week it is in)
AWKWARD = {
    "monday-00:20": ("2026-11-30 00:20", (2026, 49)),  # 23:20 UTC on Sunday: still week 48 in UTC
    "sunday-23:50": ("2026-11-29 23:50", (2026, 48)),  # 22:50 UTC
    "week-53": ("2027-01-01 10:00", (2026, 53)),  # 1 January 2027 is in 2026-W53
    "clocks-forward": ("2027-03-28 03:30", (2027, 12)),  # 02:00 became 03:00 an hour and a half ago
    "clocks-back": ("2026-10-25 02:30", (2026, 43)),  # the first of the two 02:30s (summer time)
}
INSTANTS = [pytest.param(at, week, id=name, marks=pytest.mark.clock(at)) for name, (at, week) in AWKWARD.items()]


def add(kb: KnowledgeBase, key: str, when: datetime, title: str, text: str, theme: str | None = None) -> int:
    item_id = kb.add_items([NewItem(url=f"https://any.example/{key}", title=title, text=text, source="Bron",
                                    language="nl", published=when)]).added_ids[0]
    if theme:
        kb.tag(item_id, [theme])
    return item_id


@pytest.mark.parametrize(("at", "week"), INSTANTS)
def test_this_week_is_the_local_week(at: str, week: tuple[int, int], clock: FixedClock) -> None:
    assert to_local(utcnow()).strftime("%Y-%m-%d %H:%M") == at
    assert current_week() == week
    start, end = week_bounds(*week)
    assert start <= utcnow() < end
    assert start.hour == 0 and start.weekday() == 0 and end - start in (
        timedelta(days=7), timedelta(days=7, hours=1), timedelta(days=7, hours=-1))  # a DST week is an hour off


@pytest.mark.parametrize(("at", "week"), INSTANTS)
def test_example_corpus_and_inbox(at: str, week: tuple[int, int], kb: KnowledgeBase, capsys) -> None:
    report = load_example_corpus(kb)
    assert report.result.added > 100
    dates = [to_local(datetime.fromisoformat(r[0].replace("Z", "+00:00"))) for r in
             kb.database.query("SELECT published FROM items WHERE published IS NOT NULL")]
    now = local_now()
    assert max(dates) <= now  # nothing from the future...
    assert now - max(dates) < timedelta(days=1, hours=3)  # ...and the newest is from the last day
    # this week's inbox holds exactly the new items published since Monday 00:00 local time
    start, _ = week_bounds(*week)
    fresh = add(kb, "fresh", utcnow() - timedelta(minutes=5), "Nieuw uitzendbureau in Tilburg",
                "Een uitzendbureau voor arbeidsmigranten opent een vestiging in Tilburg.", "markt")
    ranked = rank_week(kb.database, kb.vectors, *week)
    assert fresh in [r.item.id for r in ranked]
    assert all(start <= r.item.published <= utcnow() for r in ranked if r.item.published)
    code, out, _ = run_cli(capsys, "inbox")
    assert code == 0 and out.startswith(f"Week {week_label(*week)}:")
    assert "Nieuw uitzendbureau in Tilburg" in out and relative_date(utcnow() - timedelta(minutes=5)) in out


@pytest.mark.parametrize(("at", "week"), INSTANTS)
def test_digest_of_this_week_offers_this_weeks_candidates(at: str, week: tuple[int, int], kb: KnowledgeBase) -> None:
    start, _ = week_bounds(*week)
    since_monday = (utcnow() - start) / 3
    this_week = [add(kb, f"now{n}", start + since_monday * n, f"Huisvesting arbeidsmigranten {n}",
                     f"Nieuwe huisvesting voor arbeidsmigranten in Brabant, bericht {n}.", "huisvesting")
                 for n in range(3)]
    last_week = add(kb, "before", start - timedelta(minutes=10), "Huisvesting arbeidsmigranten vorige week",
                    "Huisvesting voor arbeidsmigranten, vlak voor middernacht.", "huisvesting")
    digest = week_digest(kb.database, *current_week())
    assert digest is not None and (digest.year, digest.week) == week
    offered = {c.item_id for c in digest_candidates(kb.database, kb.vectors, digest.id, per_theme=10)}
    assert offered == set(this_week) and last_week not in offered


@pytest.mark.parametrize(("at", "week"), INSTANTS)
def test_trends_flag_a_spike_in_this_week(at: str, week: tuple[int, int], kb: KnowledgeBase) -> None:
    start, _ = week_bounds(*week)
    n = 0
    for weeks_ago in range(1, 11):  # a steady two a week before...
        for hour in (30, 60):
            n += 1
            add(kb, f"h{n}", start - timedelta(weeks=weeks_ago) + timedelta(hours=hour), f"Bericht {n}",
                f"Tekst over huisvesting {n}.", "huisvesting")
    elapsed = utcnow() - start
    for k in range(9):  # ...and nine since Monday 00:00, however little of the week has gone by
        n += 1
        add(kb, f"h{n}", start + elapsed * k / 10, f"Bericht {n}", f"Tekst over huisvesting {n}.", "huisvesting")
    housing = {s.key: s for s in trends(kb.database, weeks=6)}["huisvesting"]
    assert [w.week for w in housing.weeks][-1] == week_label(*week)
    assert [w.count for w in housing.weeks] == [2, 2, 2, 2, 2, 9]
    assert [w.week for w in housing.weeks if w.spike] == [week_label(*week)]


@pytest.mark.parametrize(("at", "week"), INSTANTS)
def test_back_off_and_next_attempt_in_local_time(at: str, week: tuple[int, int]) -> None:
    from scanner.health import next_after_failure

    now = utcnow()
    for failures, minutes in ((1, 30), (2, 60), (3, 120)):
        due = next_after_failure(now, 30, failures)
        assert due - now == timedelta(minutes=minutes)  # real elapsed time, whatever the wall clock does
        local = to_local(due)
        said = describe_next_try(due, "nl")
        if local.date() == to_local(now).date():
            assert said == f"Volgende poging om {local:%H:%M}."
        else:
            assert said == f"Volgende poging op {local:%d-%m} om {local:%H:%M}."


@pytest.mark.clock("2026-11-30 00:20")
def test_relative_dates_count_local_calendar_days() -> None:
    monday = local_now()
    assert relative_date(monday - timedelta(minutes=10)) == "vandaag 00:10"
    assert relative_date(monday - timedelta(minutes=30)) == "gisteren"  # Sunday 23:50, 40 minutes ago
    assert relative_date(monday - timedelta(minutes=30), "en") == "yesterday"
    assert relative_date(monday - timedelta(days=3)) == "3 dagen geleden"
    assert relative_date(monday + timedelta(hours=9)) == "vandaag 09:20"  # a next attempt later today
    assert relative_date(monday + timedelta(days=1), "en") == "tomorrow 00:20"
    assert relative_date(datetime(2026, 11, 2, 9, 0, tzinfo=UTC)) == "2 nov"
    assert relative_date(datetime(2025, 12, 24, 9, 0, tzinfo=UTC), "en") == "24 Dec 2025"


@pytest.mark.clock("2026-11-30 00:20", zone="Asia/Tokyo")
def test_the_users_zone_decides_the_day() -> None:
    assert current_week() == (2026, 49)
    # 2026-11-29 15:10 UTC is 00:10 on Monday in Tokyo, but Sunday afternoon in Amsterdam
    assert relative_date(datetime(2026, 11, 29, 15, 10, tzinfo=UTC)) == "vandaag 00:10"
    assert week_bounds(2026, 49)[0] == datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
