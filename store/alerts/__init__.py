"""Alerts: what calls for attention instead of a tag, at most a set number a day."""
