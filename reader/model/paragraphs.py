"""Split a body into paragraphs, whatever the layout.

Three layouts are common in downloaded fiction and one file may mix them:
blank-line separated blocks (hard-wrapped archive texts), one paragraph per line
(most fan fiction exports) and indented first lines with no blank lines between.
"""

from __future__ import annotations

import re

from reader.model.story import Paragraph

INDENT = re.compile(r"[ \t\u3000]{2,}|\t")
LONG_LINE = 100
"""Lines longer than this were not hard-wrapped, so each one is a paragraph."""


def split_paragraphs(text: str, start: int, end: int) -> list[Paragraph]:
    """Paragraphs of ``text[start:end]`` as stripped spans, in order."""
    lines = _lines(text, start, end)
    nonblank = [(s, e) for s, e in lines if not text[s:e].isspace() and s != e]
    if not nonblank:
        return []
    blank_count = len(lines) - len(nonblank)
    wrapped = _is_wrapped(text, nonblank)
    paragraphs: list[Paragraph] = []
    if blank_count >= max(1, len(nonblank) // 40):
        for block in _blocks(text, lines):
            _split_block(text, block, wrapped, paragraphs)
    else:
        indented = wrapped and _mixed_indent(text, nonblank)
        if indented:
            _split_block(text, nonblank, True, paragraphs)
        else:
            for s, e in nonblank:
                _add(text, s, e, paragraphs)
    return paragraphs


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Line spans split on ``\\n`` only (``str.splitlines`` also splits on \\x1c and kin)."""
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            spans.append((pos, end))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for s, e in lines:
        if s == e or text[s:e].isspace():
            if current:
                blocks.append(current)
                current = []
        else:
            current.append((s, e))
    if current:
        blocks.append(current)
    return blocks


def _is_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Hard-wrapped text: almost no line is longer than a terminal-width wrap."""
    sample = lines[:: max(1, len(lines) // 2000)]
    long = sum(1 for s, e in sample if e - s > LONG_LINE)
    return long <= len(sample) * 0.02


def _mixed_indent(text: str, lines: list[tuple[int, int]]) -> bool:
    indented = sum(1 for s, e in lines if INDENT.match(text, s, e))
    return 0 < indented < len(lines) * 0.8 and indented >= 2


def _split_block(
    text: str, block: list[tuple[int, int]], wrapped: bool, out: list[Paragraph]
) -> None:
    if len(block) == 1:
        _add(text, block[0][0], block[0][1], out)
        return
    if not wrapped or any(e - s > LONG_LINE for s, e in block):
        for s, e in block:
            _add(text, s, e, out)
        return
    if _mixed_indent(text, block) and not INDENT.match(text, block[1][0], block[1][1]):
        para_start = block[0][0]
        prev_end = block[0][1]
        for s, e in block[1:]:
            if INDENT.match(text, s, e):
                _add(text, para_start, prev_end, out)
                para_start = s
            prev_end = e
        _add(text, para_start, prev_end, out)
        return
    _add(text, block[0][0], block[-1][1], out)


def _add(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Paragraph(start, end))
