"""Speaker colours: the same colour for a character every time, distinct across a cast.

A character's colour is derived from a stable hash of their name (never Python's salted
``hash``) into a curated palette. Each palette entry has a shade for dark themes and one
for light themes, both chosen to read well on that background. Characters claim colours
in order of importance (most lines first), so the main cast never share one; a crowd
larger than the palette reuses colours.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style


@dataclass(frozen=True, slots=True)
class Swatch:
    name: str
    dark: str
    """Shade for a dark background."""
    light: str
    """Shade for a light background."""

    def colour(self, dark: bool) -> str:
        return self.dark if dark else self.light


PALETTE: tuple[Swatch, ...] = (
    Swatch("amber", "#f0c05a", "#8a5a00"),
    Swatch("sky", "#6cb6ff", "#0a5bb5"),
    Swatch("green", "#8fd16a", "#2f7a1f"),
    Swatch("coral", "#ff8a80", "#b3261e"),
    Swatch("violet", "#c792ea", "#7b3fb0"),
    Swatch("cyan", "#5fd7d7", "#007c80"),
    Swatch("orange", "#ffab5e", "#a64b00"),
    Swatch("pink", "#ff8ccf", "#b0206f"),
    Swatch("lime", "#d4e157", "#5f6b00"),
    Swatch("teal", "#4dd0a8", "#00695c"),
    Swatch("lavender", "#a5b4fc", "#4338ca"),
    Swatch("rose", "#f9a8d4", "#9d174d"),
)


def _slot(name: str) -> int:
    digest = hashlib.sha1(name.strip().lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % len(PALETTE)


def assign(cast: Iterable[tuple[str, int]]) -> dict[str, Swatch]:
    """Swatches for ``(name, lines)`` pairs: deterministic, distinct while they last."""
    ordered = sorted(cast, key=lambda item: (-item[1], item[0]))
    taken: set[int] = set()
    swatches: dict[str, Swatch] = {}
    for name, _lines in ordered:
        slot = _slot(name)
        if len(taken) < len(PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(PALETTE)
            taken.add(slot)
        swatches[name] = PALETTE[slot]
    return swatches


class SpeakerColours:
    """Rich styles for a story's speakers in the current theme."""

    def __init__(self, cast: Iterable[tuple[str, int]]) -> None:
        self.swatches = assign(cast)
        self._styles: dict[tuple[str, bool], Style] = {}

    def swatch(self, name: str | None) -> Swatch | None:
        return self.swatches.get(name) if name else None

    def style(self, name: str | None, dark: bool) -> Style | None:
        """The speaker's colour, or None for an unknown speaker (shown neutrally)."""
        swatch = self.swatch(name)
        if swatch is None:
            return None
        key = (swatch.name, dark)
        if key not in self._styles:
            self._styles[key] = Style(color=swatch.colour(dark))
        return self._styles[key]
