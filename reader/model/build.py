"""Build the scene model: text → paragraphs → scenes → dialogue and narration beats."""

from __future__ import annotations

import re
from pathlib import Path

from reader.model.loader import LoadedText, load_text
from reader.model.paragraphs import split_paragraphs
from reader.model.quotes import detect_style, find_quotes
from reader.model.scenes import group_scenes
from reader.model.story import Beat, Paragraph, Scene, Story

TITLE_WORDS = 7
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr st prof capt col gen lt sgt rev hon sr jr mme mlle messrs no vol".split()
)
EMPHASIS = re.compile(r"(?<!\w)[_*]{1,2}([^_*]+?)[_*]{1,2}(?!\w)")
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)|\n")


def load_story(path: str | Path) -> Story:
    """Read ``path`` and build its scene model, speakers attributed."""
    return build_story(load_text(path), str(path))


def build_story(loaded: LoadedText, source: str, attribute: bool = True) -> Story:
    """The full model of already-loaded text; ``attribute=False`` skips speakers."""
    text = loaded.text
    paragraphs = split_paragraphs(text, loaded.body_start, loaded.body_end)
    title_marker = []
    if paragraphs and loaded.title_span == (paragraphs[0].start, paragraphs[0].end):
        title_marker = [loaded.title_span]
        paragraphs = paragraphs[1:]
    body, drafts, markers = group_scenes(text, paragraphs)
    markers = title_marker + markers
    style = detect_style(text, [(p.start, p.end) for p in body])
    scenes: list[Scene] = []
    number = 0
    for scene_index, draft in enumerate(drafts):
        beats: list[Beat] = []
        for para_index in draft.paragraphs:
            para = body[para_index]
            number = _paragraph_beats(text, para, para_index, style, scene_index, number, beats)
        title = draft.title
        if title and title.startswith(f"{loaded.title} · "):
            title = title[len(loaded.title) + 3 :]  # the book's own title heading
        title = _clean_title(title) if title else _title_from(text, beats)
        end = beats[-1].end if beats else draft.start
        scenes.append(Scene(scene_index + 1, title, draft.start, end, beats))
    story = Story(
        source=source,
        title=loaded.title,
        text=text,
        body_start=loaded.body_start,
        body_end=loaded.body_end,
        paragraphs=body,
        scenes=scenes,
    )
    story.markers = markers
    if attribute:
        from reader.model.speakers import attribute_speakers

        attribute_speakers(story)
    return story


def _paragraph_beats(
    text: str,
    para: Paragraph,
    para_index: int,
    style,
    scene_index: int,
    number: int,
    beats: list[Beat],
) -> int:
    cursor = para.start
    for q_start, q_end in find_quotes(text, para.start, para.end, style):
        number = _narration(text, cursor, q_start, para_index, scene_index, number, beats)
        number += 1
        beats.append(Beat(number, "dialogue", q_start, q_end, para_index, None, scene_index))
        cursor = q_end
    return _narration(text, cursor, para.end, para_index, scene_index, number, beats)


def _narration(
    text: str,
    start: int,
    end: int,
    para_index: int,
    scene_index: int,
    number: int,
    beats: list[Beat],
) -> int:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        number += 1
        beats.append(Beat(number, "narration", start, end, para_index, None, scene_index))
    return number


def _clean_title(title: str) -> str:
    """Drop emphasis marks around words ("_SOWING_", "*Night*") from a heading."""
    return EMPHASIS.sub(r"\1", title)


def _title_from(text: str, beats: list[Beat]) -> str:
    """A short title from the scene's first sentence of narration (or of anything)."""
    if not beats:
        return "Untitled"
    source = next((b for b in beats if b.kind == "narration" and b.end - b.start > 12), beats[0])
    chunk = text[source.start : min(source.end, source.start + 300)]
    chunk = chunk.strip("\"'“”‘’«»„ \n")
    sentence = chunk
    for end in SENTENCE_END.finditer(chunk):
        word = chunk[: end.start()].rsplit(None, 1)[-1] if chunk[: end.start()].strip() else ""
        if chunk[end.start()] == "." and (word.lower() in ABBREVIATIONS or len(word) == 1):
            continue
        sentence = chunk[: end.start()]
        break
    words = sentence.split()
    title = " ".join(words[:TITLE_WORDS])
    if len(words) > TITLE_WORDS:
        title = title.rstrip(",;:—–-") + "…"
    return title or "Untitled"
