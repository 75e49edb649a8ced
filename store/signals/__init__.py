"""Signals: stories, the watchlist of actors, the signal score of the week, trends.
"""
