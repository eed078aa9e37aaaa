"""Speaker attribution: a sieve from the surest evidence to the weakest.

1. A speech tag names the speaker ("said Clara", "Clara rasped"), in either order,
   before, after or inside the quote.
2. A tag or action beat points to the speaker with a pronoun or a description ("she
   whispered", "the old man said", "Her voice broke."): the most salient character
   who fits, by gender, recency and presence in the scene.
3. Quotes in one paragraph share a speaker unless a tag says otherwise; a speech
   continued over paragraphs keeps its speaker.
4. Turn-taking: in an exchange, a new paragraph is a new speaker, untagged lines
   alternate between two people, and the one addressed by name answers next.

Whatever no rule settles stays ``None``: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.model.attribution_tags import Evidence, ends_open, tag_after, tag_before
from reader.model.characters import (
    NAME_PHRASE,
    NARRATOR,
    Cast,
    Census,
    build_cast,
    name_mentions,
    normalise,
    split_name,
    title_gender,
)
from reader.model.story import Beat, Story

PRONOUN_GENDER = {"he": "male", "she": "female", "his": "male", "her": "female"}
MALE_NOUNS = frozenset(
    "man gentleman boy father brother uncle husband son lord king prince duke fellow "
    "lad sir master old-man nephew grandfather squire priest monk butler waiter "
    "footman groom count baron".split()
)
FEMALE_NOUNS = frozenset(
    "woman lady girl mother sister aunt wife daughter queen princess duchess niece "
    "grandmother maid widow mistress nurse housekeeper governess countess".split()
)
VOCATIVE = re.compile(
    rf"(?:^[\"“'‘]?[ \t\n]*|[,;!?—][ \t\n]+|\b(?:[Dd]ear|[Oo]h|O|[Aa]h|[Ww]ell|[Yy]es|[Nn]o)[ \t\n,]+)"
    rf"(?P<name>{NAME_PHRASE})(?=[ \t\n]*(?:[,!?.;]|[\"”'’]|—|--|$))"
)
FIRST_PERSON_MIN = 3
WINDOW = 4000
"""How far back (in characters) a pronoun looks for its antecedent."""


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
    continued: bool = False
    chained: bool = False
    """Follows the previous turn with no narration paragraph between them."""


def attribute_speakers(story: Story) -> None:
    """Fill ``beat.speaker`` for dialogue beats and ``story.characters``."""
    text = story.text
    turns = _turns(story)
    mentions, census = name_mentions(text, story.body_start, story.body_end)
    first_person = _census_tags(turns, census)
    cast = build_cast(census, first_person >= FIRST_PERSON_MIN)
    resolver = _Resolver(story, cast, mentions)
    resolver.run(turns)
    _fill_alternation(turns)
    if NARRATOR in cast.people:
        _name_narrator(turns, cast)
    _write_back(story, cast, turns)


def _census_tags(turns: list[Turn], census: Census) -> int:
    """Record speech-tag subjects as names; return how often "I" tags speech."""
    first_person = 0
    for turn in turns:
        for ev in turn.evidence:
            if ev is None or not ev.explicit:
                continue
            subject = ev.subject
            words = subject.split()
            if subject == "I":
                first_person += 1
            elif subject[0].isupper() and words[0] not in ("He", "She", "The", "His", "Her"):
                key = normalise(subject)
                census.tagged[key] += 1
                if ev.inverted:
                    census.inverted.add(key)
            elif words[0] == "the" and len(words) <= 3 and _describes_someone(words[-1]):
                key = normalise(subject)
                census.tagged[key] += 1
                if ev.inverted:
                    census.inverted.add(key)
    for key, n in list(census.tagged.items()):
        if key.startswith("the ") and n < 2 and key.split()[1].islower():
            del census.tagged[key]
    return first_person


def _describes_someone(noun: str) -> bool:
    """ "the mariner" may name a character; "the girl" or "the other" only points to one."""
    return (
        noun.isalpha()
        and noun not in MALE_NOUNS
        and noun not in FEMALE_NOUNS
        and noun
        not in ("other", "former", "latter", "first", "second", "last", "one", "voice", "same")
    )


def _turns(story: Story) -> list[Turn]:
    """Group dialogue beats by paragraph and read the tags around each quote."""
    text = story.text
    turns: list[Turn] = []
    beats = story.beats
    last_para = -1
    previous_unclosed = False
    prev_turn_para = -2
    for i, beat in enumerate(beats):
        if beat.kind != "dialogue":
            continue
        if beat.paragraph != last_para:
            continued = previous_unclosed and beat.start == story.paragraphs[beat.paragraph].start
            chained = prev_turn_para == beat.paragraph - 1
            turns.append(
                Turn(beat.paragraph, beat.scene, [], [], continued=continued, chained=chained)
            )
            last_para = beat.paragraph
            prev_turn_para = beat.paragraph
        turn = turns[-1]
        turn.lines.append(beat)
        found = _evidence(text, beats, i)
        if found is None and len(turn.lines) == 1 and i > 0:
            found = _lead_in(text, beats[i - 1], beat)
        turn.evidence.append(found)
        previous_unclosed = _unclosed(text, beat, story)
    return turns


def _unclosed(text: str, beat: Beat, story: Story) -> bool:
    """The quote runs to its paragraph's end without a closing mark."""
    para = story.paragraphs[beat.paragraph]
    if beat.end < para.end:
        return False
    inner = text[beat.start + 1 : beat.end]
    return not inner.rstrip().endswith(('"', "”", "'", "’", "»"))


def _lead_in(text: str, before: Beat, beat: Beat) -> Evidence | None:
    """A narration paragraph ending "...replied with great intrepidity," introduces the quote."""
    if before.kind != "narration" or before.paragraph != beat.paragraph - 1:
        return None
    end = before.end
    while end > before.start and text[end - 1] in "-—– \n":
        end -= 1
    if end <= before.start or text[end - 1] not in ",:":
        return None
    found = tag_before(text, before.start, end)
    return found if found is not None and found.explicit else None


def _evidence(text: str, beats: list[Beat], i: int) -> Evidence | None:
    beat = beats[i]
    after = beats[i + 1] if i + 1 < len(beats) else None
    before = beats[i - 1] if i > 0 else None
    found = None
    if after is not None and after.kind == "narration" and after.paragraph == beat.paragraph:
        found = tag_after(text, after.start, after.end, ends_open(text, beat.start, beat.end))
        if found is not None and found.explicit:
            return found
    if before is not None and before.kind == "narration" and before.paragraph == beat.paragraph:
        earlier = tag_before(text, before.start, before.end)
        if earlier is not None and (earlier.explicit or found is None):
            return earlier
    return found


class _Resolver:
    """Resolve names, pronouns and descriptions to characters, turn by turn."""

    def __init__(self, story: Story, cast: Cast, mentions: list[tuple[int, str]]) -> None:
        self.story = story
        self.text = story.text
        self.cast = cast
        self.positions = [pos for pos, _ in mentions]
        self.mention_keys = [key for _, key in mentions]
        self.history: list[Turn] = []

    def run(self, turns: list[Turn]) -> None:
        scene = -1
        for turn in turns:
            if turn.scene != scene:
                self.history = []
                scene = turn.scene
            self._turn(turn)
            self.history.append(turn)

    def _turn(self, turn: Turn) -> None:
        text = self.text
        turn.vocatives = _vocatives(text, turn.lines[-1], self.cast)
        excluded = set(_vocatives(text, turn.lines[0], self.cast))
        previous = self.history[-1] if self.history else None
        if turn.continued and previous is not None and previous.last:
            speakers = [previous.last] * len(turn.lines)
        else:
            speakers = [None] * len(turn.lines)
        explicit_any = any(ev is not None and ev.explicit for ev in turn.evidence)
        for k, ev in enumerate(turn.evidence):
            if ev is None or (explicit_any and not ev.explicit) or speakers[k]:
                continue
            speakers[k] = self._resolve(ev, turn, excluded)
        _share_within(speakers)
        if speakers[0] is None:
            guess = self._alternate(turn)
            if guess is not None:
                speakers = [s or guess for s in speakers]
        for beat, who in zip(turn.lines, speakers, strict=True):
            beat.speaker = who
        turn.speaker, turn.last = speakers[0], speakers[-1]

    def _resolve(self, ev: Evidence, turn: Turn, excluded: set[str]) -> str | None:
        subject = ev.subject
        head = subject.split()[0].lower()
        if subject == "I":
            return self.cast.find("i")
        if head in ("he", "she"):
            return self._pronoun(PRONOUN_GENDER[head], ev.pos, turn, excluded)
        if head in ("his", "her") and len(subject.split()) == 1:
            return self._pronoun(PRONOUN_GENDER[head], ev.pos, turn, excluded)
        if head == "my":
            return self.cast.find("i")
        if subject[0].isupper() and head not in ("the", "a", "an", "his", "her", "my"):
            return self.cast.find(subject)
        return self._description(subject, ev.pos, turn, excluded)

    def _description(self, subject: str, pos: int, turn: Turn, excluded: set[str]) -> str | None:
        named = self.cast.find(subject)
        if named:
            return named
        words = subject.lower().split()
        noun = words[-1]
        titled = [n for n in self._candidates(pos, turn) if _has_title(self.cast, n, noun)]
        if titled:
            return titled[0]
        if noun in MALE_NOUNS:
            return self._pronoun("male", pos, turn, excluded, other=words[0] in ("his", "her"))
        if noun in FEMALE_NOUNS:
            return self._pronoun("female", pos, turn, excluded, other=words[0] in ("his", "her"))
        return None

    def _pronoun(
        self, gender: str, pos: int, turn: Turn, excluded: set[str], other: bool = False
    ) -> str | None:
        """The most salient character of ``gender``: named just before, or in the exchange."""
        previous = self.history[-1] if self.history and turn.chained else None
        skip = set(excluded)
        if previous is not None and previous.last and not turn.continued:
            skip.add(previous.last)
        for name in self._candidates(pos, turn, local_only=True):
            if name not in skip and self.cast.gender(name) == gender and not other:
                return name
        for name in self._candidates(pos, turn):
            if name not in skip and self.cast.gender(name) == gender:
                return name
        return None

    def _candidates(self, pos: int, turn: Turn, local_only: bool = False) -> list[str]:
        """Characters by salience: this paragraph's narration, recent speakers, mentions."""
        para = self.story.paragraphs[turn.para]
        out: list[str] = []
        for key in self._mentions_between(para.start, pos):
            name = self.cast.lookup.get(key)
            if name and name not in out:
                out.append(name)
        if local_only:
            return out
        for past in reversed(self.history[-6:]):
            for name in (past.last, past.speaker, *past.vocatives):
                if name and name not in out:
                    out.append(name)
        for key in self._mentions_between(max(0, para.start - WINDOW), para.start):
            name = self.cast.lookup.get(key)
            if name and name not in out:
                out.append(name)
        return out

    def _mentions_between(self, start: int, end: int) -> list[str]:
        """Mention keys in ``[start, end)``, nearest to ``end`` first."""
        from bisect import bisect_left

        lo = bisect_left(self.positions, start)
        hi = bisect_left(self.positions, end)
        return self.mention_keys[lo:hi][::-1]

    def _alternate(self, turn: Turn) -> str | None:
        """Turn-taking: answer the one who spoke, or the one addressed."""
        if not turn.chained or not self.history:
            return None
        previous = self.history[-1]
        if previous.last is None:
            if len(self.history) >= 2 and previous.chained and not previous.continued:
                return self.history[-2].last
            return None
        for name in previous.vocatives:
            if name != previous.last:
                return name
        if len(self.history) >= 2 and previous.chained:
            before = self.history[-2]
            if before.last and before.last != previous.last:
                return before.last
        return None


def _share_within(speakers: list[str | None]) -> None:
    """Untagged quotes take the speaker of the nearest tagged quote in their paragraph."""
    known = None
    for k, who in enumerate(speakers):
        if who is None:
            speakers[k] = known
        else:
            known = who
    known = None
    for k in range(len(speakers) - 1, -1, -1):
        if speakers[k] is None:
            speakers[k] = known
        else:
            known = speakers[k]


def _has_title(cast: Cast, name: str, noun: str) -> bool:
    person = cast.people.get(name)
    if person is None:
        return False
    if noun == "doctor":
        noun = "dr"
    title = split_name(normalise(name))[0]
    return title == noun or any(split_name(normalise(a))[0] == noun for a in person.aliases)


def _vocatives(text: str, beat: Beat, cast: Cast) -> list[str]:
    """Characters addressed by name in the quote: "Doctor, don't tell her"."""
    found = []
    for match in VOCATIVE.finditer(text, beat.start, beat.end):
        name = cast.find(match.group("name"))
        if name and name not in found:
            found.append(name)
    return found


def _fill_alternation(turns: list[Turn]) -> None:
    """Back-fill the opening lines of an exchange from the first two known speakers."""
    for i in range(len(turns) - 3, -1, -1):
        turn = turns[i]
        if turn.speaker is not None or turn.continued:
            continue
        nxt, after = turns[i + 1], turns[i + 2]
        if not (nxt.chained and after.chained) or nxt.scene != turn.scene:
            continue
        if after.speaker and nxt.speaker and after.speaker != nxt.speaker:
            if after.continued or nxt.continued:
                continue
            turn.speaker = turn.last = after.speaker
            for beat in turn.lines:
                beat.speaker = after.speaker


def _name_narrator(turns: list[Turn], cast: Cast) -> None:
    """The first-person narrator goes by the name the others call them in conversation."""
    called: Counter[str] = Counter()
    for i, turn in enumerate(turns):
        if turn.speaker != NARRATOR:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(turns) and turns[j].scene == turn.scene:
                other = turns[j]
                if other.speaker != NARRATOR and (other.chained or turn.chained):
                    called.update(set(other.vocatives) - {other.speaker})
    ranked = called.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return
    name = ranked[0][0]
    person = cast.people.get(name)
    if person is None or name == NARRATOR:
        return
    narrator = cast.people[NARRATOR]
    narrator.aliases = sorted({name, *person.aliases})
    narrator.gender = narrator.gender or person.gender
    del cast.people[name]
    for key, value in list(cast.lookup.items()):
        if value == name:
            cast.lookup[key] = NARRATOR
    for turn in turns:
        for beat in turn.lines:
            if beat.speaker == name:
                beat.speaker = NARRATOR


def _write_back(story: Story, cast: Cast, turns: list[Turn]) -> None:
    """Count lines per character and export the cast, speakers first."""
    lines: Counter[str] = Counter()
    for turn in turns:
        for beat in turn.lines:
            if beat.speaker:
                lines[beat.speaker] += 1
    characters = []
    for name, person in cast.people.items():
        person.lines = lines[name]
        if person.gender is None:
            person.gender = title_gender(split_name(normalise(name))[0])
        if person.lines or name != NARRATOR:
            characters.append(person)
    characters.sort(key=lambda c: (-c.lines, c.name))
    story.characters = characters
