"""The scene model's data types: a story is scenes, a scene is beats.

Offsets are Python string indices into ``Story.text`` (the decoded text), so any
beat can be shown, searched or exported as ``text[start:end]`` without copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from reader.model.search import Hit

BeatKind = Literal["dialogue", "narration"]


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the body: ``text[start:end]``, stripped of outer white space."""

    start: int
    end: int


@dataclass(slots=True)
class Beat:
    """One unit of reading: a quoted span (dialogue) or the prose between quotes."""

    number: int
    kind: BeatKind
    start: int
    end: int
    paragraph: int
    """Index into ``Story.paragraphs`` of the paragraph holding this beat."""
    speaker: str | None = None
    scene: int = 0
    """Index into ``Story.scenes`` (0-based)."""


@dataclass(slots=True)
class Scene:
    number: int
    title: str
    start: int
    end: int
    beats: list[Beat] = field(default_factory=list)


@dataclass(slots=True)
class Character:
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    """"female", "male" or None when the text does not say."""
    lines: int = 0


@dataclass
class Story:
    source: str
    title: str
    text: str
    body_start: int
    body_end: int
    paragraphs: list[Paragraph]
    scenes: list[Scene]
    characters: list[Character] = field(default_factory=list)
    markers: list[tuple[int, int]] = field(default_factory=list)
    """Spans of headings and separators: structure, not part of any beat."""
    _beats: list[Beat] | None = field(default=None, repr=False)

    @property
    def beats(self) -> list[Beat]:
        """All beats in reading order; ``beats[n - 1].number == n``."""
        if self._beats is None:
            self._beats = [beat for scene in self.scenes for beat in scene.beats]
        return self._beats

    def beat_text(self, beat: Beat) -> str:
        return self.text[beat.start : beat.end]

    def search(self, query: str) -> list[Hit]:
        """Hits for ``query`` in reading order (see ``reader.model.search``)."""
        from reader.model.search import search_story

        return search_story(self, query)

    def find_scenes(self, keyword: str) -> list[tuple[Scene, float, str]]:
        """Scenes matching ``keyword``, best first, with a score and a snippet."""
        from reader.model.search import rank_scenes

        return rank_scenes(self, keyword)
