"""Errors the CLI reports as usage errors (exit code 2)."""

from __future__ import annotations


class UsageError(Exception):
    """Arguments that parse but make no sense."""
