"""Indicators: statistics series (a CBS StatLine table's measure) kept beside the news."""
