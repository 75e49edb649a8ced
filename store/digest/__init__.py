"""The weekly digest: digests and their items, candidates, the document model and its exports.
"""
