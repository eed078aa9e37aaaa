"""The reading surface: a line-API scroll view that renders only the visible lines.

A novel has tens of thousands of beats, so there is one widget for the whole story. The
layout knows every block's height (for the scrollbar); the styled lines of a block are
built when the block is on screen and cached until it changes (current beat, search
hits, theme or width).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import ClassVar

from rich.color import Color, blend_rgb
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.colours import SpeakerColours
from reader.app.layout import GUTTER, Layout, Mode
from reader.app.text import visible
from reader.model.search import Hit
from reader.model.story import Story

UNKNOWN_LABEL = "Unknown speaker"


class StoryView(ScrollView, can_focus=True):
    """A story, beat by beat (or paragraph by paragraph), with a current beat."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "next_beat", "Next", key_display="␣"),
        Binding("right,j,enter", "next_beat", "Next", show=False),
        Binding("left,k,backspace", "previous_beat", "Back", show=False),
        Binding("pagedown", "next_page", "Next screen", show=False),
        Binding("pageup", "previous_page", "Previous screen", show=False),
        Binding("right_square_bracket", "next_scene", "Next scene", show=False),
        Binding("left_square_bracket", "previous_scene", "Previous scene", show=False),
        Binding("home", "first_beat", "Start", show=False),
        Binding("end", "last_beat", "End", show=False),
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "story-view--current",
        "story-view--bar",
        "story-view--future",
        "story-view--heading",
        "story-view--hit",
        "story-view--hit-current",
        "story-view--unknown",
    }

    DEFAULT_CSS = """
    StoryView {
        background: $surface;
        color: $foreground;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .story-view--current { background: $primary-muted; }
        & > .story-view--bar { color: $accent; }
        & > .story-view--future { }
        & > .story-view--heading { color: $accent; text-style: bold; }
        & > .story-view--hit { background: $warning-muted; }
        & > .story-view--hit-current { background: $warning; color: $background; }
        & > .story-view--unknown { text-style: italic; }
    }
    """

    class Moved(Message):
        """The current beat changed."""

        def __init__(self, view: StoryView, beat: int) -> None:
            super().__init__()
            self.view = view
            self.beat = beat
            """0-based index of the current beat."""

    def __init__(self, story: Story, start: int = 0, mode: Mode = "beats", **kwargs) -> None:
        super().__init__(**kwargs)
        self.story = story
        self.colours = SpeakerColours((c.name, c.lines) for c in story.characters)
        self._layouts: dict[str, Layout] = {}
        self.layout_ = self._layout_for(mode)
        self.current = max(0, min(start, len(story.beats) - 1))
        self.hits: list[Hit] = []
        self.hit_index = -1
        self._hit_starts: list[int] = []
        self._strips: dict[int, _BlockLines] = {}
        self._placed = False

    # -- public API -----------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return self.layout_.mode

    @property
    def total(self) -> int:
        return len(self.story.beats)

    def set_mode(self, mode: Mode) -> None:
        if mode == self.mode:
            return
        self.layout_ = self._layout_for(mode)
        self._strips.clear()
        self._measure()
        self._place("jump")
        self.refresh()

    def toggle_mode(self) -> None:
        self.set_mode("prose" if self.mode == "beats" else "beats")

    def go_to(self, beat: int, placement: str = "jump") -> None:
        """Make ``beat`` (0-based) current and bring it into view."""
        if not self.total:
            return
        beat = max(0, min(beat, self.total - 1))
        old = self.current
        self.current = beat
        self._forget(old)
        self._forget(beat)
        self._place(placement)
        self.refresh()
        if beat != old:
            self.post_message(self.Moved(self, beat))

    def set_hits(self, hits: list[Hit], index: int = -1) -> None:
        self.hits = hits
        self._hit_starts = [hit.start for hit in hits]
        self.hit_index = index
        self._strips.clear()
        self.refresh()

    def show_hit(self, index: int) -> None:
        if not self.hits:
            return
        self.hit_index = index % len(self.hits)
        self._strips.clear()
        self.go_to(self.hits[self.hit_index].beat - 1, "jump")
        self.refresh()

    def speakers_changed(self) -> None:
        """Speakers were attributed (after the first screen): recolour."""
        self.colours = SpeakerColours((c.name, c.lines) for c in self.story.characters)
        self._strips.clear()
        self.refresh()

    def scene_index(self, beat: int | None = None) -> int:
        if not self.total:
            return 0
        return self.story.beats[self.current if beat is None else beat].scene

    # -- actions --------------------------------------------------------------------------

    def action_next_beat(self) -> None:
        """Next beat; but first the rest of a beat taller than the screen, a page at a time."""
        top, bottom, view_top, height = self._current_extent()
        view_bottom = view_top + height - 1
        if height > 2 and top <= view_bottom < bottom:
            target = min(view_top + height - 1, bottom - height + 2)
            self.scroll_to(y=max(view_top + 1, target), animate=False, immediate=True)
            return
        self.go_to(self.current + 1, "follow")

    def action_previous_beat(self) -> None:
        """Previous beat; but first the start of a tall beat, a page at a time."""
        top, bottom, view_top, height = self._current_extent()
        if height > 2 and top < view_top and view_top <= bottom:
            target = max(top, view_top - height + 1)
            self.scroll_to(y=max(0, target), animate=False, immediate=True)
            return
        self.go_to(self.current - 1, "back")

    def _current_extent(self) -> tuple[int, int, int, int]:
        if not self.total or self.layout_.width < 0:
            return 0, 0, 0, 0
        top, bottom = self.layout_.beat_lines(self.current)
        return top, bottom, int(self.scroll_y), self.scrollable_content_region.height

    def action_first_beat(self) -> None:
        self.go_to(0, "top")

    def action_last_beat(self) -> None:
        self.go_to(self.total - 1, "follow")

    def action_next_scene(self) -> None:
        scenes = self.story.scenes
        for scene in scenes[self.scene_index() + 1 :]:
            if scene.beats:
                self.go_to(scene.beats[0].number - 1, "top")
                return

    def action_previous_scene(self) -> None:
        scenes = self.story.scenes
        for scene in reversed(scenes[: self.scene_index()]):
            if scene.beats:
                self.go_to(scene.beats[0].number - 1, "top")
                return
        self.go_to(0, "top")

    def action_next_page(self) -> None:
        """The next screen: its first block is the first one not yet shown whole."""
        layout = self.layout_
        height = self.scrollable_content_region.height
        if not self.total or height <= 0 or layout.width < 0:
            return
        view_top = int(self.scroll_y)
        view_bottom = view_top + height - 1
        current_block = layout.block_of[self.current]
        if layout.top(current_block) <= view_bottom < layout.bottom(current_block):
            # The current block goes on below the screen: show the rest of it first.
            target = min(view_top + height - 1, layout.bottom(current_block) - height + 2)
            self.scroll_to(y=max(view_top + 1, target), animate=False, immediate=True)
            return
        block = layout.block_at(view_bottom)
        if layout.bottom(block) <= view_bottom:
            block += 1
        block = max(block, current_block + 1)
        if block >= len(layout):
            self.go_to(self.total - 1, "follow")
            return
        self.go_to(layout.firsts[block], "top")

    def action_previous_page(self) -> None:
        """The previous screen, overlapping this one by a line."""
        layout = self.layout_
        height = self.scrollable_content_region.height
        if not self.total or height <= 0 or layout.width < 0:
            return
        view_top = int(self.scroll_y)
        current_block = layout.block_of[self.current]
        if layout.top(current_block) < view_top <= layout.bottom(current_block):
            # Reading inside a tall block: back up through it first.
            target = max(layout.top(current_block), view_top - height + 1)
            self.scroll_to(y=target, animate=False, immediate=True)
            return
        target = max(0, view_top - height + 1)
        if target == 0 and view_top == 0:
            self.go_to(0, "top")
            return
        block = layout.block_at(target)
        if layout.top(block) < target:
            block += 1
        block = max(0, min(block, current_block - 1))
        self.scroll_to(y=target, animate=False, immediate=True)
        self.go_to(layout.firsts[block], "keep")

    # -- events ---------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._measure()
        self._place("jump" if not self._placed else "keep")
        if not self._placed:
            self.set_timer(0.5, self._premeasure)
        self._placed = True

    def _premeasure(self) -> None:
        """Measure the other view while the reader reads, so ``v`` answers at once."""
        other = self._layout_for("prose" if self.mode == "beats" else "beats")
        width = self._width()
        if width > 0:
            other.measure(width)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self, _theme: str) -> None:
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_click(self, event: events.Click) -> None:
        if not self.total:
            return
        line = int(self.scroll_y) + event.y
        layout = self.layout_
        if line >= layout.height:
            return
        block = layout.block_at(line)
        beats = layout.beats(block)
        beat = beats[0]
        if len(beats) > 1:
            row = line - layout.top(block) - layout.extra(block)
            spans = layout.lines(block)
            if 0 <= row < len(spans):
                column = event.x - layout.margin(self._width()) - GUTTER
                offset = layout.span(block)[0] + spans[row][0] + max(0, column)
                for candidate in beats:
                    if candidate.start <= offset:
                        beat = candidate
        self.go_to(beat.number - 1, "keep")

    # -- layout and placement -------------------------------------------------------------

    def _layout_for(self, mode: Mode) -> Layout:
        if mode not in self._layouts:
            self._layouts[mode] = Layout(self.story, mode)
        return self._layouts[mode]

    def _width(self) -> int:
        return self.scrollable_content_region.width or self.size.width

    def _measure(self) -> None:
        width = self._width()
        if width <= 0:
            return
        if self.layout_.width != width:
            self._strips.clear()
            self.layout_.measure(width)
        self.virtual_size = Size(width, self.layout_.height)

    def _place(self, placement: str) -> None:
        """Scroll so the current beat's block is in view, as ``placement`` says."""
        layout = self.layout_
        height = self.scrollable_content_region.height
        if not self.total or height <= 0 or layout.width < 0:
            return
        block = layout.block_of[self.current]
        top, bottom = layout.beat_lines(self.current)
        view_top = int(self.scroll_y)
        view_bottom = view_top + height - 1
        fits = bottom - top + 1 <= height
        target = None
        if placement == "top":
            target = layout.top(block)
        elif placement == "jump":
            target = top - height // 4 if fits else top
        elif placement == "follow":
            if top < view_top or top > view_bottom + 1:
                target = top - height // 4 if fits else top
            elif bottom > view_bottom:
                target = bottom - height + 1 if fits else top
        elif placement == "back":
            if bottom < view_top or top > view_bottom:
                target = top - height // 4 if fits else top
            elif top < view_top:
                target = top
        elif placement == "keep":
            if top > view_bottom or bottom < view_top:
                target = top - height // 4 if fits else top
        if target is not None:
            maximum = max(0, layout.height - height)
            self.scroll_to(y=max(0, min(target, maximum)), animate=False, immediate=True)

    # -- rendering ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._width()
        layout = self.layout_
        line = int(self.scroll_y) + y
        if layout.width != width:
            self._measure()
        if not self.total or line >= layout.height:
            if not self.total and y == 1:
                return self._empty_strip(width)
            return Strip.blank(width, self.rich_style)
        block = layout.block_at(line)
        strips = self._strips.get(block)
        if strips is None:
            if len(self._strips) > 400:
                self._strips.clear()
            strips = self._strips[block] = self._render_block(block, width)
        row = line - layout.top(block)
        if row >= len(strips):
            return Strip.blank(width, self.rich_style)
        return strips[row]

    def _empty_strip(self, width: int) -> Strip:
        text = Text("  This story has no text to show.", style=self.rich_style)
        return Strip(_segments(text, self.app.console)).extend_cell_length(width, self.rich_style)

    def _forget(self, beat: int) -> None:
        if 0 <= beat < self.total:
            self._strips.pop(self.layout_.block_of[beat], None)

    def _render_block(self, block: int, width: int) -> _BlockLines:
        layout = self.layout_
        story = self.story
        console = self.app.console
        base = self.rich_style
        get = self.get_component_rich_style
        dark = self.app.current_theme.dark if self.app.current_theme else True
        beats = layout.beats(block)
        current_block = layout.block_of[self.current] if self.total else -1
        is_current = block == current_block
        future = block > current_block
        margin = Segment(" " * layout.margin(width), base)
        muted = _muted(base)
        text_style = base + muted + get("story-view--future", partial=True) if future else base
        if is_current and layout.mode == "beats":
            text_style = text_style + get("story-view--current", partial=True)
        bar = Segment("▌ ", base + get("story-view--bar", partial=True))
        blank_gutter = Segment(" " * GUTTER, base)
        gutter = bar if is_current else blank_gutter
        size = layout.text_width(width)

        def finish(segments: list[Segment], line_style: Style) -> Strip:
            strip = Strip([margin, *segments])
            used = strip.cell_length
            if is_current and line_style is text_style and layout.mode == "beats":
                # The current block's background runs to the measure's right edge.
                edge = layout.margin(width) + GUTTER + size + 1
                strip = strip.extend_cell_length(min(width, edge), text_style)
            return strip.extend_cell_length(max(width, used), base).crop(0, width)

        strips: list[Strip] = []
        first = beats[0]
        if first.number - 1 in layout.scene_starts:
            scene = story.scenes[first.scene]
            title = Text(visible(scene.title), style=base + get("story-view--heading"))
            title.truncate(size, overflow="ellipsis")
            strips.append(finish([blank_gutter, *_segments(title, console)], base))
            strips.append(finish([], base))
        if layout.mode == "beats" and first.kind == "dialogue":
            colour = self.colours.style(first.speaker, dark)
            if colour is None:
                label = Text(UNKNOWN_LABEL, style=text_style + muted + get("story-view--unknown"))
            else:
                label = Text(
                    visible(first.speaker or ""), style=text_style + colour + Style(bold=True)
                )
            label.truncate(size, overflow="ellipsis")
            strips.append(finish([gutter, *_segments(label, console)], text_style))

        start, end = layout.span(block)
        content = Text(visible(story.text[start:end]), style=text_style, end="")
        if layout.mode == "prose":
            current_style = get("story-view--current", partial=True)
            for beat in beats:
                if beat.kind == "dialogue":
                    colour = self.colours.style(beat.speaker, dark)
                    if colour is not None:
                        content.stylize(colour, beat.start - start, beat.end - start)
                if is_current and beat.number - 1 == self.current:
                    content.stylize(current_style, beat.start - start, beat.end - start)
        self._stylize_hits(content, start, end)

        def text_line(line_start: int, line_end: int) -> Strip:
            piece = _slice(content, line_start, line_end)
            return finish([gutter, *_segments(piece, console)], text_style)

        return _BlockLines(strips, layout.lines(block), text_line, finish([], base))

    def _stylize_hits(self, content: Text, start: int, end: int) -> None:
        if not self.hits:
            return
        get = self.get_component_rich_style
        first = bisect_left(self._hit_starts, start)
        last = bisect_right(self._hit_starts, end)
        for index in range(first, last):
            hit = self.hits[index]
            name = "story-view--hit-current" if index == self.hit_index else "story-view--hit"
            content.stylize(get(name, partial=True), hit.start - start, hit.end - start)


class _BlockLines:
    """A block's lines as strips: its heading and label, then the text lines, each built
    the first time it is on screen (a paragraph may be thousands of lines long)."""

    def __init__(
        self,
        head: list[Strip],
        spans: list[tuple[int, int]],
        make: Callable[[int, int], Strip],
        tail: Strip,
    ) -> None:
        self.head = head
        self.spans = spans
        self.make = make
        self.tail = tail
        self.built: dict[int, Strip] = {}

    def __len__(self) -> int:
        return len(self.head) + len(self.spans) + 1

    def __getitem__(self, row: int) -> Strip:
        if row < len(self.head):
            return self.head[row]
        index = row - len(self.head)
        if index >= len(self.spans):
            return self.tail
        strip = self.built.get(index)
        if strip is None:
            strip = self.built[index] = self.make(*self.spans[index])
        return strip


def _slice(text: Text, start: int, end: int) -> Text:
    """``text[start:end]`` without copying the whole text (``Text`` slicing divides it)."""
    line = Text(text.plain[start:end], style=text.style, end="")
    line.spans[:] = [
        Span(max(span.start, start) - start, min(span.end, end) - start, span.style)
        for span in text.spans
        if span.end > start and span.start < end
    ]
    return line


def _segments(text: Text, console) -> list[Segment]:
    """``text`` as segments; unlike ``Text.render``, keeps its base style without spans."""
    if not text.spans:
        style = text.style if isinstance(text.style, Style) else console.get_style(text.style)
        return [Segment(text.plain, style)] if text.plain else []
    return list(text.render(console))


def _muted(base: Style) -> Style:
    """The text colour faded towards the background: readable, but quieter."""
    if base.color is None or base.bgcolor is None:
        return Style(dim=True)
    faded = blend_rgb(base.bgcolor.get_truecolor(), base.color.get_truecolor(), 0.6)
    return Style(color=Color.from_triplet(faded))
