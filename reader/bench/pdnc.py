"""Read the Project Dialogism Novel Corpus (evaluation data only, never shipped)."""

from __future__ import annotations

import ast
import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SKIPPED_SPEAKERS = frozenset({"_group", "_unknowable", "_narr"})


@dataclass(slots=True)
class Quotation:
    spans: list[tuple[int, int]]
    speaker: str
    kind: str
    """Explicit, Anaphoric, Implicit or "" when not annotated."""


@dataclass(slots=True)
class Novel:
    name: str
    path: Path
    quotations: list[Quotation]
    names: dict[str, set[str]] = field(default_factory=dict)
    """Every name or alias of a character → all names of that character."""


def novels(root: str | Path) -> Iterator[Novel]:
    """Each novel folder under ``root`` that has a text and its quotation table."""
    csv.field_size_limit(1 << 30)
    for folder in sorted(Path(root).iterdir()):
        text = folder / "novel_text.txt"
        table = folder / "quotation_info.csv"
        if not (text.is_file() and table.is_file()):
            continue
        yield Novel(folder.name, text, _quotations(table), _names(folder / "character_info.csv"))


def _quotations(table: Path) -> list[Quotation]:
    quotes = []
    with table.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            spans = [tuple(span) for span in ast.literal_eval(row["quoteByteSpans"])]
            kind = row.get("quoteType") or ""
            quotes.append(Quotation(spans, row["speaker"].strip(), "" if kind == "nan" else kind))
    return quotes


def _names(table: Path) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    if not table.is_file():
        return names
    with table.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            main = row["Main Name"].strip()
            try:
                aliases = {str(a).strip() for a in ast.literal_eval(row["Aliases"] or "[]")}
            except (ValueError, SyntaxError):
                aliases = set()
            every = {main, *aliases} - {""}
            for name in every:
                names.setdefault(name, set()).update(every)
    return names


def default_root() -> Path | None:
    """``../shared/corpus/pdnc`` next to the checkout, when it is there."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "corpus" / "pdnc"
        if candidate.is_dir():
            return candidate
    return None
