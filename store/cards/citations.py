"""Evidence as citations: RIS and CSL-JSON (what Zotero and other reference managers import), one record per
item, with its URL, outlet, publication date and the date it was seen (accessed)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from store.cards.model import Evidence
from store.core.timeutil import to_local


def _date_parts(value: datetime | None) -> list[list[int]] | None:
    if value is None:
        return None
    local = to_local(value)
    return [[local.year, local.month, local.day]]


def csl_json(evidence: Iterable[Evidence], note: str = "") -> str:
    """CSL-JSON: a list of `article-newspaper` records."""
    records = []
    for e in evidence:
        record: dict = {"id": f"horizonscan-{e.item_id}", "type": "article-newspaper", "title": e.title,
                        "URL": e.url}
        if e.outlet:
            record["container-title"] = e.outlet
        if issued := _date_parts(e.published):
            record["issued"] = {"date-parts": issued}
        if accessed := _date_parts(e.seen):
            record["accessed"] = {"date-parts": accessed}
        if note:
            record["note"] = note
        records.append(record)
    return json.dumps(records, ensure_ascii=False, indent=2)


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def ris(evidence: Iterable[Evidence], note: str = "") -> str:
    """RIS: one `NEWS` record per item (TY first, ER last), CRLF line ends as the format asks."""
    lines: list[str] = []
    for e in evidence:
        lines.append(_ris_line("TY", "NEWS"))
        lines.append(_ris_line("TI", e.title))
        if e.outlet:
            lines.append(_ris_line("T2", e.outlet))
        if e.published:
            local = to_local(e.published)
            lines.append(_ris_line("PY", str(local.year)))
            lines.append(_ris_line("DA", local.strftime("%Y/%m/%d")))
        lines.append(_ris_line("UR", e.url))
        if e.seen:
            lines.append(_ris_line("Y2", to_local(e.seen).strftime("%Y/%m/%d")))  # access date
        if note:
            lines.append(_ris_line("N1", note))
        lines.append(_ris_line("ID", f"horizonscan-{e.item_id}"))
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)
