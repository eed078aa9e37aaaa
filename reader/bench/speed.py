"""Model-building speed against a bare regex pass over the same text, at 1× and 4×.

The baseline does the least any reader must: read the file, split paragraphs, find the
quotation marks and the words. The model (paragraphs, scenes, beats) must stay within 5×
that, and attribution within as much time again; 4× the text shows the cost is linear.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from reader.bench.pdnc import novels
from reader.model.build import build_story
from reader.model.loader import load_text

PARAGRAPH = re.compile(r"\n\s*\n")
QUOTE = re.compile(r"\"[^\"\n]*(?:\n[^\"\n]+)*\"?")
WORD = re.compile(r"\w+")
REPEATS = 5


def bare_pass(path: Path) -> int:
    """Read, split paragraphs, find quotes and words: the floor for any text model."""
    text = path.read_bytes().decode("utf-8")
    count = 0
    for paragraph in PARAGRAPH.split(text):
        count += len(QUOTE.findall(paragraph)) + len(WORD.findall(paragraph))
    return count


def beats_only(path: Path) -> int:
    return len(build_story(load_text(path), str(path), attribute=False).beats)


def full_model(path: Path) -> int:
    return len(build_story(load_text(path), str(path)).beats)


def best_of(function, path: Path) -> float:
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - began)
    return min(times)


def run(root: str | Path, only: list[str] | None = None) -> int:
    candidates = [n for n in novels(root) if not only or n.name in only]
    largest = max(candidates, key=lambda n: n.path.stat().st_size)
    text = largest.path.read_text(encoding="utf-8")
    print(f"novel: {largest.name} ({len(text) / 1e6:.2f} MB); best of {REPEATS} runs each")
    print(
        f"{'size':>5} {'bare pass':>10} {'beats':>9} {'ratio':>6} {'+speakers':>10} "
        f"{'ratio':>6} {'speakers/beats':>15}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for times in (1, 4):
            path = Path(folder) / f"novel-{times}x.txt"
            path.write_text("\n\n".join([text] * times), encoding="utf-8")
            bare = best_of(bare_pass, path)
            beats = best_of(beats_only, path)
            full = best_of(full_model, path)
            print(
                f"{times:>4}× {bare:>9.3f}s {beats:>8.3f}s {beats / bare:>5.1f}× "
                f"{full:>9.3f}s {full / bare:>5.1f}× {(full - beats) / beats:>14.2f}×"
            )
    return 0
