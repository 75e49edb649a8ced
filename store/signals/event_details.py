"""The details that tell two events on the same topic apart: the names and the numbers.

Two reports of one event share their actors (the staffing agency, the town, the court)
and their figures (the fine, the number of workers); two different events on the same
topic and in the same town usually differ in them. Names are compared by a short folded
prefix, so inflected forms meet: "Tilburg", "Tilburgse", Polish "w Tilburgu".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.core.text import fold

NAME_KEY_CHARS = 6
MIN_NUMBER = 10
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n+|[\"'“„«(]\s*)$")
_WORD = re.compile(r"[^\W\d_][\w&'-]*", re.UNICODE)
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[.,\s\u00a0]\d{3}(?!\d))+|\d+)(?:[.,](\d+))?"
    r"(\s*(?:miljoen|miljard|million|billion|mln|mld|tys\.?|duizend|thousand|k\b))?",
    re.IGNORECASE,
)
_MULTIPLIERS = {"miljoen": 1_000_000, "million": 1_000_000, "mln": 1_000_000, "miljard": 1_000_000_000,
                "billion": 1_000_000_000, "mld": 1_000_000_000, "tys": 1_000, "duizend": 1_000,
                "thousand": 1_000, "k": 1_000}
_MONTHS = re.compile(
    r"\s*(?:jan|feb|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec|sty|lut|kwi|maj|cze|lip|sie|wrz|paź|paz|lis|gru)",
    re.IGNORECASE,
)
# Capitalised words that are not names in our languages (weekdays, months, function words).
_NOT_NAMES = frozenset(fold(w) for w in (
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag monday tuesday wednesday thursday friday "
    "saturday sunday poniedziałek wtorek środa czwartek piątek sobota niedziela januari februari maart april "
    "mei juni juli augustus september oktober november december january february march june july august "
    "october styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień "
    "de het een en in op van the a an and of in on at for to w we z na do i o od".split()
    # languages and nationalities: every report on migrant workers names them, in its own language
    + "pools poolse polen polish poland pole poles polski polska polsku polskie polscy polaków roemeens roemeense "
      "roemenie romanian romania bulgaars bulgaarse bulgarije bulgarian bulgaria hongaars hongaarse hungarian "
      "hungary nederlands nederlandse nederland dutch netherlands holandia holandii holenderski holenderskie engels "
      "engelse english angielski oekraiens oekraiense ukrainian ukraine litouws lithuanian europese european eu".split()
))


@dataclass(frozen=True)
class EventDetails:
    """Folded name keys and whole-number figures found in one report."""

    names: frozenset[str]
    numbers: frozenset[int]


def name_key(word: str) -> str:
    """A folded prefix that inflected forms of one name share ("Breda", Polish "Bredy": "bred")."""
    folded = fold(word)
    if len(folded) <= 4:
        return folded
    return folded[: min(NAME_KEY_CHARS, len(folded) - 1)]


def _names(text: str) -> set[str]:
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word.islower():
            continue  # no capital anywhere: not a name (most words; this test is the fast way out)
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        rest = word[1:]
        inner_capital = not rest.islower() and any(c.isupper() for c in rest) and not word.isupper()
        acronym = word.isupper() and len(word) >= 2
        if not (word[0].isupper() or inner_capital):
            continue
        if not (inner_capital or acronym) and _SENTENCE_START.search(text[max(0, match.start() - 3): match.start()]):
            continue  # a capital at the start of a sentence says nothing
        if fold(word) in _NOT_NAMES or fold(word.split("-")[0]) in _NOT_NAMES or len(word) < 3:
            continue
        found.add(name_key(word))
    return found


def _numbers(text: str) -> set[int]:
    found: set[int] = set()
    for match in _NUMBER.finditer(text):
        whole, fraction, unit = match.group(1), match.group(2), match.group(3)
        value = float(re.sub(r"[.,\s\u00a0]", "", whole) + (f".{fraction}" if fraction and unit else ""))
        if unit:
            value *= _MULTIPLIERS[fold(unit).strip().rstrip(".")]
        number = int(round(value))
        if number < MIN_NUMBER or (1990 <= number <= 2040 and not unit):
            continue  # small counts and years are common to unrelated reports
        if number <= 31 and _MONTHS.match(text, match.end()):
            continue  # a day of the month
        found.add(number)
    return found


def event_details(title: str, text: str) -> EventDetails:
    """Names and figures of a report (title and text)."""
    body = f"{title}.\n{text}"
    return EventDetails(frozenset(_names(body)), frozenset(_numbers(body)))
