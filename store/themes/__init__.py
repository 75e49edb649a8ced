"""Themes: the taxonomy, the themes on items and why, rules, and learned suggestions.
"""
