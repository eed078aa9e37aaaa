"""Speaker colours: the same colour for a character every time, distinct across a cast.

A character's colour is derived from a stable hash of their name (never Python's salted
``hash``) into a curated palette. Each palette entry has a shade for dark themes and one
for light themes, both chosen to read well on that background. Characters claim colours
in order of importance (most lines first), so the main cast never share one; a crowd
larger than the palette reuses colours.
"""

from __future__ import annotations

import colorsys
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


def _hue(swatch: Swatch) -> float:
    red, green, blue = (int(swatch.dark[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(red, green, blue)[0] * 360


HUES = [_hue(swatch) for swatch in PALETTE]
SEPARATIONS = (60.0, 35.0, 0.0)
"""How far apart in hue (degrees) a new character's colour should be from the colours
already given, tried in turn: far apart while the palette allows, then merely unused."""


def _apart(slot: int, taken: list[int]) -> float:
    gaps = (abs(HUES[slot] - HUES[other]) % 360 for other in taken)
    return min((min(gap, 360 - gap) for gap in gaps), default=360.0)


def assign(cast: Iterable[tuple[str, int]]) -> dict[str, Swatch]:
    """Swatches for ``(name, lines)`` pairs: deterministic, distinct while they last.

    Each name prefers the slot its hash points at, then the following slots in turn;
    it takes the first free one whose hue is well apart from those already taken.
    """
    ordered = sorted(cast, key=lambda item: (-item[1], item[0]))
    taken: list[int] = []
    swatches: dict[str, Swatch] = {}
    count = len(PALETTE)
    for name, _lines in ordered:
        preferred = _slot(name)
        probes = [(preferred + step) % count for step in range(count)]
        slot = preferred
        if len(taken) < count:
            free = [probe for probe in probes if probe not in taken]
            for separation in SEPARATIONS:
                fitting = [probe for probe in free if _apart(probe, taken) >= separation]
                if fitting:
                    slot = fitting[0]
                    break
            taken.append(slot)
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
