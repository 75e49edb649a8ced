"""CLI commands for indicators: a CBS StatLine measure followed beside the news."""

from __future__ import annotations

import argparse

from cli.errors import UsageError
from cli.output import print_json
from cli.parser import subcommands
from cli.store_commands import open_kb
from store import CBS_ODATA, DEFAULT_THRESHOLD, IndicatorSeries, IndicatorSettings
from store.core.numbers import decimal


def _filters(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value:
            raise UsageError(f"--filter takes DIMENSION=KEY, e.g. RegioS=PV30; got '{pair}'.")
        out[key.strip()] = value
    return out


def series_to_json(series: IndicatorSeries) -> dict:
    return {"id": series.source.id, "name": series.source.name, "table": series.settings.table,
            "measure": series.settings.measure, "filters": series.settings.filters, "label": series.settings.label,
            "unit": series.settings.unit, "threshold": series.settings.threshold,
            "status": series.source.last_status, "latest_change": series.latest_change,
            "points": [{"period": p.period, "label": p.label, "start": p.period_start, "value": p.value,
                        "status": p.status} for p in series.points]}


def cmd_indicators_add(args: argparse.Namespace) -> int:
    with open_kb(args) as kb:
        base = args.base_url or str(kb.settings.get("cbs_odata_base") or CBS_ODATA)
        settings = IndicatorSettings(args.table.strip(), args.measure.strip(), args.label.strip(),
                                     _filters(args.filter or []), args.threshold / 100, base)
        source = kb.indicators.add(settings, name=args.name or "", theme_hints=tuple(args.theme or ()))
    print(f"Added indicator #{source.id} {source.name}: table {settings.table}, measure {settings.measure}. "
          "'horizonscan scan' reads its series; a new period moving "
          f"{decimal(args.threshold, 'en', 1)} % or more becomes a signal in 'Nieuw'.")
    return 0


def cmd_indicators_list(args: argparse.Namespace) -> int:
    with open_kb(args, read_only=True) as kb:
        all_series = kb.indicators.all_series()
    if args.json:
        print_json([series_to_json(s) for s in all_series])
        return 0
    if not all_series:
        print("No indicators yet. Add one with 'horizonscan indicators add TABLE --measure KEY --label WORDS'.")
        return 0
    for s in all_series:
        last = s.points[-1] if s.points else None
        change = s.latest_change
        moved = f" ({'+' if change >= 0 else ''}{decimal(change * 100, 'en', 1)} %)" if change is not None else ""
        value = f"{decimal(last.value, 'en', 1)} in {last.label}{moved}" if last and last.value is not None \
            else "no figures yet"
        print(f"#{s.source.id} {s.source.name}: {value}  [{s.settings.table} {s.settings.measure}]")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    indicators = sub.add_parser("indicators", help="statistics series (CBS StatLine) beside the news")
    isub = subcommands(indicators, "indicators_command")
    p = isub.add_parser("add", help="follow one measure of a CBS StatLine table",
                        epilog="example: horizonscan indicators add 85000NED --measure Werknemers_1 "
                               "--filter Nationaliteit=MOE01 --filter 'RegioS=PV30  ' "
                               "--label 'werknemers uit MOE-landen in Noord-Brabant'")
    p.add_argument("table", help="the table's identifier, e.g. 85000NED")
    p.add_argument("--measure", required=True, help="the measure's key (a Topic in the table's DataProperties)")
    p.add_argument("--label", required=True, help="what it counts, in words, for the signal's sentence")
    p.add_argument("--filter", action="append", metavar="DIMENSION=KEY",
                   help="one category per dimension (repeatable); CBS keys keep their spaces, e.g. 'RegioS=PV30  '")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD * 100,
                   help="percent change on the previous period that makes a signal (default 5)")
    p.add_argument("--base-url", help=f"the OData service (default: setting cbs_odata_base, else {CBS_ODATA})")
    p.add_argument("--name")
    p.add_argument("--theme", action="append", metavar="KEY", help="theme hint (repeatable)")
    p.set_defaults(handler=cmd_indicators_add)
    p = isub.add_parser("list", help="the indicators with their latest figure and change")
    p.add_argument("--json", action="store_true", help="every series in full")
    p.set_defaults(handler=cmd_indicators_list)
