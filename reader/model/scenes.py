"""Group paragraphs into scenes: at separators, at headings, and at unmarked jumps.

A heading becomes its scene's title; a scene without one is titled from its own first
sentence. A text with no markers at all is cut where a paragraph opens with a time or place
transition ("The next morning", "Meanwhile") *and* the vocabulary changes across it, in
the spirit of TextTiling; a continuous stretch of action keeps its words and is never cut.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from reader.model.markers import heading_title, is_separator, is_subtitle
from reader.model.story import Paragraph


@dataclass(slots=True)
class SceneDraft:
    title: str | None
    start: int
    paragraphs: list[int] = field(default_factory=list)
    """Indices into the story's paragraph list."""


def group_scenes(
    text: str, paragraphs: list[Paragraph]
) -> tuple[list[Paragraph], list[SceneDraft], list[tuple[int, int]]]:
    """Body paragraphs, the scenes over them, and the marker spans that are not story."""
    kinds = [_classify(text, p) for p in paragraphs]
    _demote_contents(kinds)
    body: list[Paragraph] = []
    markers: list[tuple[int, int]] = []
    scenes: list[SceneDraft] = []
    current: SceneDraft | None = None
    after_heading = False
    for para, (kind, title, split_at) in zip(paragraphs, kinds):
        if kind == "separator":
            markers.append((para.start, para.end))
            if current is not None and current.paragraphs:
                current = None
            after_heading = False
            continue
        if kind == "heading":
            heading_end = split_at if split_at is not None else para.end
            markers.append((para.start, _rstrip(text, para.start, heading_end)))
            if current is not None and not current.paragraphs:
                current.title = f"{current.title} · {title}" if current.title else title
            else:
                current = SceneDraft(title, para.start)
                scenes.append(current)
            after_heading = True
            if split_at is None:
                continue
            para = Paragraph(_lstrip(text, split_at, para.end), para.end)
        elif (
            after_heading
            and current is not None
            and not current.paragraphs
            and is_subtitle(text[para.start : para.end])
        ):
            markers.append((para.start, para.end))
            subtitle = " ".join(text[para.start : para.end].split())
            current.title = f"{current.title}: {subtitle}" if current.title else subtitle
            after_heading = False
            continue
        after_heading = False
        if current is None:
            current = SceneDraft(None, para.start)
            scenes.append(current)
        current.paragraphs.append(len(body))
        body.append(para)
    scenes = [scene for scene in scenes if scene.paragraphs]
    if len(scenes) == 1 and not markers:
        scenes = _split_unmarked(text, body, scenes[0])
    return body, scenes, markers


def _classify(text: str, para: Paragraph) -> tuple[str, str | None, int | None]:
    """("separator" | "heading" | "body", title, where the body starts after a heading)."""
    newline = text.find("\n", para.start, para.end)
    first_end = para.end if newline < 0 else newline
    first = text[para.start : first_end]
    if newline < 0 and is_separator(first):
        return "separator", None, None
    title = heading_title(first)
    if title is None:
        return "body", None, None
    if newline < 0:
        return "heading", title, None
    rest = text[newline + 1 : para.end]
    rest_lines = [line for line in rest.split("\n") if line.strip()]
    if len(rest_lines) <= 2 and all(is_subtitle(line) for line in rest_lines):
        subtitle = " ".join(" ".join(rest_lines).split())
        return "heading", f"{title}: {subtitle}", None
    if first.lstrip().startswith("#"):
        return "heading", title, newline + 1
    return "body", None, None


def _demote_contents(kinds: list[tuple[str, str | None, int | None]]) -> None:
    """Three or more headings in a row are a table of contents: read them as text."""
    run_start = None
    for index in range(len(kinds) + 1):
        is_heading = index < len(kinds) and kinds[index][0] == "heading"
        if is_heading and run_start is None:
            run_start = index
        elif not is_heading and run_start is not None:
            if index - run_start >= 3:
                for inner in range(run_start, index):
                    kinds[inner] = ("body", None, None)
            run_start = None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


TRANSITION = re.compile(
    r"""^(?:
        (?:a|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|some|many|
           \d+)\s+(?:minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\s+
           (?:later|after|passed|went\s+by|had\s+passed)
      | (?:later|earlier)(?:\s+that\s+\w+|\s+on)?\b
      | (?:the\s+)?(?:next|following)\s+(?:morning|day|evening|night|week|month|year|spring|
           summer|autumn|winter)
      | that\s+(?:night|evening|afternoon|morning|same\s+\w+)
      | meanwhile | in\s+the\s+meantime | elsewhere | now\b | by\s+(?:dawn|nightfall|noon|
           morning|evening|the\s+time) | at\s+(?:dawn|dusk|noon|midnight|last)
      | (?:early|late)\s+(?:the\s+next|that|in\s+the)\s+\w+ | hours\s+later | much\s+later
      | when\s+(?:morning|night|evening|dawn)\s+came | on\s+the\s+(?:other\s+side|far\s+side)
      | back\s+(?:at|in)\s+ | across\s+(?:town|the\s+city|the\s+river)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
WORD = re.compile(r"[a-z]{4,}")
STOP = frozenset(
    "that this with from have were they them their there then than what when where which "
    "would could should about into over just said like been your will some more only back "
    "down very even much here know well because after before again still while through "
    "upon shall must might never ever also each other those these such".split()
)
MIN_SCENE_WORDS = 120
WINDOW = 6
SAMPLED_GAPS = 400
"""How many gaps measure a story's usual similarity: enough for a stable mean."""


def _split_unmarked(text: str, body: list[Paragraph], scene: SceneDraft) -> list[SceneDraft]:
    """Cut a marker-less story at transitions where the vocabulary also changes."""
    indices = scene.paragraphs
    if len(indices) < 2 * WINDOW:
        return [scene]
    bags = [
        Counter(w for w in WORD.findall(text[body[i].start : body[i].end].lower()) if w not in STOP)
        for i in indices
    ]
    sizes = [len(text[body[i].start : body[i].end].split()) for i in indices]
    step = max(1, len(indices) // SAMPLED_GAPS)
    sample = [_similarity(bags, pos) for pos in range(1, len(indices), step)]
    mean = sum(sample) / len(sample)
    spread = math.sqrt(sum((g - mean) ** 2 for g in sample) / len(sample))
    cuts = []
    last_cut = 0
    for pos in range(1, len(indices)):
        para = body[indices[pos]]
        opening = text[para.start : min(para.end, para.start + 60)]
        if not TRANSITION.match(opening):
            continue
        gap = _similarity(bags, pos)
        if gap > mean - 0.5 * spread or gap > 0.8 * mean:
            continue
        if sum(sizes[last_cut:pos]) < MIN_SCENE_WORDS or sum(sizes[pos:]) < MIN_SCENE_WORDS:
            continue
        cuts.append(pos)
        last_cut = pos
    if not cuts:
        return [scene]
    bounds = [0, *cuts, len(indices)]
    return [
        SceneDraft(None, body[indices[a]].start, indices[a:b]) for a, b in zip(bounds, bounds[1:])
    ]


def _similarity(bags: list[Counter[str]], gap: int) -> float:
    """Cosine similarity of the words just before and just after paragraph ``gap``."""
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for bag in bags[max(0, gap - WINDOW) : gap]:
        left.update(bag)
    for bag in bags[gap : gap + WINDOW]:
        right.update(bag)
    dot = sum(count * right[word] for word, count in left.items())
    norm = math.sqrt(sum(c * c for c in left.values()) * sum(c * c for c in right.values()))
    return dot / norm if norm else 0.0
