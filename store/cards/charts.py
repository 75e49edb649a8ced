"""The radar and the impact × likelihood matrix: one geometry model, drawn as SVG and PNG here (the PNG with
Pillow, for Word and PDF) and as clickable shapes by the desktop.

Radar: the themes as sectors, the time horizon as rings (0-2 years inside, 5-10 outside), impact as the
dot's size. Matrix: likelihood across, impact up. Coordinates are in pixels of a square canvas of `size`.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from html import escape

from store.cards.model import HORIZONS, Card

RING_OF = {key: n for n, key in enumerate(HORIZONS)}  # 0-2 -> 0, 2-5 -> 1, 5-10 -> 2
TYPE_COLOURS = {"weak_signal": "#00838f", "trend": "#3949ab", "wild_card": "#c62828", "driver": "#6d4c41",
                None: "#757575"}


@dataclass(frozen=True)
class Dot:
    card_id: int
    x: float
    y: float
    r: float
    colour: str
    label: str  # the card's number, drawn in the dot


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = "#b0bec5"


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    colour: str = "#b0bec5"


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    size: float = 12
    colour: str = "#37474f"
    anchor: str = "middle"  # start | middle | end


@dataclass
class Chart:
    size: int
    title: str
    dots: list[Dot] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    circles: list[Circle] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    left_out: list[int] = field(default_factory=list)  # cards that lack what this chart places them by
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, words): the card types

    def add_legend(self, words: dict[str, str]) -> None:
        """The card types' colours along the bottom; `words` maps a type key to its label."""
        self.legend = [(TYPE_COLOURS[key], text) for key, text in words.items() if key in TYPE_COLOURS]
        step = self.size / max(1, len(self.legend))
        for n, (colour, text) in enumerate(self.legend):
            x = step * (n + 0.5)
            self.dots.append(Dot(0, x - 8 - len(text) * 3, self.size - 12, 6, colour, ""))
            self.texts.append(Text(x - len(text) * 3, self.size - 8, text, 11, anchor="start"))

    def dot_at(self, x: float, y: float) -> int | None:
        """The card whose dot covers (x, y), the topmost first."""
        for dot in reversed(self.dots):
            if dot.card_id and (dot.x - x) ** 2 + (dot.y - y) ** 2 <= dot.r ** 2:
                return dot.card_id
        return None


def _dot_radius(impact: int | None, unit: float) -> float:
    return unit * (0.010 + 0.005 * (impact or 1))


def radar(cards: list[Card], themes: list[tuple[str, str]], title: str, ring_words: tuple[str, ...],
          size: int = 640) -> Chart:
    """Themes (key, label) as sectors, horizons as rings; a card sits in the sector of its first theme."""
    chart = Chart(size, title)
    centre, outer = size / 2, size * 0.40
    rings = len(HORIZONS)
    for n in range(1, rings + 1):
        chart.circles.append(Circle(centre, centre, outer * n / rings))
    for n, word in enumerate(ring_words):
        chart.texts.append(Text(centre + 4, centre - outer * (n + 1) / rings + 14, word, 10, "#78909c", "start"))
    sectors = max(1, len(themes))
    index = {key: n for n, (key, _) in enumerate(themes)}
    for n, (_, label) in enumerate(themes):
        angle = 2 * math.pi * n / sectors - math.pi / 2
        chart.lines.append(Line(centre, centre, centre + outer * math.cos(angle), centre + outer * math.sin(angle)))
        middle = angle + math.pi / sectors
        chart.texts.append(Text(centre + (outer + 26) * math.cos(middle), centre + (outer + 26) * math.sin(middle) + 4,
                                label, 11))
    cells: dict[tuple[int, int], list[Card]] = {}
    for card in cards:
        theme = next((t for t in card.themes if t in index), None)
        if theme is None or card.horizon not in RING_OF:
            chart.left_out.append(card.id)
            continue
        cells.setdefault((index[theme], RING_OF[card.horizon]), []).append(card)
    for (sector, ring), members in cells.items():  # spread evenly across the cell, alternating in depth
        for slot, card in enumerate(members):
            angle = 2 * math.pi * (sector + (slot + 0.5) / len(members)) / sectors - math.pi / 2
            depth = 0.5 if len(members) < 3 else (0.32 if slot % 2 else 0.68)
            radius = outer * (ring + depth) / rings
            chart.dots.append(Dot(card.id, centre + radius * math.cos(angle), centre + radius * math.sin(angle),
                                  _dot_radius(card.impact, size), TYPE_COLOURS.get(card.card_type, "#757575"),
                                  str(card.id)))
    return chart


def matrix(cards: list[Card], title: str, x_word: str, y_word: str, size: int = 640) -> Chart:
    """Likelihood (1-5) across, impact (1-5) up; cards in the same cell side by side."""
    chart = Chart(size, title)
    left, top, span = size * 0.12, size * 0.08, size * 0.80
    cell = span / 5
    for n in range(6):
        chart.lines.append(Line(left, top + n * cell, left + span, top + n * cell))
        chart.lines.append(Line(left + n * cell, top, left + n * cell, top + span))
    for n in range(5):
        chart.texts.append(Text(left + (n + 0.5) * cell, top + span + 16, str(n + 1), 11))
        chart.texts.append(Text(left - 10, top + span - (n + 0.5) * cell + 4, str(n + 1), 11, anchor="end"))
    chart.texts.append(Text(left + span / 2, top + span + 36, x_word, 12))
    chart.texts.append(Text(left - 34, top - 14, y_word, 12, anchor="start"))
    per_cell: dict[tuple[int, int], int] = {}
    for card in cards:
        if not card.impact or not card.likelihood:
            chart.left_out.append(card.id)
            continue
        key = (card.likelihood, card.impact)
        slot = per_cell.get(key, 0)
        per_cell[key] = slot + 1
        dx, dy = ((slot % 3) - 1) * cell * 0.3, ((slot // 3) % 3 - 1) * cell * 0.3
        chart.dots.append(Dot(card.id, left + (card.likelihood - 0.5) * cell + dx,
                              top + span - (card.impact - 0.5) * cell + dy, _dot_radius(card.impact, size),
                              TYPE_COLOURS.get(card.card_type, "#757575"), str(card.id)))
    return chart


def to_svg(chart: Chart) -> str:
    """The chart as a standalone SVG document."""
    size = chart.size
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size + 30}" '
             f'viewBox="0 0 {size} {size + 30}" font-family="Source Sans Pro, Arial, sans-serif">',
             f'<rect width="{size}" height="{size + 30}" fill="#ffffff"/>',
             f'<text x="{size / 2:.1f}" y="22" font-size="16" font-weight="bold" text-anchor="middle" '
             f'fill="#1a3b5d">{escape(chart.title)}</text>', '<g transform="translate(0,30)">']
    parts += [f'<circle cx="{c.x:.1f}" cy="{c.y:.1f}" r="{c.r:.1f}" fill="none" stroke="{c.colour}"/>'
              for c in chart.circles]
    parts += [f'<line x1="{ln.x1:.1f}" y1="{ln.y1:.1f}" x2="{ln.x2:.1f}" y2="{ln.y2:.1f}" stroke="{ln.colour}"/>'
              for ln in chart.lines]
    parts += [f'<text x="{t.x:.1f}" y="{t.y:.1f}" font-size="{t.size}" fill="{t.colour}" '
              f'text-anchor="{t.anchor}">{escape(t.text)}</text>' for t in chart.texts]
    for d in chart.dots:
        parts.append(f'<g id="card-{d.card_id}"><circle cx="{d.x:.1f}" cy="{d.y:.1f}" r="{d.r:.1f}" '
                     f'fill="{d.colour}" fill-opacity="0.85" stroke="#ffffff"/>'
                     f'<text x="{d.x:.1f}" y="{d.y + 4:.1f}" font-size="11" fill="#ffffff" '
                     f'text-anchor="middle">{escape(d.label)}</text></g>')
    parts.append("</g></svg>")
    return "\n".join(parts)


def _font(size: float):
    from PIL import ImageFont

    try:
        from font_source_sans_pro import font_files_ttf as files

        return ImageFont.truetype(files["SourceSansPro"], int(size))
    except (ImportError, KeyError, OSError):
        return ImageFont.load_default(int(size))


def to_png(chart: Chart, scale: float = 2.0) -> bytes:
    """The chart as a PNG (drawn at `scale` for sharp print)."""
    from PIL import Image, ImageDraw

    s = scale
    width, height = int(chart.size * s), int((chart.size + 30) * s)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((width / 2, 14 * s), chart.title, fill="#1a3b5d", font=_font(16 * s), anchor="mm")
    dy = 30 * s
    for c in chart.circles:
        draw.ellipse([(c.x - c.r) * s, (c.y - c.r) * s + dy, (c.x + c.r) * s, (c.y + c.r) * s + dy],
                     outline=c.colour, width=int(s))
    for ln in chart.lines:
        draw.line([ln.x1 * s, ln.y1 * s + dy, ln.x2 * s, ln.y2 * s + dy], fill=ln.colour, width=int(s))
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for t in chart.texts:
        draw.text((t.x * s, t.y * s + dy), t.text, fill=t.colour, font=_font(t.size * s), anchor=anchors[t.anchor])
    for d in chart.dots:
        draw.ellipse([(d.x - d.r) * s, (d.y - d.r) * s + dy, (d.x + d.r) * s, (d.y + d.r) * s + dy], fill=d.colour,
                     outline="white", width=int(s))
        draw.text((d.x * s, d.y * s + dy), d.label, fill="white", font=_font(11 * s), anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
