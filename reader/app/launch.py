"""Entry points from the CLI into the app (placeholder until the app lands)."""

from __future__ import annotations

from reader.errors import ReaderError


def launch(
    path: str | None, scene: str | None, bookmark: str | None, search: str | None, resume: bool
) -> int:
    raise ReaderError("the reading screen is not available in this build; use 'reader export'")
