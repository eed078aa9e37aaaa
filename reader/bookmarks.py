"""``reader bookmarks``: list saved bookmarks (placeholder until persistence lands)."""

from __future__ import annotations

from reader.errors import ReaderError


def print_bookmarks(path: str | None) -> int:
    raise ReaderError("bookmarks are not available in this build")
