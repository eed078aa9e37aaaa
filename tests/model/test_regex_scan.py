"""The scanning lookahead keeps every match, group and span of the pattern it speeds."""

from __future__ import annotations

import re

from reader.model import attribution_tags, characters, speakers
from reader.model.regex_scan import by_first_letter, scanner

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


def corpus_texts() -> list[str]:
    """The PDNC novels' texts, or none when the corpus is absent."""
    from reader.bench.pdnc import default_root, novels
    from reader.model.loader import decode

    root = default_root()
    if root is None:
        return []
    return [decode(novel.path.read_bytes(), novel.path) for novel in novels(root)]


def test_fast_census_scans_agree_with_their_patterns_on_the_corpus():
    """NAME_SCAN and _lower_words restate NAME_RE and LOWER_WORD: a change to one must
    reach the other, which this catches on real novels."""
    from collections import Counter

    import pytest

    from reader.model.characters import LOWER_WORD, NAME_RE, NAME_SCAN, _lower_words

    texts = corpus_texts()
    if not texts:
        pytest.skip("PDNC corpus not present")
    for text in texts:
        assert [m.span() for m in NAME_SCAN.finditer(text)] == [
            m.span() for m in NAME_RE.finditer(text)
        ]
        start, stop = 1001, min(len(text), 151_001)
        expected = Counter(LOWER_WORD.findall(text, start, stop))
        found = _lower_words(text, start, stop)
        assert found == expected and list(found) == list(expected)


def test_scanners_agree_with_their_patterns_on_the_corpus():
    import pytest

    texts = corpus_texts()
    if not texts:
        pytest.skip("PDNC corpus not present")
    patterns = [
        p
        for module in (attribution_tags, characters, speakers)
        for p in vars(module).values()
        if isinstance(p, re.Pattern) and scanner(p) is not p
    ]
    for text in texts[:2]:
        for start in range(0, 120_000, 1000):
            end = start + 240
            for pattern in patterns:
                fast = scanner(pattern)
                expected = [(m.span(), m.groups()) for m in pattern.finditer(text, start, end)]
                assert [(m.span(), m.groups()) for m in fast.finditer(text, start, end)] == expected


def test_words_by_first_letter_match_as_the_flat_alternation():
    words = sorted(
        ["Mr", "Mrs", "M", "Miss", "Sir", "Lady", "Lord", "said", "sighed", "s", "and", "An"],
        key=len,
        reverse=True,
    )
    grouped = re.compile(rf"\b(?:{by_first_letter(words)})(?:\b|\.)")
    flat = re.compile(rf"\b(?:{'|'.join(words)})(?:\b|\.)")
    assert grouped.pattern != flat.pattern
    assert spans(grouped, 0, len(TEXT)) == spans(flat, 0, len(TEXT))
    assert spans(grouped, 0, len(TEXT))  # the sample has some of them
