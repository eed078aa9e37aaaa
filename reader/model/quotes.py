"""Find the quoted speech in a paragraph.

The rules a reader uses, written down:

* Double marks (straight, curly, guillemets, „German“) open and close speech; single
  marks do too in British-style texts, where doubles are the nested ones.
* A mark opens when it leans on the word after it and closes when it leans on the word
  before it; a straight mark that leans both ways or neither takes its turn.
* An apostrophe between letters (don't), before an elided word ('em, 'tis) or after a
  plural (the boys') is not a quotation mark.
* Nested quotes stay inside their outer quote; an unclosed quote ends with its paragraph.
* A short quoted word inside a sentence ("the so-called "cure" was") is a scare quote or a
  title, not speech.
* In texts that mark speech with a leading dash, a paragraph that opens with one is speech
  up to the next dash, which hands over to narration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"“”„«»'
SINGLE_MARKS = "'‘’‹›"
DASHES = "—―–"
OPENING_PUNCT = "([{—–-―/:"
CLOSING_GLYPHS = "”»"
OPENING_GLYPHS = "“„«"
ELISIONS = frozenset(
    "em tis twas twere twill twould til till cause cos coz bout round cept nuff neath fore "
    "ere n im er ow ave e kay scuse spose n' un ud".split()
)
NAMING_WORDS = frozenset(
    "the a an called named termed word phrase entitled title as his her their its my our "
    "your of".split()
)
"""Words before a quoted term that make it a name or a title ("the "Coach and Horses"")."""
LETTER_LINE = re.compile(
    r"""^(?:(?:my\s+)?dear(?:est)?\b[^"]{0,40},
      | yours\b.{0,40} | believe\s+me\b.{0,30}
      | your\s+(?:affectionate|sincere|obedient|loving|devoted|humble)\b.{0,40}
      | ever\s+your.{0,30}
      | (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)[,.]?
    )$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
"""A salutation, closing or date of a quoted letter: the page, not a voice."""
SPEECH_TAG_AFTER = re.compile(
    r"[\s,]*(?:(?:he|she|it|they|I|we|you|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+)?"
    r"(?:said|says|cried|asked|answered|replied|returned|exclaimed|whispered|shouted|called|"
    r"muttered|murmured|added|began|continued|repeated|remarked|observed|thought|went\s+on)\b"
)
"""'"So much for that," she cried': a tag right after the closing mark means speech."""
DASH_TAG = re.compile(
    r"(?<=[,?!…])\s+(?=(?:(?:he|she|they|I|we|[A-Z][\w.]*)\s+)?(?:said|asked|answered|"
    r"replied|cried|whispered|shouted|called|muttered|murmured|added|says|asks)\b)"
)
"""Where a speech tag begins inside a dash-led speech line."""
WRITTEN = re.compile(
    r"\b(?:read|ran|wrote|written|inscription|inscribed|lettered|printed|engraved)"
    r"\s*[:,]?\s*(?:--|—)?\s*$"
)
SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
DECADE = re.compile(r"\d\d(?:s|th)?")
SPEECH_VERBS = frozenset(
    "said says say cried cries asked asks answered answers replied replies whispered "
    "shouted called exclaimed muttered murmured added went yelled screamed".split()
)
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
DOUBLE_RE = re.compile(r"[\"“”„«»]")
SINGLE_RE = re.compile(r"['‘’‹›\"“”„«»]")


@dataclass(frozen=True, slots=True)
class QuoteStyle:
    """Which marks a whole text uses for speech; decided once per story."""

    singles: bool = False
    """Single marks are the outer speech marks (British house style)."""
    dashes: bool = False
    """A paragraph opening with a dash is speech (continental house style)."""


def detect_style(text: str, paragraphs: list[tuple[int, int]]) -> QuoteStyle:
    """Count how paragraphs open their speech to learn the house style."""
    double_open = single_open = dash_open = 0
    for start, end in paragraphs:
        first = text[start]
        if first in DOUBLE_MARKS:
            double_open += 1
        elif first in "‘‹" or (first == "'" and not _is_elision(text, start + 1, end)):
            single_open += 1
        elif first in DASHES:
            dash_open += 1
    doubles = len(DOUBLE_RE.findall(text))
    singles = text.count("‘") + len(re.findall(r"(?:^|[\s(—–])'(?=[A-Za-z])", text))
    use_singles = single_open > double_open and singles > doubles / 2
    use_dashes = dash_open >= 3 and dash_open > double_open and dash_open > single_open
    return QuoteStyle(singles=use_singles, dashes=use_dashes)


def find_quotes(text: str, start: int, end: int, style: QuoteStyle) -> list[tuple[int, int]]:
    """Spans of speech in the paragraph ``text[start:end]``, marks included, in order."""
    if style.dashes and text[start] in DASHES:
        return _dash_speech(text, start, end)
    pattern = SINGLE_RE if style.singles else DOUBLE_RE
    spans: list[tuple[int, int]] = []
    open_at = -1
    open_double = False
    for match in pattern.finditer(text, start, end):
        pos = match.start()
        mark = text[pos]
        is_double = mark in DOUBLE_MARKS
        if open_at < 0:
            if not is_double and not _single_opens(text, pos, start, end):
                continue
            if _leans(text, pos, start, end) == "close" and mark not in OPENING_GLYPHS:
                continue
            open_at, open_double = pos, is_double
            continue
        if open_double != is_double:
            continue  # a nested quote of the other family
        if not is_double and not _single_closes(text, pos, start, end):
            continue
        lean = _leans(text, pos, start, end)
        if lean == "open" and mark not in CLOSING_GLYPHS:
            # An opening mark while a quote is open: the writer forgot to close it.
            close = pos
            while close > open_at + 1 and text[close - 1].isspace():
                close -= 1
            spans.append((open_at, close))
            open_at = pos
            continue
        spans.append((open_at, pos + 1))
        open_at = -1
    if open_at >= 0:
        spans.append((open_at, end))
    if len(spans) == 1 and spans[0] == (start, end) and _is_letter_line(text, start, end):
        return []
    kept = [
        span
        for span in spans
        if not _is_scare_quote(text, span, start, end) and not _is_written(text, span, start)
    ]
    if kept and _is_reported(text, kept[0], start, end):
        kept.pop(0)
    return kept


def _is_written(text: str, span: tuple[int, int], start: int) -> bool:
    """ "the sign read: "Keep out."": words on a page or a sign are not a voice."""
    return span[0] > start and bool(WRITTEN.search(text, max(start, span[0] - 30), span[0]))


def _is_reported(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """ "she assured him "that she was not afraid"": a lowercase quote opening mid-sentence,
    with no speech before it in the paragraph, is reported speech or a quoted phrase."""
    open_at = span[0]
    if open_at == start:
        return False
    first = text[open_at + 1 : open_at + 3].lstrip("_*")[:1]
    if not first.islower():
        return False
    before = text[max(start, open_at - 3) : open_at].rstrip()
    if before.endswith((":", "—", "--")):
        return False
    return not SPEECH_TAG_AFTER.match(text, span[1], end)


def _is_letter_line(text: str, start: int, end: int) -> bool:
    """A whole quoted paragraph like "Dear Meg," or "Yours truly," or "HELEN."."""
    inner = text[start + 1 : end - 1].strip()
    if not inner or len(inner) > 60:
        return False
    letters = [ch for ch in inner if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(inner.split()) <= 4:
        return inner[-1] in ".,"
    return bool(LETTER_LINE.match(inner))


def _leans(text: str, pos: int, start: int, end: int) -> str:
    """ "open" if the mark hugs the next word, "close" if it hugs the previous one."""
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    before_open = before.isspace() or before in OPENING_PUNCT or before in DOUBLE_MARKS
    after_close = after.isspace() or after in ",.;:!?)]}—–-…" or after in DOUBLE_MARKS
    if before_open and not after_close:
        return "open"
    if after_close and not before_open:
        return "close"
    return "either"


def _is_elision(text: str, pos: int, end: int) -> bool:
    """'em, 'tis, '90s: an apostrophe standing for missing letters at a word's start."""
    word = WORD.match(text, pos, end)
    if not word:
        return False
    token = word.group().lower()
    return token in ELISIONS or bool(DECADE.fullmatch(token))


def _single_opens(text: str, pos: int, start: int, end: int) -> bool:
    mark = text[pos]
    if mark in "‹":
        return True
    if pos > start and text[pos - 1].isalnum():
        return False
    if pos + 1 >= end or text[pos + 1].isspace():
        return False
    return not _is_elision(text, pos + 1, end)


def _single_closes(text: str, pos: int, start: int, end: int) -> bool:
    mark = text[pos]
    if mark == "›":
        return True
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if before.isspace() or after.isalnum():
        return False  # an opener, or an apostrophe inside a word (don't)
    if before.isalpha():
        # "the boys' coats", "goin' home", "an' I": a possessive or dropped letters when
        # the next single mark in the paragraph closes again before any new quote opens.
        for later in re.finditer(r"['’‘]", text[pos + 1 : end]):
            at = pos + 1 + later.start()
            if _single_opens(text, at, start, end):
                return True
            ahead = text[at + 1] if at + 1 < end else " "
            if not ahead.isalnum() and not text[at - 1].isspace():
                return False
    return True


def _is_scare_quote(text: str, span: tuple[int, int], start: int, end: int) -> bool:
    """A short quoted term in mid-sentence ("the word "home" meant") is not speech."""
    open_at, close_at = span
    if open_at == start:
        return False
    inner = text[open_at + 1 : close_at - 1].strip().strip("_*").strip()
    if not inner or text[close_at - 1] not in "\"”»'’›“":
        return False
    if SPEECH_TAG_AFTER.match(text, close_at, end):
        return False
    words = inner.split()
    if len(words) > 4 or inner[-1] in "!?":
        return False
    before = open_at - 1
    while before > start and text[before].isspace():
        before -= 1
    prev = text[before]
    if not (prev.isalnum() or prev in "_"):
        return False
    prev_word = WORD.findall(text[max(start, before - 20) : before + 1])
    if prev_word and prev_word[-1].lower() in SPEECH_VERBS:
        return False
    if prev_word and prev_word[-1].lower() in NAMING_WORDS:
        return True
    if inner[0].islower() or inner[-1] not in ".,;:":
        return True
    after = close_at
    while after < end and text[after].isspace():
        after += 1
    return after < end and text[after].islower()


def _dash_speech(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """— Speech, said she. — More speech.

    A dash after white space starts a new piece: speech when it opens with a capital after
    the end of a sentence, a speech tag (narration) when it opens in lowercase; and a tag
    after a comma or question mark ("— Home, said Marie.") is narration too.
    """
    cuts = [start]
    for match in re.finditer(r"(?<=\s)[—―–]|[—―–](?=\s*[,.]\s)", text[start + 1 : end]):
        cuts.append(start + 1 + match.start())
    cuts.append(end)
    spans = []
    speech = True
    for index in range(len(cuts) - 1):
        seg_start, seg_end = cuts[index], cuts[index + 1]
        if index:
            opening = text[seg_start + 1 : seg_end].lstrip()[:1]
            ended = text[cuts[index - 1] : seg_start].rstrip()[-1:] in ".!?…"
            speech = opening.isupper() and (ended or not speech) or opening in '"“«'
        if not speech:
            continue
        tag = DASH_TAG.search(text, seg_start, seg_end)
        if tag:
            sentence_end = SENTENCE_END.search(text, tag.end(), seg_end)
            resume = sentence_end.end() if sentence_end else seg_end
            spans.append((seg_start, tag.start()))
            while resume < seg_end and text[resume].isspace():
                resume += 1
            seg_start = resume
        while seg_end > seg_start and text[seg_end - 1].isspace():
            seg_end -= 1
        if seg_end > seg_start:
            spans.append((seg_start, seg_end))
    return spans
