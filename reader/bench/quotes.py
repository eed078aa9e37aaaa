"""Quote detection against PDNC: recall of annotated quotations, precision of dialogue beats."""

from __future__ import annotations

import bisect
from pathlib import Path

from reader.bench.pdnc import novels
from reader.model.build import build_story
from reader.model.loader import LoadedText, decode


def score_novel(novel) -> tuple[int, int, int, int, list, list]:
    """(covered, quotations, true beats, dialogue beats, missed spans, stray beats)."""
    text = decode(novel.path.read_bytes(), novel.path)
    story = build_story(LoadedText(text, 0, len(text), novel.name), str(novel.path), False)
    dialogue = [b for b in story.beats if b.kind == "dialogue"]
    starts = [b.start for b in dialogue]
    spans = sorted(span for q in novel.quotations for span in q.spans)
    span_starts = [s for s, _ in spans]

    def overlaps_beat(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, end - 1) - 1
        return i >= 0 and dialogue[i].end > start

    def overlaps_quote(start: int, end: int) -> bool:
        i = bisect.bisect_right(span_starts, end - 1) - 1
        while i >= 0 and spans[i][0] >= start - 5000:
            if spans[i][1] > start:
                return True
            i -= 1
        return False

    missed = []
    covered = 0
    for quote in novel.quotations:
        if all(overlaps_beat(s, e) for s, e in quote.spans if e > s):
            covered += 1
        else:
            missed.append(quote.spans)
    stray = [b for b in dialogue if not overlaps_quote(b.start, b.end)]
    return covered, len(novel.quotations), len(dialogue) - len(stray), len(dialogue), missed, stray


def run(root: str | Path, only: list[str] | None = None) -> int:
    total = [0, 0, 0, 0]
    print(f"{'novel':32} {'recall':>8} {'precision':>9} {'quotes':>7} {'beats':>7}")
    for novel in novels(root):
        if only and novel.name not in only:
            continue
        covered, quotes, true, beats, _missed, _stray = score_novel(novel)
        for i, value in enumerate((covered, quotes, true, beats)):
            total[i] += value
        print(
            f"{novel.name:32} {covered / quotes:8.2%} {true / max(1, beats):9.2%} "
            f"{quotes:7} {beats:7}"
        )
    print(
        f"{'overall (micro)':32} {total[0] / total[1]:8.2%} {total[2] / total[3]:9.2%} "
        f"{total[1]:7} {total[3]:7}"
    )
    return 0
