"""CBS period codes ("2026KW03", "2026MM07", "2026JJ00", "2026HJ01") as dates and Dutch and English words."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODE = re.compile(r"^(\d{4})(KW|MM|JJ|HJ)(\d{2})$")
_KIND = {"KW": "quarter", "MM": "month", "JJ": "year", "HJ": "half"}
_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
PREVIOUS = {  # "compared with the previous ..." per period kind
    "quarter": ("t.o.v. vorig kwartaal", "on the previous quarter"),
    "month": ("t.o.v. vorige maand", "on the previous month"),
    "year": ("t.o.v. vorig jaar", "on the previous year"),
    "half": ("t.o.v. vorig halfjaar", "on the previous half year"),
}


@dataclass(frozen=True)
class Period:
    code: str  # as CBS writes it, e.g. "2026KW03"
    kind: str  # quarter | month | year | half
    year: int
    number: int  # the quarter, month or half (0 for a year)

    @property
    def start(self) -> str:
        """The first day, "YYYY-MM-DD"."""
        month = {"quarter": 3 * (self.number - 1) + 1, "month": self.number, "year": 1,
                 "half": 1 if self.number == 1 else 7}[self.kind]
        return f"{self.year:04d}-{month:02d}-01"

    def label(self, language: str = "nl") -> str:
        """E.g. "2026 3e kwartaal" / "2026 Q3", "juli 2026" / "July 2026"."""
        nl = language == "nl"
        if self.kind == "quarter":
            return f"{self.year} {self.number}e kwartaal" if nl else f"{self.year} Q{self.number}"
        if self.kind == "month":
            return f"{(_MONTHS_NL if nl else _MONTHS_EN)[self.number - 1]} {self.year}"
        if self.kind == "half":
            return f"{self.year} {self.number}e halfjaar" if nl else f"{self.year} H{self.number}"
        return str(self.year)


def parse_period(code: str) -> Period | None:
    """A CBS period code, or None for codes that are not one period (e.g. "2026X000", a multi-year mean)."""
    match = _CODE.match(code.strip())
    if not match:
        return None
    year, kind, number = int(match[1]), _KIND[match[2]], int(match[3])
    valid = {"quarter": 1 <= number <= 4, "month": 1 <= number <= 12, "year": number == 0, "half": number in (1, 2)}
    return Period(code.strip(), kind, year, number) if valid[kind] else None
