"""An indicator's settings, its stored series, and the signal a new period raises when it moves.

A new period that moves more than the indicator's threshold on the one before becomes an item of its own
source ("CBS: werknemers uit MOE-landen in Noord-Brabant +8,1 % t.o.v. vorig kwartaal"), so it appears in
"Nieuw" with its reason and can be tagged, starred and put in a digest like any news. A revised period
(CBS turns "Voorlopig" into "Definitief") updates the series without a second signal.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from store.core.models import NewItem
from store.core.numbers import decimal
from store.core.timeutil import now_iso, utcnow
from store.db.connection import Database
from store.indicators.periods import PREVIOUS, parse_period

CBS_ODATA = "https://opendata.cbs.nl/ODataApi/odata"  # the default base URL (setting cbs_odata_base)
DEFAULT_THRESHOLD = 0.05  # a new period moving 5 % or more on the one before is a signal
STATLINE_PAGE = "https://opendata.cbs.nl/#/CBS/nl/dataset/{table}/table"


@dataclass(frozen=True)
class IndicatorSettings:
    """What to follow: one measure of one table, with one value per dimension fixed by the filter."""

    table: str  # e.g. "85000NED"
    measure: str  # a Topic key, e.g. "Werknemers_1"
    label: str  # in words, e.g. "werknemers uit MOE-landen in Noord-Brabant"
    filters: dict[str, str] = field(default_factory=dict)  # dimension key -> category key
    threshold: float = DEFAULT_THRESHOLD
    base_url: str = CBS_ODATA
    # learnt from the table (filled by the scanner)
    unit: str = ""
    title: str = ""
    frequency: str = ""

    @property
    def table_url(self) -> str:
        return f"{self.base_url.rstrip('/')}/{self.table}"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> IndicatorSettings:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass(frozen=True)
class Point:
    period: str
    period_start: str
    label: str
    value: float | None
    status: str = ""  # CBS: Definitief | Voorlopig | Nader voorlopig


@dataclass(frozen=True)
class Movement:
    period: Point
    previous: Point
    change: float  # (new - previous) / previous


def load_series(database: Database, source_id: int) -> list[Point]:
    """The stored series, oldest period first."""
    rows = database.query("SELECT period, period_start, period_label, value, status FROM indicator_points"
                          " WHERE source_id = ? ORDER BY period_start, period", (source_id,))
    return [Point(r[0], r[1], r[2] or r[0], r[3], r[4] or "") for r in rows]


def save_series(database: Database, source_id: int, points: list[Point],
                threshold: float = DEFAULT_THRESHOLD) -> list[Movement]:
    """Store the fetched periods (new ones added, revised ones updated); returns the movements of the new
    periods beyond the threshold. The first fetch of a series raises none: it is history, not news."""
    known = {p.period: p for p in load_series(database, source_id)}
    now = now_iso()
    with database.write("indicators") as conn:
        conn.executemany(
            "INSERT INTO indicator_points (source_id, period, period_start, period_label, value, status, first_seen,"
            " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_id, period) DO UPDATE SET"
            " value = excluded.value, status = excluded.status, period_label = excluded.period_label,"
            " updated = excluded.updated",
            [(source_id, p.period, p.period_start, p.label, p.value, p.status, now, now) for p in points])
    if not known:
        return []
    series = load_series(database, source_id)
    movements = []
    for before, after in zip(series, series[1:], strict=False):
        if after.period in known or after.value is None or not before.value:
            continue
        change = (after.value - before.value) / abs(before.value)
        if abs(change) >= threshold:
            movements.append(Movement(after, before, change))
    return movements


def signal_title(settings: IndicatorSettings, movement: Movement, language: str = "nl") -> str:
    """E.g. "CBS: werknemers uit MOE-landen in Noord-Brabant +8,1 % t.o.v. vorig kwartaal"."""
    period = parse_period(movement.period.period)
    compared = PREVIOUS[period.kind if period else "quarter"][0 if language == "nl" else 1]
    sign = "+" if movement.change >= 0 else "−"
    return f"CBS: {settings.label} {sign}{decimal(abs(movement.change) * 100, language, 1)} % {compared}"


def _value(value: float | None, unit: str, language: str) -> str:
    if value is None:
        return "?"
    return f"{decimal(value, language, 1)}{' (' + unit.strip() + ')' if unit.strip() else ''}"


def signal_item(source_id: int, settings: IndicatorSettings, movement: Movement) -> NewItem:
    """The movement as an item of the indicator's source: its reason in the title, the figures in the text."""
    new, old = movement.period, movement.previous
    status = f" ({new.status.strip().lower()})" if new.status.strip() else ""
    text = (f"{settings.label[:1].upper()}{settings.label[1:]}: {_value(new.value, settings.unit, 'nl')} in "
            f"{new.label}{status}, tegen {_value(old.value, settings.unit, 'nl')} in {old.label}. "
            f"Bron: CBS StatLine, tabel {settings.table}"
            + (f" ({settings.title})" if settings.title else "") + ".")
    return NewItem(url=f"{STATLINE_PAGE.format(table=settings.table)}?periode={new.period}",
                   title=signal_title(settings, movement), text=text, summary=text, published=utcnow(),
                   source_id=source_id, language="nl", guid=f"indicator:{source_id}:{new.period}",
                   outlet="CBS")
