"""Recognise scene separators and headings: the lines that are structure, not story."""

from __future__ import annotations

import re

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    "seventy|eighty|ninety|hundred"
)
ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|final"
)
ROMAN = r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
NUMBER = (
    rf"(?:\d{{1,4}}|{ROMAN}|(?:{NUMBER_WORDS})(?:[- ](?:{NUMBER_WORDS}))*"
    rf"|the\s+(?:{ORDINAL_WORDS}))"
)

SEPARATOR_CHARS = frozenset("*~=_#+-–—•·◇◆●○◦∗⁂§.oOxX0 \t")
SYMBOLS = frozenset("*~=_#+-–—•·◇◆●○◦∗⁂§0")
SCENE_BREAK_WORDS = re.compile(r"^\s*\[\s*(?i:scene\s+break|break|line\s+break)\s*\]\s*$")
CHAPTER = re.compile(
    rf"""^\s*(?:
        (?i:chapter|chap\.|book|part|volume|vol\.|canto|act|section|episode|letter|stave)
            \s+(?i:{NUMBER})\b\.?(?:\s*[:.\-–—]\s*|\s+)?(?P<sub>.{{0,80}})
      | (?i:prologue|epilogue|preface|foreword|afterword|interlude|introduction|coda)
            \b\.?(?:\s*[:.\-–—]\s*(?P<sub2>.{{0,80}}))?
      | (?P<roman>{ROMAN})\.?
      | (?P<num>\d{{1,3}})\.?
    )\s*$""",
    re.VERBOSE,
)
MARKDOWN_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")


def is_separator(line: str) -> bool:
    """``***``, ``* * *``, ``---``, ``~~~``, ``#``, ``o0o``, ``xXx``, ``-x-``, ``[break]``.

    A line of break marks only; letters may appear only as o/x ornaments beside a mark
    (``-x-``) or in a mixed-case run (``xXx``, ``oOo``). A lone ``-`` or ``.`` is prose.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return False
    if SCENE_BREAK_WORDS.match(line):
        return True
    if stripped in {"-", ".", "–", "..."} or not set(stripped) <= SEPARATOR_CHARS:
        return False
    letters = "".join(ch for ch in stripped if ch in "oOxX")
    if not letters:
        return True
    if any(ch in SYMBOLS for ch in stripped):
        return True  # -x-, o0o
    alternating = all(a.isupper() != b.isupper() for a, b in zip(letters, letters[1:]))
    return len(letters) >= 3 and alternating and "." not in stripped  # xXx, oOo


def heading_title(line: str) -> str | None:
    """The title a heading line gives (``Chapter 12: The Fall``), or None for prose."""
    if len(line) > 100:
        return None
    md = MARKDOWN_HEADING.match(line)
    if md:
        return md.group(2).strip()
    match = CHAPTER.match(line)
    if not match:
        return None
    sub = match.group("sub")
    if sub and _looks_like_prose(sub):
        return None
    return " ".join(line.split()).rstrip(".")


def _looks_like_prose(sub: str) -> bool:
    """ "Part of the problem was..." is a sentence, not "Part One: The Fall"."""
    words = sub.split()
    if not words:
        return False
    if len(words) > 12 or any(mark in sub for mark in '"“”‘'):
        return True
    return words[0][:1].islower()


SMALL_WORDS = frozenset(
    "a an the of in on at to and or but for with from by as into over under is was".split()
)


def is_subtitle(line: str) -> bool:
    """A short title-like line (or a few, all in capitals) after a chapter heading."""
    stripped = " ".join(line.split())
    if not stripped or stripped[0] in "\"'“‘«„—–-(" or stripped.endswith((",", ";")):
        return False
    if stripped.isupper() and any(ch.isalpha() for ch in stripped):
        return len(stripped) <= 160 and line.count("\n") <= 3
    if len(stripped) > 70 or "\n" in line.strip() or stripped.endswith(("!", "?", "…")):
        return False
    if stripped.endswith(".") and len(stripped.split()) < 3:
        return False  # "More." is a sentence
    words = stripped.rstrip(".").split()
    if len(words) > 10:
        return False
    capital = sum(1 for w in words if w[:1].isupper() or w.lower() in SMALL_WORDS)
    return capital == len(words) and any(w[:1].isupper() for w in words)
