"""Build a story from an inline text, the way ``load_story`` would from a file."""

from reader.model.build import build_story
from reader.model.loader import LoadedText, find_title, gutenberg_body
from reader.model.story import Story


def story_of(text: str, attribute: bool = False) -> Story:
    start, end = gutenberg_body(text)
    title = find_title(text, start, end) or "Test"
    return build_story(LoadedText(text, start, end, title), "test.txt", attribute)


def beats_of(text: str) -> list[tuple[str, str]]:
    """(kind, text) of every beat, in order."""
    story = story_of(text)
    return [(b.kind, story.text[b.start : b.end]) for b in story.beats]


def dialogue_of(text: str) -> list[str]:
    return [t for kind, t in beats_of(text) if kind == "dialogue"]
