"""Speaker attribution against PDNC: accuracy per novel and per quote type, and its cost.

A quotation is right when the first dialogue beat overlapping its first span names the
annotated speaker: our character's name or any alias is among that speaker's names
(case-insensitive, ignoring title dots and spacing: "Mrs Smith" is "Mrs. Smith").
Quotations spoken by ``_group``, ``_unknowable`` or ``_narr`` are left out: no single
named speaker exists to find.
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.bench.pdnc import SKIPPED_SPEAKERS, Novel, novels
from reader.model.build import build_story
from reader.model.loader import LoadedText, decode
from reader.model.speakers import attribute_speakers
from reader.model.story import Beat, Story

KINDS = ("Explicit", "Anaphoric", "Implicit")


@dataclass(slots=True)
class Miss:
    """One scored quotation that we got wrong (or left unknown)."""

    kind: str
    gold: str
    said: str | None
    beat: Beat | None


@dataclass(slots=True)
class Score:
    right: int = 0
    total: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in KINDS})
    unknown: int = 0
    build_s: float = 0.0
    attribute_s: float = 0.0
    misses: list[Miss] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.right += other.right
        self.total += other.total
        self.unknown += other.unknown
        self.build_s += other.build_s
        self.attribute_s += other.attribute_s
        for kind, (r, t) in other.by_kind.items():
            self.by_kind[kind][0] += r
            self.by_kind[kind][1] += t


TIMING_RUNS = 3
"""Each timing is the best of this many runs: other work on the machine only adds time."""


def build(novel: Novel) -> tuple[Story, float, float]:
    """The novel's story with offsets intact, and (build, attribution) seconds."""
    text = decode(novel.path.read_bytes(), novel.path)
    build_s = attribute_s = float("inf")
    for _ in range(TIMING_RUNS):
        began = time.perf_counter()
        story = build_story(LoadedText(text, 0, len(text), novel.name), str(novel.path), False)
        built = time.perf_counter()
        attribute_speakers(story)
        done = time.perf_counter()
        build_s = min(build_s, built - began)
        attribute_s = min(attribute_s, done - built)
    return story, build_s, attribute_s


def same_name(name: str) -> str:
    """One spelling per name, so only real disagreements count as misses.

    Case, title dots and spacing do not make a different name ("Mrs Smith" = "mrs. smith"),
    nor does a leading article ("the March Hare" = "March Hare", "A Student" = "the
    student"), nor the corpus's role
    suffix that splits one person by narrative frame ("Christopher Robin - Story")."""
    name = _ROLE_SUFFIX.sub("", name)
    words = name.replace(".", " ").lower().split()
    if len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


_ROLE_SUFFIX = re.compile(r"\s+-\s+\w+\s*$")


def _names_of(story: Story) -> dict[str, set[str]]:
    """Our character name → its name and aliases, normalised."""
    return {c.name: {same_name(n) for n in (c.name, *c.aliases)} for c in story.characters}


def score_novel(novel: Novel) -> Score:
    story, build_s, attribute_s = build(novel)
    score = Score(build_s=build_s, attribute_s=attribute_s)
    ours = _names_of(story)
    dialogue = [b for b in story.beats if b.kind == "dialogue"]
    starts = [b.start for b in dialogue]
    for quote in novel.quotations:
        if quote.speaker in SKIPPED_SPEAKERS or not quote.spans:
            continue
        start, end = quote.spans[0]
        i = bisect.bisect_right(starts, max(start, end - 1)) - 1
        while i > 0 and dialogue[i - 1].end > start:
            i -= 1
        beat = dialogue[i] if i >= 0 and dialogue[i].end > start else None
        gold = {same_name(n) for n in novel.names.get(quote.speaker, {quote.speaker})}
        said = beat.speaker if beat else None
        ok = said is not None and bool(ours.get(said, {same_name(said)}) & gold)
        score.total += 1
        score.right += ok
        score.unknown += said is None
        if quote.kind in score.by_kind:
            score.by_kind[quote.kind][0] += ok
            score.by_kind[quote.kind][1] += 1
        if not ok:
            score.misses.append(Miss(quote.kind, quote.speaker, said, beat))
    return score


def _pct(right: int, total: int) -> str:
    return f"{right / total:7.2%}" if total else "    n/a"


def _row(name: str, score: Score) -> str:
    kinds = " ".join(_pct(*score.by_kind[k]) for k in KINDS)
    ratio = score.attribute_s / score.build_s if score.build_s else 0.0
    return (
        f"{name:30} {_pct(score.right, score.total)} {kinds} {score.total:6} "
        f"{score.unknown:6} {score.build_s:7.3f} {score.attribute_s:7.3f} {ratio:5.2f}"
    )


def run(root: str | Path, only: list[str] | None = None) -> int:
    """Print per-novel and overall speaker accuracy and the attribution time."""
    total = Score()
    worst = 0.0
    print(
        f"{'novel':30} {'overall':>7} {'explic':>7} {'anaph':>7} {'implic':>7} "
        f"{'quotes':>6} {'unknwn':>6} {'build s':>7} {'attr s':>7} {'ratio':>5}"
    )
    for novel in novels(root):
        if only and novel.name not in only:
            continue
        score = score_novel(novel)
        total.add(score)
        worst = max(worst, score.attribute_s / score.build_s if score.build_s else 0.0)
        print(_row(novel.name, score))
    print(_row("overall (micro)", total))
    print(
        f"attribution time / beat-building time: {total.attribute_s / total.build_s:.2f} "
        f"overall, {worst:.2f} worst novel"
    )
    return 0
