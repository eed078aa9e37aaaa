"""Faster scanning with the same matches: a regex searched through a text is tried at
every position, and a pattern opening on a long alternation (names, titles) spends most
of its time failing there. ``scanner`` prefixes a lookahead for the characters a match
can start with, computed from the pattern itself, so most positions fail at one test.

The lookahead only states what every match already satisfies: matches, groups and their
spans stay the same. Patterns the analysis does not cover are returned unchanged.
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MAX_RANGE = 256
"""Wider character ranges than this are not spelled out: such a pattern stays as it is."""
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_SCANNERS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
"""id(pattern) → (pattern, its scanner): keyed by identity, as hashing a pattern hashes
its whole compiled code; holding the pattern keeps its id from being reused."""


def by_first_letter(words: list[str]) -> str:
    """The alternation ``word1|word2|...`` of plain words, grouped by first letter with
    each group keeping the words' order: ``M(?:rs|r)|S(?:ir)``. It matches exactly what
    the flat one does (at any position only one group can start), but the regex engine
    tries one branch per letter there instead of every word: much faster where a long
    list of titles or verbs is tried at every word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


class _Unknown(Exception):
    """Part of the pattern whose first character cannot be told."""


def scanner(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a lookahead for its possible first characters (memoised)."""
    found = _SCANNERS.get(id(pattern))
    if found is None:
        found = _SCANNERS[id(pattern)] = (pattern, _with_lookahead(pattern))
    return found[1]


def _with_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    if not isinstance(pattern.pattern, str) or pattern.flags & ~re.UNICODE:
        return pattern  # case folding, verbose or inline flags: leave it be
    try:
        chars, nullable = _first(_sre_parse.parse(pattern.pattern).data)
    except _Unknown:
        return pattern
    if nullable or not chars:
        return pattern  # an empty match can happen anywhere
    chars_class = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"(?=[{chars_class}])(?:{pattern.pattern})", pattern.flags)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The characters a match of the sequence ``items`` can start with, and whether it
    can match the empty string."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            return chars | {chr(av)}, False
        if op is _c.IN:
            return chars | _charset(av), False
        if op is _c.BRANCH:
            more, nullable = _branches(av[1])
        elif op is _c.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown  # inline flags on a group
            more, nullable = _first(av[3].data)
        elif op is _ATOMIC and op is not None:
            more, nullable = _first(av.data)
        elif op in _REPEATS:
            more, nullable = _first(av[2].data)
            nullable = nullable or av[0] == 0
        else:
            raise _Unknown  # any character, back references, ...
        chars |= more
        if not nullable:
            return chars, False
    return chars, True


def _branches(alternatives: list[Any]) -> tuple[set[str], bool]:
    chars: set[str] = set()
    nullable = False
    for alternative in alternatives:
        more, empty = _first(alternative.data)
        chars |= more
        nullable = nullable or empty
    return chars, nullable


def _charset(items: list[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            raise _Unknown  # negated sets, categories (\w, \s), wide ranges
    return chars
