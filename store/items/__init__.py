"""Items: ingesting, reading, the keyword index, language, tags, notes and states, JSON lines.
"""
