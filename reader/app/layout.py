"""How a story is laid out as lines: blocks (a beat, or a paragraph in prose view).

Only heights are computed for the whole story (a fast wrap of every block, once per
width); the styled lines of a block are built when it comes into view.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Literal

from reader.app.text import visible, wrap
from reader.model.story import Beat, Story

Mode = Literal["beats", "prose"]
HEADING_LINES = 2
"""A scene's title and a blank line, above its first block."""
GUTTER = 2
"""The current-block bar and a space, left of the text."""
MEASURE = 78
"""The widest a line of text gets: long lines are hard to read."""


class Layout:
    """Blocks of a story in one mode, and their heights at one width."""

    def __init__(self, story: Story, mode: Mode) -> None:
        self.story = story
        self.mode = mode
        beats = story.beats
        if mode == "beats":
            self.firsts = list(range(len(beats)))
            self.block_of = self.firsts
        else:
            firsts: list[int] = []
            block_of: list[int] = []
            previous = None
            for index, beat in enumerate(beats):
                if beat.paragraph != previous or beat.scene != beats[firsts[-1]].scene:
                    firsts.append(index)
                    previous = beat.paragraph
                block_of.append(len(firsts) - 1)
            self.firsts = firsts
            self.block_of = block_of
        self.scene_starts = {scene.beats[0].number - 1 for scene in story.scenes if scene.beats}
        self.width = -1
        self.prefix: list[int] = [0]
        self._wraps: dict[int, list[tuple[int, int]]] = {}

    def __len__(self) -> int:
        return len(self.firsts)

    # -- geometry -------------------------------------------------------------------------

    def text_width(self, width: int) -> int:
        return max(4, min(width, MEASURE) - GUTTER - 1)

    def margin(self, width: int) -> int:
        return max(0, (width - min(width, MEASURE)) // 2)

    def measure(self, width: int) -> None:
        """Heights of every block at ``width`` cells (the widget's content width)."""
        if width == self.width:
            return
        self.width = width
        self._wraps.clear()
        size = self.text_width(width)
        text = self.story.text
        heights = []
        extra = self.extra
        span = self.span
        for block in range(len(self.firsts)):
            start, end = span(block)
            if end - start <= size and "\n" not in (chunk := text[start:end]) and chunk.isascii():
                lines = 1  # most beats are short: no need to wrap them
            else:
                lines = len(wrap(visible(text[start:end]), size))
            heights.append(extra(block) + lines + 1)
        self.prefix = [0, *accumulate(heights)]

    @property
    def height(self) -> int:
        return self.prefix[-1]

    def extra(self, block: int) -> int:
        """Lines above the text: a scene heading and, in beat view, a speaker label."""
        first = self.firsts[block]
        lines = HEADING_LINES if first in self.scene_starts else 0
        if self.mode == "beats" and self.story.beats[first].kind == "dialogue":
            lines += 1
        return lines

    def top(self, block: int) -> int:
        return self.prefix[block]

    def bottom(self, block: int) -> int:
        """The last line of the block's text (the blank separator excluded)."""
        return self.prefix[block + 1] - 2

    def beat_lines(self, index: int) -> tuple[int, int]:
        """First and last line of beat ``index`` (0-based): its label or heading included
        when it starts its block; in prose view, only the lines that hold its words."""
        block = self.block_of[index]
        top, bottom = self.top(block), self.bottom(block)
        if self.mode == "beats":
            return top, bottom
        beat = self.story.beats[index]
        start = self.span(block)[0]
        spans = self.lines(block)
        text_top = top + self.extra(block)
        first = _line_of(spans, beat.start - start)
        last = _line_of(spans, beat.end - 1 - start)
        return (top if index == self.firsts[block] else text_top + first), text_top + last

    def block_at(self, line: int) -> int:
        return max(0, min(len(self.firsts) - 1, bisect_right(self.prefix, line) - 1))

    # -- content --------------------------------------------------------------------------

    def beats(self, block: int) -> list[Beat]:
        beats = self.story.beats
        first = self.firsts[block]
        last = self.firsts[block + 1] if block + 1 < len(self.firsts) else len(beats)
        return beats[first:last]

    def span(self, block: int) -> tuple[int, int]:
        """Offsets of the block's text in the story."""
        beats = self.story.beats
        first = beats[self.firsts[block]]
        if self.mode == "beats":
            return first.start, first.end
        last_index = self.firsts[block + 1] - 1 if block + 1 < len(self.firsts) else -1
        return first.start, beats[last_index].end

    def lines(self, block: int) -> list[tuple[int, int]]:
        """Wrapped lines of the block's text, as offsets relative to its start."""
        spans = self._wraps.get(block)
        if spans is None:
            start, end = self.span(block)
            spans = wrap(visible(self.story.text[start:end]), self.text_width(self.width))
            if len(self._wraps) > 2000:
                self._wraps.clear()
            self._wraps[block] = spans
        return spans


def _line_of(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the wrapped line holding ``offset`` (or the line after the gap it is in)."""
    for number, (_start, end) in enumerate(spans):
        if offset < end:
            return number
    return len(spans) - 1
