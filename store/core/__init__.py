"""The foundation: the one clock, ISO weeks, dates as people say them, text and URL helpers, progress and
cancellation, the data classes and the store's errors. Nothing here touches a database.
"""
