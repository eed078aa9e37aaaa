"""Story text made safe to show, and wrapped into lines by offsets.

Story text is shown literally: control characters become visible placeholders, and the
replacement keeps every character in place (one for one), so offsets into the story
still index the shown text.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_CONTROL = {code: 0x2400 + code for code in range(0x20)}
_CONTROL[0x7F] = 0x2421  # ␡
_CONTROL.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_CONTROL[0x0A] = 0x20  # a newline inside a paragraph reflows as a space
_CONTROL[0x09] = 0x20  # a tab is a space
_CONTROL[0x0D] = 0x20
_CONTROL[0x2028] = 0x20
_CONTROL[0x2029] = 0x20
_CONTROL[0x200B] = 0x20

WORD = re.compile(r"\S+")
NOT_NARROW = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a"
    "\u1100-\u115f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f000-\U0001faff\U00020000-\U0003fffd\ud800-\udfff]"
)
"""Characters that are not one cell wide (wide, combining, zero-width): the slow path."""
_LINES: dict[int, re.Pattern[str]] = {}


def _line_pattern(width: int) -> re.Pattern[str]:
    pattern = _LINES.get(width)
    if pattern is None:
        pattern = re.compile(rf"\S.{{0,{width - 1}}}(?=\s|$)|\S{{1,{width}}}", re.DOTALL)
        _LINES[width] = pattern
    return pattern


def visible(text: str) -> str:
    """``text`` with control characters as visible placeholders, same length."""
    return text.translate(_CONTROL)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` into ``(start, end)`` spans at most ``width`` cells.

    Breaks at white space; a word wider than the line is cut. Spans never include the
    white space between lines. An empty or blank text is one empty line.
    """
    width = max(1, width)
    if not NOT_NARROW.search(text):
        return wrap_narrow(text, width)
    return wrap_cells(text, width)


def wrap_narrow(text: str, width: int) -> list[tuple[int, int]]:
    """``wrap`` for text whose every character is one cell: a regex wraps it in C."""
    lines = []
    for match in _line_pattern(width).finditer(text):
        start, end = match.span()
        while end > start and text[end - 1].isspace():
            end -= 1
        lines.append((start, end))
    return lines or [(0, 0)]


def wrap_cells(text: str, width: int) -> list[tuple[int, int]]:
    """``wrap`` measuring every word in cells (wide and combining characters)."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    start = -1
    end = 0
    used = 0
    ascii_only = text.isascii()
    for match in WORD.finditer(text):
        word_start, word_end = match.span()
        size = word_end - word_start if ascii_only else cell_len(match.group())
        if start >= 0:
            gap = word_start - end
            if used + gap + size <= width:
                used += gap + size
                end = word_end
                continue
            lines.append((start, end))
        if size <= width:
            start, end, used = word_start, word_end, size
            continue
        # A word wider than the line: cut it into pieces that fit.
        piece = word_start
        while piece < word_end:
            cut = piece + 1
            cells = _cells(text[piece])
            while cut < word_end and cells + _cells(text[cut]) <= width:
                cells += _cells(text[cut])
                cut += 1
            if cut < word_end:
                lines.append((piece, cut))
            else:
                start, end, used = piece, cut, cells
            piece = cut
    if start >= 0:
        lines.append((start, end))
    return lines or [(0, 0)]


def _cells(char: str) -> int:
    return 1 if char.isascii() else cell_len(char)
