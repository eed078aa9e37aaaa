"""Reading a story's speech as turns: one per paragraph of speech, with the tags around
each quote read once (what the resolver then works from)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model.attribution_tags import (
    LOWER_WORDS,
    POSSESSIVES,
    SPEECH_THEN_STOP,
    SPEECH_VERBS,
    Evidence,
    ends_open,
    ends_with_speech_verb,
    paragraph_subject,
    silent_subject,
    speech_from,
    speech_onset,
    tag_after,
    tag_before,
)
from reader.model.story import Beat, Story


@dataclass(slots=True)
class Turn:
    """A paragraph's speech: its quotes share one speaker unless tags say otherwise."""

    para: int
    scene: int
    lines: list[Beat]
    evidence: list[Evidence | None]
    speaker: str | None = None
    last: str | None = None
    vocatives: list[str] = field(default_factory=list)
    unknown_vocatives: list[str] = field(default_factory=list)
    """Names addressed in the last quote that match no character ("Jake")."""
    rule: str | None = None
    """What settled the speaker: "evidence", "addressed", "two", "scene" or None."""
    excluded: set[str] = field(default_factory=set)
    continued: bool = False
    chained: bool = False
    gender: str | None = None
    """The tag tells the speaker's gender but not who it is ("she said" with no woman at
    hand): turn-taking may only give the line to someone of that gender."""
    unfit: frozenset[str] = frozenset()
    """Those the tag's description rules out ("said the gentleman" is not the one the
    story calls "the Child"): turn-taking may not give them the line either."""
    opens: bool = True
    """The paragraph opens on speech, not on narration ("He sat down beside her. '...'"),
    after which the one who just spoke may well go on."""
    """Follows the previous turn with no narration paragraph between them."""


def read_turns(story: Story) -> list[Turn]:
    """Group dialogue beats by paragraph and read the tags around each quote."""
    text = story.text
    turns: list[Turn] = []
    beats = story.beats
    paragraphs = story.paragraphs
    turn: Turn | None = None
    previous_unclosed = False
    for i, beat in enumerate(beats):
        if beat.kind != "dialogue":
            continue
        para = paragraphs[beat.paragraph]
        if turn is None or beat.paragraph != turn.para:
            opens = beat.start == para.start
            chained = turn is not None and turn.para == beat.paragraph - 1
            turn = Turn(beat.paragraph, beat.scene, [], [], continued=previous_unclosed and opens)
            turn.chained, turn.opens = chained, opens
            turns.append(turn)
        turn.lines.append(beat)
        found = _evidence(text, beats, i)
        if found is None and len(turn.lines) == 1 and i > 0:
            found = _lead_in(text, beats[i - 1], beat)
        turn.evidence.append(found)
        previous_unclosed = beat.end >= para.end and _unclosed(
            text, beat, story
        )  # only a quote reaching its paragraph's end can run on unclosed
    return turns


CLOSERS = frozenset("\"”'’»“‘«›‹")
"""Marks that can end a quote: English, German („…“, ‚…‘) and either way of guillemets."""


def _unclosed(text: str, beat: Beat, story: Story) -> bool:
    """The quote runs to its paragraph's end without a closing mark. A line of dash-led
    speech never has one, so it never runs on: each dash opens a new speaker's line."""
    para = story.paragraphs[beat.paragraph]
    opening = text[para.start : para.start + 4].lstrip()[:1]
    if beat.end < para.end or text[beat.start] in DASHES or opening in DASHES:
        return False
    pos = beat.end - 1
    while pos > beat.start and text[pos].isspace():
        pos -= 1
    return pos <= beat.start or text[pos] not in CLOSERS


def _lead_in(text: str, before: Beat, beat: Beat) -> Evidence | None:
    """A narration paragraph that introduces the quote: "...replied with great intrepidity,"
    or "Mr Shepherd presumed to say--"."""
    if before.kind != "narration" or before.paragraph != beat.paragraph - 1:
        return None
    end = before.end
    while end > before.start and text[end - 1].isspace():
        end -= 1  # "...observed on her behalf   " where a dash was lost
    if silent_subject(text, before.start, end) is not None:
        return None  # "Charles made no answer." leads into no one's speech
    last = text[end - 1]
    if (
        last in ",:—–-"
        or _speech_then_stop(text, max(before.start, end - 30), end)
        or ends_with_speech_verb(text, before.start, end)
    ):
        found = tag_before(text, before.start, end)
        if found is None and last in ".!":
            found = tag_before(text, before.start, end - 1)  # "..., went on."
        if found is not None and found.explicit:
            return found
    if last == ";" and ends_with_speech_verb(text, before.start, end - 1):
        found = tag_before(text, before.start, end - 1)  # "...she exclaimed;" for a colon
        return found if found is not None and found.explicit else None
    if last in ".:!—–-":
        source = speech_from(text, before.start, end)
        if source is not None:
            return source  # "She had this communication, moreover, from Mary."
    if last in ".!":
        return speech_onset(text, before.start, end)  # "Mrs. Norris began scolding."
    return None


def _speech_then_stop(text: str, start: int, end: int) -> bool:
    """``SPEECH_THEN_STOP.search(text, start, end)``, run only when a speech verb is
    among the words, as any match needs: the slow search is seldom needed."""
    if SPEECH_VERBS.isdisjoint(LOWER_WORDS.findall(text, start, end)):
        return False
    return SPEECH_THEN_STOP.search(text, start, end) is not None


def _evidence(text: str, beats: list[Beat], i: int) -> Evidence | None:
    beat = beats[i]
    after = beats[i + 1] if i + 1 < len(beats) else None
    before = beats[i - 1] if i > 0 else None
    found = None
    if after is not None and after.kind == "narration" and after.paragraph == beat.paragraph:
        found = tag_after(text, after.start, after.end, ends_open(text, beat.start, beat.end))
        if found is not None and _leads_on(text, beats, i, found):
            found = None  # '"...," and Pooh said, "..."': the tag is the next quote's
        if found is not None and found.explicit:
            led = _led_in_closed(text, beats, i) if not found.inverted else None
            return led or found
    if before is not None and before.kind == "narration" and before.paragraph == beat.paragraph:
        earlier = tag_before(text, before.start, before.end)
        if (earlier is None or earlier.subject in POSSESSIVES) and found is None:
            earlier = paragraph_subject(text, before.start, before.end) or earlier
        if earlier is None or not earlier.explicit:
            earlier = speech_from(text, before.start, before.end) or earlier
        if earlier is not None and (earlier.explicit or found is None):
            return earlier
    return found


CLOSING_MARKS = "\"”'’»›"


def _led_in_closed(text: str, beats: list[Beat], i: int) -> Evidence | None:
    """The speaker of a lead-in tag in the same paragraph ('cried Thorpe, "five-and-twenty
    if it is an inch."') keeps a quote whose sentence closes inside it: a name-first tag
    after the closed sentence ("Morland remonstrated") reports the next thing said."""
    before = beats[i - 1] if i > 0 else None
    if before is None or before.kind != "narration" or before.paragraph != beats[i].paragraph:
        return None
    lead = text[before.start : before.end].rstrip()
    if not lead or lead[-1] not in ",:":
        return None
    closed = text[beats[i].start : beats[i].end].rstrip().rstrip(CLOSING_MARKS)[-1:] in ".?!"
    if not closed:
        return None
    earlier = tag_before(text, before.start, before.end)
    if earlier is None and i > 1 and beats[i - 2].kind == "dialogue":
        earlier = tag_after(text, before.start, before.end, False)  # '"!" cried Thorpe, "'
    return earlier if earlier is not None and earlier.explicit else None


DASHES = frozenset("—–―-")


LEAD_ON_OPENERS = ("and ", "but ", "then ", "to which ", "whereupon ", "while ", "whilst ")


def _leads_on(text: str, beats: list[Beat], i: int, found: Evidence) -> bool:
    """A subject-first tag after a quote that runs into another quote belongs to that one
    when it opens a new clause: '"If you see," and Pooh said, "It\'s just..."'."""
    if found.inverted or i + 2 >= len(beats):
        return False
    after, then = beats[i + 1], beats[i + 2]
    if then.kind != "dialogue" or then.paragraph != beats[i].paragraph:
        return False
    tail = text[after.start : after.end].rstrip()
    if not tail or tail[-1] not in ",:—–-":
        return False
    if tail.lstrip(" \t\n,;").lower().startswith(LEAD_ON_OPENERS):
        return True
    before = beats[i - 1] if i > 0 else None
    if before is None or before.kind != "narration" or before.paragraph != beats[i].paragraph:
        return False
    earlier = tag_before(text, before.start, before.end)
    if earlier is None or not earlier.explicit:
        return False
    closed = text[beats[i].start : beats[i].end].rstrip().rstrip(CLOSING_MARKS)[-1:] in ".?!"
    return closed or text[before.start : before.end].rstrip()[-1:] in ",:"
