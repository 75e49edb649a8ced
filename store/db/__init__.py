"""The database itself: the connection and its single write path, schema and migrations, meta facts, the data
folder, its settings file and log.
"""
