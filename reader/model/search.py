"""Find text in a story: literal search over beats, and keyword ranking of scenes."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

from reader.model.story import Scene, Story

SPEAKER_PREFIX = re.compile(r"^\s*speaker:(\"[^\"]+\"|\S+)\s*(.*)$", re.IGNORECASE)
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the beat it is in and its offsets in the story text."""

    beat: int
    """Global beat number (1-based)."""
    start: int
    end: int


def search_story(story: Story, query: str) -> list[Hit]:
    """Case-insensitive matches of ``query`` in reading order.

    ``speaker:NAME words`` keeps only dialogue of the character whose name or alias
    contains NAME; with no words it finds all of their lines.
    """
    speaker = None
    words = query.strip()
    prefixed = SPEAKER_PREFIX.match(words)
    if prefixed:
        speaker = prefixed.group(1).strip('"').lower()
        words = prefixed.group(2).strip()
    if not words and speaker is None:
        return []
    names = _speaker_names(story, speaker) if speaker is not None else None
    pattern = re.compile(re.escape(words), re.IGNORECASE) if words else None
    hits: list[Hit] = []
    text = story.text
    for beat in story.beats:
        if names is not None and (beat.kind != "dialogue" or beat.speaker not in names):
            continue
        if pattern is None:
            hits.append(Hit(beat.number, beat.start, beat.end))
            continue
        for match in pattern.finditer(text, beat.start, beat.end):
            hits.append(Hit(beat.number, match.start(), match.end()))
    return hits


def _speaker_names(story: Story, wanted: str) -> set[str]:
    names = set()
    for character in story.characters:
        every = [character.name, *character.aliases]
        if any(wanted in name.lower() for name in every):
            names.add(character.name)
    return names


@dataclass(slots=True)
class SceneIndex:
    """Word counts per scene, built once per story so live typing stays instant."""

    counts: list[Counter[str]]
    lengths: list[int]
    vocabulary: list[str]
    """Every word of the story, sorted, for prefix look-ups."""
    scenes_with: dict[str, int]


def scene_index(story: Story) -> SceneIndex:
    cached = story.__dict__.get("_scene_index")
    if cached is not None:
        return cached
    text = story.text
    counts: list[Counter[str]] = []
    for scene in story.scenes:
        tokens = TOKEN.findall(text[scene.start : scene.end].lower())
        tokens += TOKEN.findall(scene.title.lower()) * 3
        counts.append(Counter(tokens))
    scenes_with: Counter[str] = Counter()
    for bag in counts:
        scenes_with.update(bag.keys())
    index = SceneIndex(
        counts, [sum(c.values()) or 1 for c in counts], sorted(scenes_with), dict(scenes_with)
    )
    story.__dict__["_scene_index"] = index
    return index


def _expand(index: SceneIndex, term: str) -> list[str]:
    """The term itself, and for three letters or more every word it begins."""
    if len(term) < 3:
        return [term] if term in index.scenes_with else []
    at = bisect.bisect_left(index.vocabulary, term)
    words = []
    while at < len(index.vocabulary) and index.vocabulary[at].startswith(term):
        words.append(index.vocabulary[at])
        at += 1
    return words


def rank_scenes(story: Story, keyword: str) -> list[tuple[Scene, float, str]]:
    """Scenes that match ``keyword``, best first, each with a score and a snippet.

    A scene's score is BM25 over its words (a word the keyword begins counts too), with
    its title counted thrice: a scene *about* the keyword beats one that mentions it once.
    Every word of the keyword must appear in a scene for it to match.
    """
    terms = [t.lower() for t in TOKEN.findall(keyword)]
    if not terms or not story.scenes:
        return []
    index = scene_index(story)
    total = len(story.scenes)
    average = sum(index.lengths) / total
    expanded = [_expand(index, term) for term in terms]
    if any(not words for words in expanded):
        return []
    phrase = keyword.strip().lower()
    results = []
    for number, (scene, counts) in enumerate(zip(story.scenes, index.counts)):
        score = 0.0
        for words in expanded:
            freq = sum(counts.get(word, 0) for word in words)
            if not freq:
                break
            having = max(index.scenes_with[word] for word in words)
            idf = math.log(1 + (total - having + 0.5) / (having + 0.5))
            norm = 0.25 + 0.75 * index.lengths[number] / average
            score += idf * freq * 2.2 / (freq + 1.2 * norm)
        else:
            if len(terms) > 1 and phrase in story.text[scene.start : scene.end].lower():
                score *= 1.5
            if phrase in scene.title.lower():
                score += 2.0
            results.append((scene, score, _snippet(story, scene, terms)))
    results.sort(key=lambda item: (-item[1], item[0].number))
    return results


def _snippet(story: Story, scene: Scene, terms: list[str], width: int = 60) -> str:
    """The words around the first match in the scene's text, on one line, whole words."""
    if any(term in scene.title.lower() for term in terms):
        return scene.title
    text = story.text
    body_start = scene.beats[0].start if scene.beats else scene.start
    lower = text[body_start : scene.end].lower()
    found = [p for p in (lower.find(term) for term in terms) if p >= 0]
    if not found:
        return scene.title
    at = body_start + min(found)
    start = max(body_start, at - width // 3)
    while start > body_start and not text[start - 1].isspace():
        start -= 1
    end = min(scene.end, at + width)
    while end < scene.end and not text[end].isspace():
        end += 1
    snippet = " ".join(text[start:end].split())
    return ("…" if start > body_start else "") + snippet + ("…" if end < scene.end else "")
