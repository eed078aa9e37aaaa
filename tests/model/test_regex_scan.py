"""The scanning lookahead keeps every match, group and span of the pattern it speeds."""

from __future__ import annotations

import re

from reader.model import attribution_tags, characters, speakers
from reader.model.regex_scan import scanner

TEXT = (
    'Mr. Darcy, who had said nothing, turned to her and said: "No." Then she and '
    'Tom went on, and the old man whispered, "Yes," said somebody; Lady Bertram\'s reply '
    "was placid. With a great thump, Poirot demolished it, and Mrs Smith, sighing over "
    'it, said "Never," to Jane.\nHe smiled. In London, at last the Doctor cried out!'
)


def spans(pattern: re.Pattern[str], start: int, end: int) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(TEXT, start, end)]


def test_scanners_find_the_same_matches_as_their_patterns():
    for module in (attribution_tags, characters, speakers):
        for pattern in vars(module).values():
            if not isinstance(pattern, re.Pattern):
                continue
            fast = scanner(pattern)
            assert fast.groupindex == pattern.groupindex
            for start, end in ((0, len(TEXT)), (7, 120), (60, len(TEXT) - 5)):
                assert spans(fast, start, end) == spans(pattern, start, end)


def test_a_pattern_that_can_match_nothing_is_left_as_it_is():
    for source in (r"a*", r"(?:^|x)$", r"\w+", r"(?i)abc", r"."):
        pattern = re.compile(source)
        assert scanner(pattern) is pattern


def test_the_lookahead_lists_the_first_characters():
    fast = scanner(re.compile(r"\b(?:[Ss]ome|any)(?:body|one)\b"))
    assert fast.pattern.startswith("(?=[Sas])")
