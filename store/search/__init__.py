"""Finding items: hybrid search, the query language, filters, snippets, the sidebar's lists, saved searches.
"""
