"""Horizon scanning: signal cards (a person's assessment of a signal, with its evidence), developments that
group them, the radar and matrix, citations, and the quarterly briefing."""
