"""Embeddings: the embedders, the vectors kept in SQLite and the derived ChromaDB index.
"""
