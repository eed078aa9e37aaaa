"""Names the text misspells once or twice: "Mr. Browlow" among two hundred "Mr. Brownlow".

Typos survive in public-domain transcriptions and in fan fiction alike. A reader takes a
rare name one letter short or long of a frequent one, with the same title, for the same
person; left apart, the typo becomes a character of its own and its lines go to no one
the reader knows."""

from __future__ import annotations

from collections import Counter

from reader.model.characters import Cast, Census, fold, normalise, split_name

RARE_MENTIONS = 3
"""A misspelling is rare: at most this many mentions."""
COMMON_SHARE = 5
"""The right spelling is met at least this many times as often."""
MIN_LETTERS = 5
"""Short names differ by a letter too often to be typos of each other ("Ann", "Anna")."""


def fold_misspellings(cast: Cast, census: Census) -> None:
    """Fold each rare character whose name is a one-letter slip of a frequent one's."""
    mentions = _mentions(cast, census)
    by_length: dict[int, list[str]] = {}
    for name in cast.people:
        by_length.setdefault(len(normalise(name)), []).append(name)
    for name in list(cast.people):
        if mentions[name] > RARE_MENTIONS or name not in cast.people:
            continue
        key = normalise(name)
        if len(key) < MIN_LETTERS:
            continue
        target = _right_spelling(cast, name, key, by_length, mentions)
        if target is not None:
            fold(cast, name, target)


def _mentions(cast: Cast, census: Census) -> Counter[str]:
    """How often the text names each character, under any of its names."""
    counts: Counter[str] = Counter()
    for key, name in cast.lookup.items():
        counts[name] += census.counts.get(key, 0)
    return counts


def _right_spelling(
    cast: Cast,
    name: str,
    key: str,
    by_length: dict[int, list[str]],
    mentions: Counter[str],
) -> str | None:
    """The one frequent character whose name ``key`` misses or adds one letter of."""
    title = split_name(key)[0]
    gender = cast.gender(name)
    found = [
        other
        for size in (len(key) - 1, len(key) + 1)
        for other in by_length.get(size, [])
        if other in cast.people
        and other != name
        and mentions[other] >= COMMON_SHARE * max(1, mentions[name])
        and split_name(normalise(other))[0] == title
        and (gender is None or cast.gender(other) in (None, gender))
        and _one_letter_apart(key, normalise(other))
    ]
    return found[0] if len(found) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether one of ``a`` and ``b`` is the other with one letter more, past the first."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    for i, char in enumerate(short):
        if long[i] != char:
            return i > 0 and long[i + 1 :] == short[i:] and long[i].isalpha()
    return long[-1].isalpha()
