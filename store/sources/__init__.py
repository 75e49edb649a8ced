"""Sources: the feeds, searches and pages to scan, with their health.
"""
