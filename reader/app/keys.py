"""Every key of the reading screen, for the help screen and the guide."""

from __future__ import annotations

KEYS: tuple[tuple[str, str], ...] = (
    ("space, →, j, enter", "next beat (a tall one: its next page)"),
    ("←, k, backspace", "previous beat"),
    ("page down / page up", "next / previous screen"),
    ("] / [", "next / previous scene"),
    ("home / end", "start / end of the story"),
    ("↑ / ↓, mouse wheel", "scroll without moving"),
    ("click", "make a beat current"),
    ("g", "go to scene: type a keyword, pick one"),
    ("/", "search (speaker:NAME words)"),
    ("n / N", "next / previous search hit"),
    ("b", "bookmark this beat"),
    ("B", "list bookmarks (enter jumps, d deletes)"),
    ("v", "beat view / prose view"),
    ("c", "cast: characters and colours"),
    ("ctrl+p", "command palette (themes too)"),
    ("escape", "close a dialog; clear the search; library"),
    ("?", "this help"),
    ("q", "quit (the position is saved)"),
)
