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

import gc
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache
from itertools import islice

from reader.model.attribution_tags import (
    LOWER_WORDS,
    POSSESSIVES,
    SPEECH_VERBS,
    Evidence,
    paragraph_subject,
    silent_subject,
    tag_before,
)
from reader.model.characters import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    NAME_PHRASE,
    NARRATOR,
    NOBLE_TITLES,
    NOT_NAMES,
    PLACE_NOUNS,
    SURNAME_TITLES,
    TITLES,
    Cast,
    Census,
    build_cast,
    fold,
    link_roles,
    may_be_person,
    name_mentions,
    normalise,
    role_mentions,
    split_name,
    title_gender,
)
from reader.model.misspellings import fold_misspellings
from reader.model.regex_scan import by_first_letter
from reader.model.story import Beat, Character, Paragraph, Story
from reader.model.strangers import CAPITALISED_ROLE, PLACE_BEFORE, StrangerRules
from reader.model.turn_taking import fill_alternation, refill
from reader.model.turns import CLOSING_MARKS, Turn, read_turns

PRONOUN_GENDER = {"he": "male", "she": "female", "his": "male", "her": "female"}
WHO_WAS = re.compile(
    rf",?[ \t\n]+who[ \t\n]+(?:was|is)[ \t\n]+(?:none[ \t\n]+other[ \t\n]+than[ \t\n]+)?"
    rf"(?P<name>{NAME_PHRASE})\b"
)
"""A description that says who it is: "said the boy, who was Freddy, Lucy's brother"."""
THIRD_PERSON_VERB = re.compile(
    r"[ \t\n]+(?:(?:is|was|has|had|thinks|says|said|wants|knows|will|would|can|could"
    r"|does|did)\b|[a-z]+s[ \t\n]+(?:he|she|that)\b)"
)
"""A name told of in the third person inside speech: "Marcus thinks", "Jane is"."""
NOBODY = frozenset("somebody someone anybody anyone nobody everybody everyone one voices".split())
"""Tag subjects that name no one: the line stays unattributed."""
VOCATIVE_BEFORE = frozenset(",;!?—-(\"“'‘")
VOCATIVE_AFTER = frozenset(",!?.;\"”'’—-")
TOPIC_NEXT = re.compile(r"[ \t\n]+(?:He|She)\b")
VOCATIVE_OPENING_AFTER = frozenset(",—")
"""A name opening a speech is a vocative before a comma ("Tom, come"), not before a full
stop or an exclamation ("Bingley." answers a question, "Mr. Darcy!" echoes one)."""
VOCATIVE_WORDS = ("dear", " oh", " ah", "well", " yes", " no", " o")
CLAUSE_OPENERS = (
    "and but then when while as that though if so till until before after because where "
    "whilst now yet"
).split()
"""Words after which a name opens a clause, so is its subject (tried by first letter)."""
SUBJECT_BEFORE = re.compile(
    r"(?:(^|[.!?;:\"“”'‘’(—_-][ \t\n]*|\n[ \t]*\n[ \t]*)"
    rf"|\b(?:{by_first_letter(CLAUSE_OPENERS)})[ \t\n]+)$"
)
REPORTED_VERB = re.compile(
    r"(?:[A-Z][a-z]*\.?[ \t\n]+)*[A-Za-z]+[ \t\n]+(?:[a-z]+ly[ \t\n]+)?([a-z]+)\b"
)
"""A subject and its verb: "Miss Honeychurch assented", "He gravely explained"."""
SENTENCE_END = re.compile(r"[.!?;]")
ASSENT_VERBS = frozenset("assented agreed consented acquiesced apologized apologised".split())
"""Verbs that tell a whole answer: "Miss Honeychurch assented." """
REPORTED_THAT = re.compile(r"[^.;:!?\"“”]{0,40}?\b(?:that|whether|if|how|what|why)\b")
"""A speech verb followed by "that", "whether" and the like: reported speech ("said that,
for her part, she thought it lovely", "asked whether he would come")."""
SUBORDINATING = frozenset(
    "when while as that though if till until before after because where whilst".split()
)
"""Openers of a clause whose subject is not the sentence's: "Sikes turned to where Noah
was sleeping. 'Well!' he said." is Sikes."""
MAIN, SUBORDINATE = 2, 1
SUBJECT_PRONOUN = {
    "male": re.compile(r"\b[Hh]e\b"),
    "female": re.compile(r"\b[Ss]he\b"),
}
NOT_VERBS = (
    "of and or for to in at with on by from as but nor than who whom whose which the a an"
).split()
"""Words after a name that show it is no subject acting: "Tom and", "Tom of"."""
SUBJECT_AFTER = re.compile(
    rf"[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?!(?:{by_first_letter(NOT_VERBS)})\b)[a-z]+"
)
COMMA_BEFORE = re.compile(r",[ \t\n]+$")
PAST_VERBS = (
    "was had made came went saw stood sat rose began knew felt thought put got held ran shook "
    "took gave left drew threw caught led kept fell found met struck seemed"
).split()
PAST_VERB_AFTER = re.compile(
    rf"[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?:[a-z]+ed|{by_first_letter(PAST_VERBS)})\b"
)
"""A verb in the past after a subject: "the General made", "Tom quietly turned"."""
NAMED_TAIL = re.compile(rf"(?<=[ \t\n])(?:{NAME_PHRASE})$")
"""A name closing a description: "the more candid Lady Bertram"."""
SELF_NAMED = re.compile(
    rf"(?:^|[.!?,;:—–-][ \t\n]*|\band[ \t\n]+)(?:I['’]m|I[ \t\n]+am|[Mm]y[ \t\n]+name['’]s|"
    rf"[Mm]y[ \t\n]+name[ \t\n]+is)[ \t\n]+(?P<name>{NAME_PHRASE})(?=[ \t\n]*(?:[,.!;—–-]|$))"
)
"""A speaker naming themselves: "I'm Noah Claypole," "Yes, I am Aziz." "My name is Oliver,"
(not "I am Miss Schlegel's aunt", nor "I'm sure")."""
SELF_NAMING_WORDS = re.compile(r"I['’]m|I am|name")
"""What every SELF_NAMED match holds."""
UNNAMED_HEADS = frozenset("he she the a an his her".split())
"""Tag subjects that do not name their speaker, even capitalised ("The girl replied")."""
FIRST_PERSON_MIN = 1.5
"""'I said' once and 'I shrug' once make a first-person story."""
WINDOW = 6000
"""How far back (in characters) a pronoun looks for its antecedent."""
PARAS = 12
"""How many paragraphs back a pronoun looks for its antecedent."""
NEAR_PARAS = 2
"""How many paragraphs back someone other than the last speaker must have been seen to
be a likelier "he" than the man who just spoke, when no one else in the talk fits."""


def attribute_speakers(story: Story, trace: dict[int, str] | None = None) -> None:
    """Fill ``beat.speaker`` for dialogue beats and ``story.characters``.

    ``trace``, when given, receives the rule that decided each beat (by beat start),
    for studying the sieve. The cycle collector pauses meanwhile: attribution makes
    hundreds of thousands of short-lived matches and tuples, none in cycles, and the
    collections they trigger would walk the whole story's beats again and again (about 7%
    of the time). Whatever cycles there are go at the next collection."""
    paused = gc.isenabled()
    gc.disable()
    try:
        _attribute(story, trace)
    finally:
        if paused:
            gc.enable()


def _attribute(story: Story, trace: dict[int, str] | None) -> None:
    text = story.text
    turns = read_turns(story)
    quotes = [(b.start, b.end) for b in story.beats if b.kind == "dialogue"]
    mentions, census = name_mentions(text, story.body_start, story.body_end, quotes)
    first_person = _census_tags(turns, census)
    if first_person:  # "I say" once, and the narration opens sentences on "I"
        first_person += _narrator_sentences(story, quotes)
    cast = build_cast(census, first_person >= FIRST_PERSON_MIN)
    fold_misspellings(cast, census)
    lowered = text.lower()
    shared = _title_roles(cast, census)
    link_roles(text, cast, lowered)
    roles = role_mentions(text, story.body_start, story.body_end, cast, lowered)
    if roles:
        known = {pos for pos, _, _ in mentions}
        mentions = sorted(mentions + [m for m in roles if m[0] not in known])
    mentions, placed = _place_title_roles(cast, mentions, shared)
    _link_by_scene(story, turns, cast, mentions)
    resolver = _Resolver(story, cast, mentions, trace)
    resolver.placed = placed
    resolver.lowered = lowered
    resolver.common = census.lower
    resolver.census = census
    resolver.mid_caps = census.mid_caps
    _drop_kinds(cast, resolver)
    _link_by_address(turns, cast, resolver)
    resolver.run(turns)
    fill_alternation(turns, trace)
    refill(turns, trace, cast)
    _join_spoken_names(turns, cast, resolver)
    _link_by_address(turns, cast, resolver)  # names merged since may now agree
    if NARRATOR in cast.people:
        _name_narrator(turns, cast, resolver)
    _write_back(story, cast, turns, census)


KIN = {
    "husband": ("male", ("mr", "sir", "lord")),
    "wife": ("female", ("mrs", "lady")),
    "father": ("male", ("mr", "sir", "lord")),
    "mother": ("female", ("mrs", "lady")),
    "brother": ("male", ()),
    "sister": ("female", ()),
    "son": ("male", ()),
    "daughter": ("female", ()),
}
"""Kin nouns: the kin's gender and the titles the head of a family goes by ("her husband"
is the Mr. of her surname; "his sister" is one of his surname but not its Mr. or Mrs.)."""
PARENTS = ("mother", "father")
NAMED_KIN = ("mother", "father", "wife")
"""Kin who surely bear the owner's surname: parents, and a man's wife."""
ROLE_TITLES = frozenset(
    "count countess captain colonel major general admiral lieutenant sergeant doctor dr "
    "professor inspector judge constable detective superintendent vicar rector bishop "
    "archbishop duke duchess earl baron baroness prince princess king queen marquis marquess "
    "marquise marchioness viscount viscountess governor mayor commissioner".split()
)
"""Titles the narration also uses as a role: Count Mippipopolous is "the count"."""
ROLE_MENTIONS = 3
"""How often a titled character is named before "the <title>" is taken to be them."""
TITLE_LEAD = 3
"""How many times more often one holder of a title is named than another for "the
<title>" to be them: Admiral Croft named 13 times, Admiral Baldwin 4."""


def _title_roles(cast: Cast, census: Census) -> dict[str, set[str]]:
    """The one character holding a title, when the story often names them, is "the
    <title>" too: "The count was beaming. ... 'You are very nice people,' he said."

    A noble named in full style ("the Duchess of Monmouth") is "the duchess" though named
    once: that is how the style is used. Several such holders share the role, which then
    goes by where it is read (see ``_place_title_roles``); they are returned by title."""
    named: Counter[str] = Counter()
    for key, count in census.counts.items():
        name = cast.lookup.get(key)
        if name:
            named[name] += count
    holders: dict[str, set[str]] = {}
    styled: set[str] = set()
    for name, person in cast.people.items():
        titled = [split_name(normalise(surface)) for surface in (name, *person.aliases)]
        if any(_styled(title, words) for title, words in titled):
            styled.add(name)
        elif named[name] < ROLE_MENTIONS:
            continue
        for title, _ in titled:
            if title in ROLE_TITLES:
                holders.setdefault("doctor" if title == "dr" else title, set()).add(name)
    shared: dict[str, set[str]] = {}
    for title, names in holders.items():
        key = "the " + title
        ranked = sorted(names, key=lambda n: (-named[n], n))
        if title in NOBLE_TITLES and names & styled:
            shared[title] = names  # two duchesses: "the duchess" is the one named last
        elif len(ranked) > 1 and named[ranked[0]] < TITLE_LEAD * named[ranked[1]]:
            continue  # two admirals named as often: "the admiral" could be either
        holder = ranked[0]
        role = cast.lookup.get(key)
        if role is None:
            cast.lookup[key] = holder
        elif role != holder and role in cast.people and normalise(role) == key:
            # "said the major" made a character of its own; it is Major Barton
            fits = cast.gender(role) in (None, cast.gender(holder))
            if fits and named[role] <= named[holder] * 4:
                fold(cast, role, holder)
    return shared


def _styled(title: str | None, words: list[str]) -> bool:
    """A noble's full style: "duchess" with "of monmouth"."""
    return title in NOBLE_TITLES and len(words) == 1 and words[0].startswith("of ")


def _place_title_roles(
    cast: Cast, mentions: list[tuple[int, int, str]], shared: dict[str, set[str]]
) -> tuple[list[tuple[int, int, str]], dict[int, str]]:
    """ "the duchess" is the holder of that title named last before it, as a reader takes
    it: the Duchess of Harley at one dinner, the Duchess of Monmouth at another party, and
    before any is named, the first named after. Her mentions are rewritten to her name;
    the positions of the rewritten ones go with who they are, for the tags there."""
    if not shared:
        return mentions, {}
    titles_of: dict[str, list[str]] = {}
    for title, names in shared.items():
        for name in names:
            titles_of.setdefault(name, []).append(title)
    last: dict[str, str] = {}
    waiting: dict[str, list[int]] = {}
    who: dict[int, str] = {}
    for i, (_, _, key) in enumerate(mentions):
        title = key[4:] if key.startswith("the ") else key
        if title in shared and (title != key or normalise(cast.lookup.get(key) or key) == key):
            # "the duchess", and "Duchess" said to her, unless someone goes by that name
            if title in last:
                who[i] = last[title]
            else:
                waiting.setdefault(title, []).append(i)
            continue
        name = cast.lookup.get(key)
        for title in titles_of.get(name, ()) if name else ():
            last[title] = name
            for j in waiting.pop(title, ()):
                who[j] = name
    placed: dict[int, str] = {}
    rewritten = list(mentions)
    for i, name in who.items():
        pos, end, _ = mentions[i]
        own = normalise(name)
        if cast.lookup.get(own) == name:
            rewritten[i] = (pos, end, own)
            placed[pos] = name
    return rewritten, placed


SCENE_LINK_MIN = 5
"""How many of a role's tagged lines must have the named person present to link them."""


def _link_by_scene(
    story: Story, turns: list[Turn], cast: Cast, mentions: list[tuple[int, int, str]]
) -> None:
    """A role no apposition names ("said the painter") is the named person of its gender
    who is present, in the paragraph or the three before, whenever it speaks, and who
    never answers it: one tagged by name just before or after its line is someone else."""
    roles = {
        n
        for n, p in cast.people.items()
        if p.gender
        and normalise(n).startswith("the ")
        and normalise(n).split()[-1] not in TITLES | ROLE_TITLES  # "the admiral" has a holder
    }
    if not roles:
        return
    finds: dict[str, str | None] = {}

    def find(surface: str) -> str | None:
        """``cast.find``, once per surface: the cast stays as it is until the folds."""
        if surface not in finds:
            finds[surface] = cast.find(surface)
        return finds[surface]

    tagged = _tagged_names(turns, find)
    starts = [m[0] for m in mentions]
    paragraphs = story.paragraphs
    seen: Counter[str] = Counter()
    votes: dict[str, Counter[str]] = {}
    against: dict[str, set[str]] = {}
    for i, turn in enumerate(turns):
        for role in tagged[i] & roles:
            seen[role] += 1
            gender = cast.gender(role)
            lo = bisect_left(starts, paragraphs[max(0, turn.para - 3)].start)
            hi = bisect_left(starts, paragraphs[turn.para].end)
            present = {find(m[2]) for m in mentions[lo:hi]}
            near = set(tagged[i])
            if turn.chained and i:
                near |= tagged[i - 1]
            if i + 1 < len(turns) and turns[i + 1].chained:
                near |= tagged[i + 1]
            for name in present:
                if name and name not in roles and name != NARRATOR:
                    if cast.gender(name) == gender:
                        votes.setdefault(role, Counter())[name] += 1
                        if name in near:
                            against.setdefault(role, set()).add(name)
    for role, counter in votes.items():
        clear = [(n, v) for n, v in counter.most_common() if n not in against.get(role, ())]
        if not clear:
            continue
        (name, count), rival = clear[0], clear[1][1] if len(clear) > 1 else 0
        if count >= SCENE_LINK_MIN and count * 5 >= seen[role] * 3 and rival * 2 < count:
            fold(cast, role, name)


def _drop_kinds(cast: Cast, resolver: _Resolver) -> None:
    """ "said the Englishman" made a character of its own, but the story speaks of
    Englishmen: one of a kind of people is someone the story knows under a description
    (see ``_one_of_many``), not a being of that name."""
    for name in list(cast.people):
        words = name.split()
        if len(words) != 2 or words[0].lower() != "the" or not CAPITALISED_ROLE.fullmatch(words[1]):
            continue
        if resolver._one_of_many(words[1]):
            del cast.people[name]
            for key in [k for k, v in cast.lookup.items() if v == name]:
                del cast.lookup[key]


def _tagged_names(turns: list[Turn], find: Callable[[str], str | None]) -> list[set[str]]:
    """Each turn's speakers as its speech tags name them (roles included)."""
    tagged: list[set[str]] = []
    for turn in turns:
        names = set()
        for ev in turn.evidence:
            if ev is not None and ev.explicit:
                found = find(ev.subject)
                if found:
                    names.add(found)
        tagged.append(names)
    return tagged


ADDRESS_LINK_MIN = 2
"""How many lines addressed by one name a role must answer (or be answered by) to be
that named person."""


def _link_by_address(turns: list[Turn], cast: Cast, resolver: _Resolver) -> None:
    """A role ("said the clergyman") is the named person it answers to: the line just
    before it calls "Mr. Beebe", or the line just after it answers "Oh, Mr. Beebe", again
    and again, and Mr. Beebe is never tagged beside it (which would make him someone
    else)."""
    roles = {
        n
        for n in cast.people
        if normalise(n).startswith("the ") and cast.lookup.get(normalise(n)) == n
    }
    if not roles:
        return
    tagged = _tagged_names(turns, cache(cast.find))  # the cast stays as it is until the folds
    votes: dict[str, Counter[str]] = {}
    against: dict[str, set[str]] = {}
    for i, turn in enumerate(turns):
        for role in tagged[i] & roles:
            near = set(tagged[i])
            if turn.chained and i:
                near |= tagged[i - 1]
            if i + 1 < len(turns) and turns[i + 1].chained:
                near |= tagged[i + 1]
            against.setdefault(role, set()).update(near)
            called: list[str] = []
            if turn.chained and i and turns[i - 1].scene == turn.scene:
                called += resolver._addressed(turns[i - 1].lines[-1])[0]
            if i + 1 < len(turns) and turns[i + 1].chained and turns[i + 1].scene == turn.scene:
                called += resolver._addressed(turns[i + 1].lines[0])[0]
            for name in set(called):
                if name not in roles and name != NARRATOR:
                    votes.setdefault(role, Counter())[name] += 1
    for role, counter in votes.items():
        gender = cast.gender(role)
        clear = [
            (n, v)
            for n, v in counter.most_common()
            if n not in against[role] and (gender is None or cast.gender(n) in (None, gender))
        ]
        if not clear:
            continue
        (name, count), rival = clear[0], clear[1][1] if len(clear) > 1 else 0
        if count >= ADDRESS_LINK_MIN and rival * 2 < count and name in cast.people:
            _merge_into(role, name, turns, cast)


I_VERB = re.compile(r" *(?!am\b)[a-z]+")
"""The word after a sentence-opening "I": a verb, "I sit down next to her."."""
NARRATOR_SENTENCES = 3
"""Sentences of narration opening on "I" that, with one "I said", make a first-person
story; each counts half a tag."""


def _narrator_sentences(story: Story, quotes: list[tuple[int, int]]) -> float:
    """Half a point for each narration sentence that opens on "I", up to a point and a
    half: "I find Jess on the roof." tells a first-person story as surely as "I say"."""
    text, end = story.text, story.body_end
    starts = [a for a, _ in quotes]
    found = 0
    pos = text.find("I ", story.body_start, end)
    while pos != -1 and found < NARRATOR_SENTENCES:
        if _opens_sentence(text, pos) and I_VERB.match(text, pos + 2):
            i = bisect_right(starts, pos) - 1
            if i < 0 or quotes[i][1] <= pos:  # "I" inside speech is anyone's
                found += 1
        pos = text.find("I ", pos + 2, end)
    return found / 2


def _opens_sentence(text: str, pos: int) -> bool:
    back = pos - 1
    while back >= 0 and text[back] == " ":
        back -= 1
    return back < 0 or text[back] == "\n" or (back < pos - 1 and text[back] in ".!?")


def _census_tags(turns: list[Turn], census: Census) -> float:
    """Record speech-tag subjects as names; return how often "I" tags speech."""
    first_person = 0
    for turn in turns:
        for ev in turn.evidence:
            if ev is not None and not ev.explicit and ev.subject == "I":
                first_person += 0.5  # "I shrug. 'Maybe.'"
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
            if ev.to and ev.to[:1].isupper():
                census.addressed[normalise(ev.to)] += 1  # "said Elizabeth to Jane"
            if subject == "I" or subject[0].isupper():
                continue
            if words[0] == "the" and len(words) <= 3 and _describes_someone(words[-1]):
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


ACROSS_NARRATION = 150
"""A paragraph of narration this short, naming no one who acts, does not end a talk."""
ADDRESS_AFTER = re.compile(r"[ \t\n]+(?:sir|madam|ma['’]am|miss|my[ \t\n]+(?:lord|lady))\b")
"""A form of address right after a name's comma: the name is what is said, not to whom."""
EXAMPLE_BEFORE = re.compile(
    r"\b(?:for[ \t\n]+example|for[ \t\n]+instance|namely|such[ \t\n]+as|especially|"
    r"including|except)$"
)
"""Words that bring in a name as an example, not as one spoken to."""
APPOSED_AFTER = re.compile(r"[ \t\n]+an?[ \t\n]")
MET_PARAS = 2
"""How many paragraphs before a line the narration may have brought in the one who answers
it ("Catherine walked in and sat down." / "'Here you are,' said Mrs. Allen." / "'Yes.'")."""
ACTING_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")
WITH_NARRATOR = re.compile(
    r"\b(?:[Ww]e\b(?! all)|(?:to|at|with|beside|towards?) me\b"
    r"|(?:[Ss]he|[Hh]e) [a-z]+(?: [a-z]+ly)? me\b)"
)
"""Narration that puts the narrator with someone: "We crossed the street", "She turned to
me", "She kissed me coolly" (not "We all looked at each other", nor "It puzzled me")."""
NARRATOR_PARAS = 2
"""How many paragraphs before a talk its narration may show the narrator in it."""
ONLY_NAMED_LENGTH = 200
"""A paragraph this short that names one person and makes no one its subject brings that
person in to speak next."""
SPOKEN_NAME_ANSWERS = 2
NOT_WOMEN = frozenset("witness press address dress mattress fortress process success".split())
"""Words ending in "-ess" that are no woman's: "said the witness" may be anyone."""
YOUNG_NOUNS = frozenset("boy lad child".split())
ADULT_NOUNS = frozenset("man gentleman woman lady".split())
OLD_WORDS = frozenset("old elderly aged".split())
CHILD_TITLES = ("master", "miss")
"""Titles a child may go by: Master Bates is still "the boy"."""
DESCRIBED = re.compile(
    r"he(?<=\b[Tt]he)[ \t\n]+(?:[a-z]+[ \t\n]+)?(man|gentleman|woman|lady|girl|boy|lad|child)\b"
)
"""'the old gentleman', found from its literal "he" (the article checked behind it), which
the regex engine jumps to: six times faster than trying every position for [Tt]."""
DESCRIBED_REACH = 600
"""How far back the narration is read for whom a description just met can be."""
YOUNG_WORDS = frozenset("young little".split())
YOUNG_VOTES = 5
YOUNG_SHARE = 4
"""A character is "the boy" when called so at least YOUNG_VOTES times, and in at least a
1/YOUNG_SHARE of the descriptions they could be; a titled one called so as often may be
"the lad" still (Mr. Gray), though not kept from "the man"."""
SAME_DESCRIPTION = 20
"""How many paragraphs apart two uses of one description in a scene are the same person."""
SURE_CANDIDATES = 6
"""How many of the nearest characters a description must fit only one of to be sure."""
LOCAL_REACH = 3000
"""How far back in its own paragraph a tag looks for the names just before it: the whole
paragraph of any ordinary story, but not all of a book pasted as one line."""
NARRATION_RUN = 2
"""How many narration paragraphs just before a speech the "he" who speaks it may have
been acting in: "He sat at the desk. / He wrote a note to Mr. Harris. / '...,' he said."
"""
TOPIC_NARRATION = 200
"""A paragraph with this much narration around its speech is about its speaker: the next
paragraph's "he said" may well be the same man going on."""


class _Resolver(StrangerRules):
    """Resolve names, pronouns and descriptions to characters, turn by turn."""

    def __init__(
        self,
        story: Story,
        cast: Cast,
        mentions: list[tuple[int, int, str]],
        trace: dict[int, str] | None = None,
    ) -> None:
        self.trace = trace
        self.story = story
        self.text = story.text
        self.cast = cast
        self.positions = [pos for pos, _, _ in mentions]
        self.ends = [end for _, end, _ in mentions]
        self.mention_keys = [key for _, _, key in mentions]
        self.flags: dict[int, tuple[int, bool]] = {}
        dialogue = [b for b in story.beats if b.kind == "dialogue"]
        self.quote_starts = [b.start for b in dialogue]
        self.quote_ends = [b.end for b in dialogue]
        self.history: list[Turn] = []
        self.by_para: dict[int, Turn] = {}
        self.chain_start = 0
        """Index in ``history`` of the current exchange's first turn."""
        self.narrated_keys: Counter[str] | None = None
        self.named_lines: list[Beat] | None = None
        """Lines whose speech tag names their speaker (see ``_tagged_speakers``)."""
        self.narrated_names: tuple[dict[str, str], Counter[str | None]] | None = None
        """The cast's lookup when ``_narrated`` last counted, and its counts (read-only)."""
        self.mid_caps: Counter[str] = Counter()
        """Word → capitalised uses inside a sentence, where a capital means a name."""
        self.common: Counter[str] = Counter()
        """Lower-case word counts: "Fine," opening a speech addresses no one."""
        self.census: Census | None = None
        self.para_cache: dict[int, tuple[list[str], list[str]]] = {}
        self.why = ""
        self.places: set[str] | None = None
        self.placed: dict[int, str] = {}
        """Position of a shared title's mention ("the duchess") → the holder it is."""
        self.age_sets: tuple[set[str], set[str]] | None = None
        self.married: set[str] | None = None
        """The titled grown-ups the story calls Mrs.: no one's "the girl"."""
        self.roles: dict[str, str] = {}
        """A calling met in a tag ("the drummer") → the character speaking as it."""
        self.marked: dict[str, str] = {}
        """Marked-out description ("the man with the black beard") → its noun."""
        self.marked_counts: dict[str, int] = {}
        self.lowered = ""
        """The story's text in lower case, for counting phrases whatever their case."""
        self.kinds: dict[str, bool] = {}
        """Capitalised word → whether the story uses it for a kind of people."""
        self.described: dict[tuple[int, str], tuple[str, int]] = {}
        """(scene, description) → who "the old lady" surely was there, and in what paragraph
        the description was last used."""
        """Those the story calls "the boy", and the titled grown-ups (see ``_ages``)."""

    def run(self, turns: list[Turn]) -> None:
        scene = -1
        for turn in turns:
            if turn.scene != scene:
                self.history = []
                self.chain_start = 0
                scene = turn.scene
            bridged = self._across_narration(turn)
            self._turn(turn)
            if not turn.chained and not bridged:
                self.chain_start = len(self.history)
            self.history.append(turn)
            self.by_para[turn.para] = turn

    def _turn(self, turn: Turn) -> None:
        excluded: set[str] | None = None
        for line in turn.lines:
            names, unknown = self._addressed(line)
            if excluded is None:
                excluded = set(names)  # those the first quote addresses are not speaking
                excluded |= self._spoken_of(line)
            if names:
                turn.vocatives += [n for n in names if n not in turn.vocatives]
            if unknown:
                turn.unknown_vocatives += unknown
        explicit = 0
        unnamed: list[int] = []  # lines a tag gives to "somebody" or "they"
        for k, ev in enumerate(turn.evidence):
            if ev is None:
                continue
            if ev.explicit:
                explicit += 1
                if ev.subject.lower() in NOBODY:
                    unnamed.append(k)
            spoken_to = self.cast.find(ev.to) if ev.to else None
            if spoken_to and spoken_to not in turn.vocatives:
                turn.vocatives.append(spoken_to)  # "said Elizabeth to Jane"
        assert excluded is not None
        previous = self.history[-1] if self.history else None
        first_tag = turn.evidence[0]
        named_first = (  # '"I've heard something like it," said Alice.' is no run-on
            first_tag is not None
            and first_tag.explicit
            and (
                first_tag.subject[:1].isupper()
                or first_tag.subject.startswith("the ")  # "cried the Gryphon"
            )
            and first_tag.subject not in ("He", "She", "I")
        )
        if turn.continued and previous is not None and previous.last and not named_first:
            speakers = [previous.last] * len(turn.lines)
            self._note(turn.lines, "continued")
            turn.rule = "evidence"
        else:
            speakers = [None] * len(turn.lines)
        # '"...?" they laughed. ... "...," said Lady Mellanby': a named tag keeps its line
        if unnamed and len(unnamed) == explicit:
            turn.rule = "unknown"  # "somebody shouted": no one to name, and no guessing
            for beat in turn.lines:
                beat.speaker = None
            turn.speaker = turn.last = None
            return
        for k, ev in enumerate(turn.evidence):
            if ev is None or (explicit and not ev.explicit) or speakers[k]:
                continue
            speakers[k] = self._same_voice(k, ev, turn, speakers) or self._resolve(
                ev, turn, excluded
            )
            if speakers[k] is None and ev.explicit:
                speakers[k] = self._stranger(ev.subject, ev.pos)
                if speakers[k] is None and k == 0:
                    turn.gender = _told_gender(ev.subject)
                    words = ev.subject.lower().split()
                    if words[0] == "the" and len(words) > 1:
                        turn.unfit = frozenset(self._unfit(words))
                    if turn.gender is not None:  # "she said" is no "I"
                        turn.unfit = turn.unfit | {NARRATOR}
            if self.trace is not None:
                kind = "tag" if ev.explicit else "action"
                head = ev.subject.split()[0].lower()
                form = (
                    "name"
                    if ev.subject[0].isupper() and head not in ("he", "she", "the", "his", "her")
                    else head
                )
                self.trace[turn.lines[k].start] = f"{kind}:{form}"
        self._self_named(turn, speakers)
        if len(speakers) > 1:  # a lone quote has no one to share with
            _share_within(speakers)
        turn.excluded = excluded
        if speakers[0] is not None and turn.rule is None:
            turn.rule = "evidence"
        if speakers[0] is None:
            guess = self._alternate(turn, excluded)
            if guess is None and not turn.chained:
                guess = self._after_narration(turn, excluded)
            if guess is None and not turn.chained and self._across_narration(turn):
                guess = self._alternate(turn, excluded, across=True)
            if guess is not None and turn.gender:
                if self.cast.gender(guess) not in (None, turn.gender):
                    guess = None  # "she said": not the man whose turn it would be
            if guess is not None and guess in turn.unfit:
                guess = None  # "said the gentleman": not the child whose turn it would be
            if guess is not None:
                turn.rule = self.why
                if self.trace is not None:
                    self._note(turn.lines, "alternate:" + self.why)
                speakers = [s or guess for s in speakers]
        for k in unnamed:
            speakers[k] = None  # the line "somebody" or "they" said stays no one's
        for beat, who in zip(turn.lines, speakers, strict=True):
            beat.speaker = who
        turn.speaker, turn.last = speakers[0], speakers[-1]

    def _self_named(self, turn: Turn, speakers: list[str | None]) -> None:
        """ "I'm Mister Noah Claypole," said the charity-boy: one who gives their own name
        is that person, whatever a pronoun or a description would have made of them, and
        the description stays theirs while the scene goes on. A name in the tag stands."""
        for k, (beat, ev) in enumerate(zip(turn.lines, turn.evidence, strict=True)):
            words = ev.subject.lower().split() if ev is not None else []
            if words and ev.subject[:1].isupper() and words[0] not in UNNAMED_HEADS:
                continue  # "said Alice": the tag has named the speaker
            if not _may_self_name(self.text, beat.start, beat.end):
                continue
            line = self.text[beat.start : beat.end].strip(CLOSING_MARKS + " \t\n")
            found = SELF_NAMED.search(line)
            if found is None:
                continue
            name = self.cast.find(found.group("name"))
            if name is None and " " in found.group("name"):  # "Mister Noah Claypole"
                name = self.cast.find(found.group("name").split(None, 1)[1])
            if name is None or name == NARRATOR:
                continue
            speakers[k] = name
            if len(words) > 1 and words[0] == "the":
                self.described[(turn.scene, " ".join(words[1:]))] = (name, turn.para)

    def _same_voice(
        self, k: int, ev: Evidence, turn: Turn, speakers: list[str | None]
    ) -> str | None:
        """A pronoun tag going on with a speech on a later quote of a paragraph
        ('"Walking!" said the young gentleman. "Oh, I see," he added.') goes on with that
        paragraph's earlier quote, not the previous paragraph's: its speaker, when the
        pronoun fits and no one else of that gender is named in the narration between."""
        head = ev.subject.lower()
        if k == 0 or not ev.again or head not in ("he", "she"):
            return None
        before = next((s for s in reversed(speakers[:k]) if s), None)
        gender = PRONOUN_GENDER[head]
        if before is None or self.cast.gender(before) != gender:
            return None
        start = turn.lines[k - 1].end
        for name, _, quoted in self._mention_names(start, ev.pos):
            if not quoted and name != before and self.cast.gender(name) in (gender, None):
                return None  # '"Yes," she said. Mary frowned. "No," she said.': Mary
        return before

    def _mentions_in(self, beat: Beat) -> range:
        """The indices of the name mentions inside ``beat`` (most quotes have none)."""
        lo = bisect_left(self.positions, beat.start)
        if lo == len(self.positions) or self.positions[lo] >= beat.end:
            return range(0)
        return range(lo, bisect_left(self.positions, beat.end, lo))

    def _addressed(self, beat: Beat) -> tuple[list[str], list[str]]:
        """Characters addressed by name in the quote ("Doctor, don't tell her"), and the
        addressed names that match no character."""
        mentions = self._mentions_in(beat)
        if not mentions:
            return [], []  # no name in the quote: most quotes
        text = self.text
        names: list[str] = []
        unknown: list[str] = []
        for k in mentions:
            pos, end = self.positions[k], self.ends[k]
            if not _vocative_at(text, pos, end, beat.start, beat.end):
                continue
            if _only_words(text, beat.start, pos) and _only_words(text, end, beat.end):
                if self._after_question(beat):
                    continue  # "Who?" / "Lady Narborough," he whispered: an answer
            key = self.mention_keys[k]
            if _styled_after_name(text, pos, key, beat.start):
                continue
            name = self.cast.lookup.get(key) or self.cast.find(key)
            if name is None:
                if " " not in key and not self.common[key]:
                    unknown.append(key)
            elif name not in names:
                names.append(name)
        return names, unknown

    def _spoken_of(self, beat: Beat) -> set[str]:
        """Characters the quote tells of in the third person, as the subject of a verb
        ("Marcus thinks he's going to get benched"): people seldom speak of themselves
        so, and the one spoken of is someone else."""
        found: set[str] = set()
        for k in self._mentions_in(beat):
            end = self.ends[k]
            if not THIRD_PERSON_VERB.match(self.text, end, beat.end):
                continue
            name = self.cast.lookup.get(self.mention_keys[k])
            if name is not None:
                found.add(name)
        return found

    def _after_question(self, beat: Beat) -> bool:
        """The quote just before this one asks who ("Who is she?", "Which of them?"): a
        name alone answers it. "Mr. Alder?" asks no one's name, and "Wren," after it
        calls Wren."""
        i = bisect_left(self.quote_starts, beat.start) - 1
        if i < 0 or beat.start - self.quote_ends[i] > QUESTION_REACH:
            return False
        line = self.text[self.quote_starts[i] : self.quote_ends[i]].rstrip()
        if not line.rstrip(CLOSING_MARKS).rstrip().endswith("?"):
            return False
        return WHO_QUESTION.search(line) is not None

    def _note(self, lines: list[Beat], rule: str) -> None:
        if self.trace is not None:
            for beat in lines:
                self.trace.setdefault(beat.start, rule)

    def _resolve(self, ev: Evidence, turn: Turn, excluded: set[str]) -> str | None:
        subject = ev.subject
        head = subject.split()[0].lower()
        if subject == "I":
            return self.cast.find("i")
        if head in ("he", "she"):
            return self._pronoun(PRONOUN_GENDER[head], ev.pos, turn, excluded, again=ev.again)
        if head in ("his", "her") and len(subject.split()) == 1:
            return self._pronoun(PRONOUN_GENDER[head], ev.pos, turn, excluded)
        if head == "my":
            return self.cast.find("i")
        if subject[0].isupper() and head not in ("the", "a", "an", "his", "her", "my"):
            return self.cast.find(subject) or self._named_actor(subject, ev.pos)
        if head in ("the", "a", "an") and ev.explicit:
            said_to_be = WHO_WAS.match(self.text, ev.pos + len(subject))
            who = self.cast.find(said_to_be.group("name")) if said_to_be is not None else None
            if who is not None:
                return who  # "said the boy, who was Freddy"
        if head == "the" and ev.explicit:
            marked = self._marked_out(subject, ev.pos) or self._shorter_form(subject)
            if marked is None:
                marked = self._capitalised_epithet(subject)
            if marked is not None:
                return marked
        if head == "the" and ev.pos in self.placed:
            return self.placed[ev.pos]  # "said the duchess": the duchess named last
        if head in ("a", "an") or (not ev.explicit and head == "the"):
            return self.cast.find(subject)  # "The door opened." names no one; "a girl" no one known
        named = self.cast.find(subject)
        tail = NAMED_TAIL.search(subject) if named is None else None
        if tail and (tail.group()[:1].isupper() and " " in tail.group()):
            named = self.cast.find(tail.group())
        if named:
            return named
        return self._description(subject, ev.pos, turn, excluded)

    def _description(self, subject: str, pos: int, turn: Turn, excluded: set[str]) -> str | None:
        """Who a description no name in the cast matches points to: "her husband", "the
        captain", "the old man"."""
        words = subject.lower().split()
        noun = words[-1]
        if words[0] in ("his", "her") and noun in KIN:
            kin = self._kin(PRONOUN_GENDER[words[0]], noun, pos, turn, excluded)
            if kin is not None:
                return kin
        if noun in TITLES or noun == "doctor":
            for name in self._candidates(pos, turn):
                if _has_title(self.cast, name, noun):
                    return name
        if words == ["the", "other"]:
            return self._the_other(turn, excluded)
        if words[0] == "the" and "other" in words[1:-1]:
            self._the_other(turn, excluded)  # "the other man" is not the one who just spoke
        key = (turn.scene, " ".join(words[1:])) if words[0] == "the" else None
        again = self._described_again(key, turn, excluded)
        if again is not None:
            return again  # "the charity-boy" who gave his name in this scene
        gender = _described_gender(noun)
        if gender is None:
            return None
        other = words[0] in ("his", "her")
        unfit = self._unfit(words) if words[0] == "the" else set()
        found = self._pronoun(
            gender, pos, turn, excluded | unfit, other=other, described=True, invent=not unfit
        )
        if key is not None and found is not None and self._only_fit(found, gender, pos, turn):
            self.described[key] = (found, turn.para)
        return found

    def _described_again(
        self, key: tuple[int, str] | None, turn: Turn, excluded: set[str]
    ) -> str | None:
        """The same description used again in a scene is the same person: "the old lady"
        found sure once stays her while the talk goes on (within SAME_DESCRIPTION
        paragraphs of its last use), unless she just spoke or is addressed."""
        if key not in self.described:
            return None
        again, para = self.described[key]
        if again in excluded or again == self._last_speaker(turn):
            return None
        if turn.para - para > SAME_DESCRIPTION:
            return None
        self.described[key] = (again, turn.para)
        return again

    def _only_fit(self, found: str, gender: str, pos: int, turn: Turn) -> bool:
        """``found`` is the only one of the nearest characters who fits the description
        (of its gender, not the last speaker): sure enough to keep for the scene."""
        last = self._last_speaker(turn)
        fits = [
            name
            for name in islice(self._candidates(pos, turn), SURE_CANDIDATES)
            if self.cast.gender(name) == gender and name != last
        ]
        return fits == [found]

    def _last_speaker(self, turn: Turn) -> str | None:
        previous = self.history[-1] if self.history and turn.chained else None
        return previous.last if previous is not None else None

    def _the_other(self, turn: Turn, excluded: set[str]) -> None:
        """ "replied the other": of the two talking, the one who did not speak the line
        before. Turn-taking finds them; this only rules out the last speaker, in the
        turn's ``excluded``, so that no later fill and no other tag in the paragraph
        gives the line back to them."""
        previous = self.history[-1] if self.history and turn.chained else None
        if previous is not None and previous.last:
            excluded.add(previous.last)
        return None

    def _unfit(self, words: list[str]) -> set[str]:
        """Those a description's age rules out: "the boy" is no Mr. or Mrs., "the girl" no
        Mrs., and "the old gentleman" is not the one the story calls "the boy"."""
        if words[-1] in YOUNG_NOUNS:
            grown = {name for name, noun in self.marked.items() if noun in ADULT_NOUNS}
            return self._ages()[1] | grown  # "the boy" is not "the man with the beard"
        if words[-1] == "girl":  # "the girl" is no Mrs.
            if self.married is None:
                self.married = {n for n in self._ages()[1] if self._address_title(n) == "mrs"}
            return self.married
        if any(w in YOUNG_WORDS for w in words[1:-1]):
            return set()  # "the young man" may well be the one called "the boy"
        if words[-1] in ADULT_NOUNS or any(w in OLD_WORDS for w in words[1:-1]):
            return self._ages()[0]
        return set()

    def _ages(self) -> tuple[set[str], set[str]]:
        """The characters the story calls "the boy" (or "lad", "child") often enough, and
        those it gives an adult's title (Mr., Mrs., Sir, Dr.), learned once per story."""
        if self.age_sets is None:
            votes = self._descriptions()
            called = {name: sum(v[w] for w in YOUNG_NOUNS) for name, v in votes.items()}
            titled = {
                n for n in self.cast.people if self._address_title(n) not in (None, *CHILD_TITLES)
            }
            young = {
                name
                for name, n in called.items()
                if name not in titled
                and n >= YOUNG_VOTES
                and n * YOUNG_SHARE >= votes[name].total()
            }
            young |= {  # a role that is a child by name: "the Child", "the Boy"
                n for n in self.cast.people if n.lower().split()[-1] in YOUNG_NOUNS
            }
            titled = {n for n in titled if called.get(n, 0) < YOUNG_VOTES}  # Mr. Gray, "the lad"
            self.age_sets = (young, titled)
        return self.age_sets

    def _descriptions(self) -> dict[str, Counter[str]]:
        """How often the narration calls each character by a noun ("the boy", "the old
        gentleman"), counted where the text just before names one character of the noun's
        gender and no other, so that the noun can only be them or a stranger."""
        votes: dict[str, Counter[str]] = {}
        text, positions, lookup = self.text, self.positions, self.cast.lookup
        body = DESCRIBED.finditer(text, self.story.body_start, self.story.body_end)
        for found in body:
            pos = found.start() - 1  # the "T" of "The"
            i = bisect_right(self.quote_starts, pos) - 1
            if i >= 0 and self.quote_ends[i] > pos:
                continue  # "the boy" said in speech is anyone's
            noun = found.group(1)
            gender = "female" if noun in FEMALE_NOUNS else "male" if noun in MALE_NOUNS else None
            lo = bisect_left(positions, pos - DESCRIBED_REACH)
            hi = bisect_left(positions, pos, lo)
            names = {lookup.get(self.mention_keys[k]) for k in range(lo, hi)} - {None}
            names = {n for n in names if gender is None or self.cast.gender(n) == gender}
            if len(names) == 1:
                votes.setdefault(names.pop(), Counter())[noun] += 1
        return votes

    def _kin(
        self, owner_gender: str, noun: str, pos: int, turn: Turn, excluded: set[str]
    ) -> str | None:
        """ "said her husband": the husband of the woman "her" points to is the man of her
        surname (Mr. to her Mrs.); "his sister" is a woman of his surname."""
        gender, titles = KIN[noun]
        previous = self.history[-1] if self.history and turn.chained else None
        owners = [previous.last] if previous is not None and previous.last else []
        owners += list(islice(self._candidates(pos, turn), 8))
        owner = next(
            (
                n
                for n in owners
                if self.cast.gender(n) == owner_gender
                and not (titles and self._address_title(n) in titles)
            ),
            None,
        )  # "her mother" is no one's who is a Mrs. herself: she spoke, not the daughter
        if owner is None:
            return None
        surnames = self._surnames(owner)
        if not surnames:
            return self._kin_at_hand(owner, noun, pos, turn, excluded)
        for name in self._candidates(pos, turn):
            if (
                name != owner
                and name not in excluded
                and self._is_kin(name, gender, titles, surnames)
            ):
                return name
        if noun in NAMED_KIN:
            return self._only_kin(owner, gender, titles, surnames, excluded)
        return None

    def _kin_at_hand(
        self, owner: str, noun: str, pos: int, turn: Turn, excluded: set[str]
    ) -> str | None:
        """The owner goes by a first name only ("Elinor", "Louisa"), so their family is
        unknown: "her mother" is the one Mrs. (or Lady) among the nearest characters, if
        only one is there; a sister or a husband cannot be told so."""
        if noun not in PARENTS:
            return None
        gender, titles = KIN[noun]
        found = [
            name
            for name in islice(self._candidates(pos, turn), SURE_CANDIDATES)
            if name != owner
            and name not in excluded
            and self.cast.gender(name) == gender
            and self._address_title(name) in titles
        ]
        return found[0] if len(found) == 1 else None

    def _is_kin(self, name: str, gender: str, titles: tuple[str, ...], surnames: set[str]) -> bool:
        """``name`` is of the kin's gender and family, and goes by the kin's title."""
        if self.cast.gender(name) != gender or not surnames & self._surnames(name):
            return False
        title = self._address_title(name)
        return (title in titles) if titles else title not in ("mr", "mrs")

    def _only_kin(
        self,
        owner: str,
        gender: str,
        titles: tuple[str, ...],
        surnames: set[str],
        excluded: set[str],
    ) -> str | None:
        """The one character in the whole story who can be the kin, when none is at hand:
        "said her mother" with Mrs. Archer not named for pages is still Mrs. Archer, and
        "his wife" the one Mrs. of his name. (A husband's name may not be the one his
        wife was known by, and a sister goes untitled: not so sure.)"""
        found = [
            name
            for name in self.cast.people
            if name != owner
            and name not in excluded
            and self._is_kin(name, gender, titles, surnames)
        ]
        return found[0] if len(found) == 1 else None

    def _surnames(self, name: str) -> set[str]:
        person = self.cast.people.get(name)
        if person is None:
            return set()
        out = set()
        for surface in (name, *person.aliases):
            title, words = split_name(normalise(surface))
            if len(words) > 1 or (title is not None and title in SURNAME_TITLES):
                out.add(words[-1])
        return out

    def _address_title(self, name: str) -> str | None:
        person = self.cast.people.get(name)
        for surface in (name, *(person.aliases if person else ())):
            title = split_name(normalise(surface))[0]
            if title is not None:
                return {"mister": "mr", "madame": "mrs", "mme": "mrs"}.get(title, title)
        return None

    def _pronoun(
        self,
        gender: str,
        pos: int,
        turn: Turn,
        excluded: set[str],
        other: bool = False,
        again: bool = False,
        described: bool = False,
        invent: bool = True,
    ) -> str | None:
        """The most salient character of ``gender``: named just before, or in the exchange.
        ``again``: the tag goes on with a speech ("she added"), likely the last speaker's.
        ``described``: a description ("replied the girl") names someone other than the one
        who just spoke, however long the paragraph about them. ``invent``: a name the
        narration just brought in may be taken (not when a description's age ruled out
        someone, which leaves the line to the one it fits or to no one)."""
        previous = self.history[-1] if self.history and turn.chained else None
        excluded = excluded | {NARRATOR}  # "she said" is never the one who says "I"
        skip = set(excluded)
        if previous is not None and previous.last and not turn.continued:
            if described or self._narrated_turn(previous) < TOPIC_NARRATION:
                skip.add(previous.last)
        acted_on = self._acted_on(gender, pos, turn) if not other else set()
        skip |= acted_on
        local = self._local_mentions(pos, turn)  # read once for both searches below
        for name in self._candidates(pos, turn, local_only=True, local=local):
            if name in acted_on:
                continue
            if name not in excluded and self.cast.gender(name) in (gender, None) and not other:
                return name  # named just before in the paragraph: "Tom rose. 'No,' he said."
        if again and previous is not None and previous.last not in excluded:
            if self.cast.gender(previous.last) == gender:
                return previous.last  # "She paused and added," goes on with her speech
        if previous is not None and not turn.continued:
            for name in previous.vocatives:
                if name not in skip and self.cast.gender(name) == gender:
                    return name  # "..., Catherine." / "Indeed I am," she replied.
        for name in self._candidates(pos, turn, local=local, reach=NEAR_PARAS):
            if name not in skip and self.cast.gender(name) == gender:
                return name
        if (
            previous is not None
            and not turn.continued
            and not other
            and previous.last not in excluded
            and previous.last not in acted_on
            and self.cast.gender(previous.last) == gender
        ):
            return previous.last  # no one else "he" could be near: the man who just spoke
        for name in self._candidates(pos, turn, local=local):
            if name not in skip and self.cast.gender(name) == gender:
                return name
        # Someone whose gender the text never tells is no surer a "she" than anyone:
        # turn-taking decides the line instead.
        found = self._newcomer(gender, pos, turn, skip) if invent else None
        if found is None and previous is not None and previous.last not in excluded:
            if self.cast.gender(previous.last) == gender:
                return previous.last  # no one else "he" could be: the man who just spoke
        return found

    def _acted_on(self, gender: str, pos: int, turn: Turn) -> set[str]:
        """Names in the paragraph that a "he" (or "she") of ``gender`` acts on: "he turned
        towards Bingley" makes Bingley someone other than the "he" who then speaks."""
        pronoun = SUBJECT_PRONOUN.get(gender)
        if pronoun is None:
            return set()
        text = self.text
        start = max(self._narration_start(pos, turn), pos - LOCAL_REACH)
        lo = bisect_left(self.positions, start)
        hi = bisect_left(self.positions, pos, lo)
        found: set[str] = set()
        named: set[str] = set()
        for k in range(lo, hi):
            name = self.cast.lookup.get(self.mention_keys[k])
            if name is None:
                continue
            at = self.positions[k]
            subject, quoted = self.flags.get(k) or self._flags(k)
            if subject or quoted:
                named.add(name)
                continue
            opening = max(start, *(text.rfind(c, start, at) + 1 for c in ".!?;"))
            if text.startswith(("'s", "’s"), self.ends[k]):
                found.discard(name)  # "he awaited Mr. Brownlow's answer": the owner
            elif any(not self._in_quote(m.start()) for m in pronoun.finditer(text, opening, at)):
                found.add(name)  # '"He would," said Pooh': a "he" in speech acts on no one
            else:
                found.discard(name)  # the latest mention tells: "... known to Mrs Smith."
        return found - named

    def _narration_start(self, pos: int, turn: Turn) -> int:
        """Where the narration a tag's pronoun follows on from begins: its paragraph, or
        the narration paragraphs just before (NARRATION_RUN at most) when the speech opens
        its own ("He scribbled a note to Lord Henry. / 'Wait for an answer,' he said." is
        not Lord Henry)."""
        paragraphs = self.story.paragraphs
        start = paragraphs[turn.para].start
        index = turn.para
        if pos < start or turn.opens:
            while index > turn.para - NARRATION_RUN and index > 0 and index - 1 not in self.by_para:
                index -= 1
        return paragraphs[index].start

    def _narrated_turn(self, turn: Turn) -> int:
        """Characters of narration in the turn's paragraph outside its quotes."""
        para = self.story.paragraphs[turn.para]
        return (para.end - para.start) - sum(b.end - b.start for b in turn.lines)

    def _newcomer(self, gender: str, pos: int, turn: Turn, skip: set[str]) -> str | None:
        """No one known fits, but the narration just named someone ("Harry looked at Ginny.
        'Fine,' she said."): a name the cast missed, and now a character of that gender."""
        paragraphs = self.story.paragraphs
        first = max(0, turn.para - 2)
        lo = bisect_left(self.positions, paragraphs[first].start)
        hi = bisect_left(self.positions, pos)
        for k in range(hi - 1, lo - 1, -1):
            key = self.mention_keys[k]
            if " " in key or key in self.cast.lookup or self.common[key] or self.quoted(k):
                continue
            if not self.mid_caps[key] and key.endswith(("ing", "ed", "ly")):
                continue  # a participle opening a sentence: "Hesitating, she ..."
            name = self.text[self.positions[k] : self.ends[k]]
            if not name[:1].isupper() or name in skip:
                continue
            if PLACE_BEFORE.search(self.text, max(0, self.positions[k] - 8), self.positions[k]):
                continue  # "in Dunmore": a place
            if self.census is not None and not _may_be_person(key, self.census):
                continue  # "England", "Likewise": a place or a word, not someone new
            if key in self._place_words():
                continue  # "to Summer" where the story has a Summer Street
            self.cast.people[name] = Character(name, [], gender)
            self.cast.lookup[key] = name
            return name
        return None

    def _place_words(self) -> set[str]:
        """Words the story uses to name places: "summer" in "Summer Street"."""
        if self.places is None:
            self.places = {
                key.rsplit(" ", 1)[0]
                for key in set(self.mention_keys)
                if key.count(" ") == 1 and key.rsplit(" ", 1)[1] in PLACE_NOUNS
            }
        return self.places

    def _candidates(
        self,
        pos: int,
        turn: Turn,
        local_only: bool = False,
        local: list[tuple[str, int, bool]] | None = None,
        reach: int = PARAS,
    ) -> Iterator[str]:
        """Characters by salience, nearest paragraph first: in each, whoever spoke it, then
        the subjects of its narration, then anyone else its narration names. Lazy: the
        nearest fitting character usually ends the search. ``local``: the mentions
        ``_local_mentions`` gave for the same place, when the caller has them already."""
        if local is None:
            local = self._local_mentions(pos, turn)
        seen: set[str] = set()
        for name, subject, quoted in local:
            if subject == MAIN and not quoted and name not in seen:
                seen.add(name)
                yield name
        for name, subject, quoted in local:
            if subject and not quoted and name not in seen:
                seen.add(name)
                yield name
        for name, _, quoted in reversed(local):
            if not quoted and name not in seen:
                seen.add(name)
                yield name
        if local_only:
            return
        if turn.chained:
            for past in self._chain()[::-1][:6]:
                for name in (past.last, past.speaker):
                    if name and name not in seen:
                        seen.add(name)
                        yield name  # those talking in this exchange come first
        for index in self._window(turn, turn.para - 1):
            if index < turn.para - reach:
                return
            for names in self._paragraph_names(index):  # strong, then weak
                for name in names:
                    if name not in seen:
                        seen.add(name)
                        yield name

    def _local_mentions(self, pos: int, turn: Turn) -> list[tuple[str, int, bool]]:
        """The mentions just before ``pos`` in its paragraph, nearest first."""
        start = self.story.paragraphs[turn.para].start
        return self._mention_names(max(start, pos - LOCAL_REACH), pos)

    def _window(self, turn: Turn, index: int) -> Iterator[int]:
        """The paragraphs from ``index`` back that a pronoun may look over, nearest first:
        within the scene, PARAS paragraphs and WINDOW characters of ``turn``."""
        paragraphs = self.story.paragraphs
        floor = max(self.story.scenes[turn.scene].start, paragraphs[turn.para].start - WINDOW)
        while index >= 0 and paragraphs[index].start >= floor and index > turn.para - PARAS:
            yield index
            index -= 1

    def _paragraph_names(self, index: int) -> tuple[list[str], list[str]]:
        """An earlier paragraph's people: those who speak or act as subjects, then those
        it merely names (cached: the paragraph is settled)."""
        cached = self.para_cache.get(index)
        if cached is None:
            para = self.story.paragraphs[index]
            spoken = self.by_para.get(index)
            strong = [n for n in (spoken.speaker, spoken.last) if n] if spoken else []
            weak = []
            for name, subject, quoted in self._mention_names(para.start, para.end):
                if not quoted:
                    weak.append(name)
                    if subject:
                        strong.append(name)
            if spoken is not None:
                weak += spoken.vocatives
            cached = self.para_cache[index] = (strong, weak)
        return cached

    def _mention_names(self, start: int, end: int) -> list[tuple[str, int, bool]]:
        """(character, is a sentence subject, inside a quote) for mentions in
        ``[start, end)``, nearest to ``end`` first."""
        positions = self.positions
        lo = bisect_left(positions, start)
        hi = bisect_left(positions, end, lo)
        found = []
        lookup = self.cast.lookup
        keys, cache = self.mention_keys, self.flags
        for k in range(hi - 1, lo - 1, -1):
            name = lookup.get(keys[k])
            if name is None:
                continue
            flags = cache.get(k)
            if flags is None:
                flags = cache[k] = self._flags(k)
            found.append((name, *flags))
        return found

    def quoted(self, k: int) -> bool:
        """Mention ``k`` is inside a quote."""
        return self._in_quote(self.positions[k])

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quote_ends[i] > pos

    def _flags(self, k: int) -> tuple[int, bool]:
        """Whether mention ``k`` is a subject (MAIN, SUBORDINATE or 0) and is quoted."""
        pos, end = self.positions[k], self.ends[k]
        quoted = self.quoted(k)
        before = SUBJECT_BEFORE.search(self.text, max(0, pos - 12), pos)
        subject = bool(
            before
            and (before.group(1) is not None or SUBJECT_AFTER.match(self.text, end, end + 30))
            and self.text[end : end + 1] not in ("'", "’")
        )
        if not subject:
            if self._after_clause(pos, end):
                return MAIN, quoted
            return 0, quoted
        assert before is not None
        opener = before.group().strip()
        return (SUBORDINATE if opener in SUBORDINATING else MAIN), quoted

    def _after_clause(self, pos: int, end: int) -> bool:
        """A name after the comma that closes an opening clause, with its verb: "when I
        referred to De Griers, the General made a gesture" makes the General the subject."""
        text = self.text
        if not COMMA_BEFORE.search(text, max(0, pos - 4), pos):
            return False
        if text[end : end + 1] in ("'", "’"):
            return False
        return PAST_VERB_AFTER.match(text, end, end + 30) is not None

    def _across_narration(self, turn: Turn) -> bool:
        """One short paragraph of narration that is about no one in particular ("A pang
        shot through him.") stands between this line and the talk before it."""
        if not self.history or self.history[-1].para != turn.para - 2:
            return False
        if self.history[-1].scene != turn.scene:
            return False
        between = self.story.paragraphs[turn.para - 1]
        return between.end - between.start <= ACROSS_NARRATION

    def _alternate(self, turn: Turn, excluded: set[str], across: bool = False) -> str | None:
        """Turn-taking: answer the one addressed, or the one who spoke before last.
        ``across``: the talk goes on over a short paragraph of narration."""
        if not (turn.chained or across) or not self.history:
            return None
        chain = self._chain()
        previous = chain[-1]
        spoke = previous.last
        for name in previous.vocatives:
            if name != spoke and name not in excluded and not self._heard_only(name):
                self.why = "addressed"
                return name
        if not previous.chained:  # a new encounter: "Catherine found Mrs. Allen, and was
            para = self.story.paragraphs[previous.para]  # greeted with, '...'"
            for name, subject, quoted in self._mention_names(para.start, para.end):
                if subject and not quoted and name not in (spoke, NARRATOR, *excluded):
                    self.why = "scene"
                    return name
        for back in range(2, min(len(chain), 9) + 1, 2):
            earlier = chain[-back]
            if earlier.last is not None:
                if earlier.last != spoke and earlier.last not in excluded:
                    self.why = "two"
                    return earlier.last
                break
        if spoke is None:
            return None
        for name in self._met(turn, previous):
            if name != spoke and name not in excluded and name != NARRATOR:
                self.why = "scene"
                return name  # "Catherine found Mrs. Allen, and was greeted with, '...'"
        if (
            spoke != NARRATOR
            and NARRATOR not in excluded
            and (
                any(past.last == NARRATOR for past in self.history[-6:])
                or self._narrator_in_talk(turn)
            )
        ):
            self.why = "scene"
            return NARRATOR  # a first-person narrator who is talking here answers
        for past in reversed(self.history[-8:-1]):
            name = past.last
            if name and name != spoke and name not in excluded and name != NARRATOR:
                self.why = "scene"
                return name  # the one they were talking with a moment ago
        head = self.history[self.chain_start]
        for name in self._scene_actors(head):
            if name != spoke and name not in excluded and name != NARRATOR:
                self.why = "scene"
                return name
        return None

    def _narrator_in_talk(self, turn: Turn) -> bool:
        """The narration of this talk, from a little before it began, puts a first-person
        narrator with the others ("We sat down at a table.", "She kissed me."): the
        narrator answers, not someone they were talking with before."""
        if NARRATOR not in self.cast.people:
            return False
        head = self.history[self.chain_start] if self.history else turn
        paragraphs = self.story.paragraphs
        first = max(head.para - NARRATOR_PARAS, 0)
        start = max(paragraphs[first].start, self.story.scenes[turn.scene].start)
        for match in WITH_NARRATOR.finditer(self.text, start, paragraphs[turn.para].end):
            i = bisect_right(self.quote_starts, match.start()) - 1
            if i < 0 or self.quote_ends[i] <= match.start():
                return True
        return False

    def _scene_actors(self, head: Turn) -> list[str]:
        """Who acts in the scene's narration before the talk began, nearest first: the
        other party to a talk no one has tagged yet is someone the scene shows doing
        something ("Dessa noticed"), not a name in passing ("Fenwick's lanterns")."""
        strong: list[str] = []
        weak: list[str] = []
        for index in self._window(head, head.para):
            acting, named = self._paragraph_names(index)
            strong += [n for n in acting if n not in strong]
            weak += [n for n in named if n not in weak]
        return strong + [n for n in weak if n not in strong]

    def _after_narration(self, turn: Turn, excluded: set[str]) -> str | None:
        """A lone quote right after a paragraph about someone is theirs: "Mr. Henderson
        stepped up and cleared his throat. / 'I'd like to say something.'" """
        index = turn.para - 1
        if index < 0 or index in self.by_para:
            return None
        para = self.story.paragraphs[index]
        if self.story.text[para.end - 1 : para.end] not in (".", "!"):
            return None
        silent = silent_subject(self.story.text, para.start, para.end)
        if silent is not None:  # "Charles made no answer.": the one who asked goes on
            name = self._resolve(silent, turn, excluded)
            for past in reversed(self.history[-4:]):
                if name and past.last and past.last != name and past.last not in excluded:
                    self.why = "lead"
                    return past.last
            return None
        found = tag_before(self.story.text, para.start, para.end)
        if found is None or found.subject in POSSESSIVES:
            found = paragraph_subject(self.story.text, para.start, para.end)
            if found is None:
                return self._only_named(para, excluded)
        name = self._named_before(found, para) or self._resolve(found, turn, excluded)
        if name is not None and self._reported(found, para):
            # "Miss Honeychurch assented." / "Jacky said that it was a lovely tune.": her
            # turn was told, not quoted, so the one she answered speaks next
            for past in reversed(self.history[-4:]):
                if past.last and past.last != name and past.last not in excluded:
                    self.why = "lead"
                    return past.last
            return None
        if name == NARRATOR:
            # "I looked at her." / "Don't look like that." : the narrator watches, and
            # the one they are with speaks
            met = self._met_by_narrator(para, excluded)
            if met is not None:
                self.why = "lead"
                return met
            for past in reversed(self.history[-8:]):
                if past.last and past.last != NARRATOR and past.last not in excluded:
                    self.why = "lead"
                    return past.last
            return None
        if name is not None and name not in excluded:
            self.why = "lead"
            return name
        return None

    def _met_by_narrator(self, para: Paragraph, excluded: set[str]) -> str | None:
        """The narrator goes to someone the paragraph shows acting ("I went up-stairs.
        Bill was standing on the balcony."): that one speaks, not whoever the narrator
        was talking with before."""
        for name, subject, quoted in self._mention_names(para.start, para.end):
            if subject and not quoted and name != NARRATOR and name not in excluded:
                return name
        return None

    def _reported(self, found: Evidence, para: Paragraph) -> bool:
        """The narration tells what its subject said ("He expressed his regret.",
        "Miss Honeychurch assented."): a speech verb right after the subject, no quote."""
        text = self.story.text
        verb = REPORTED_VERB.match(text, found.pos)
        if verb is None or verb.end() > para.end:
            return False
        if verb.group(1) in ASSENT_VERBS:
            return True
        stop = SENTENCE_END.search(text, found.pos, para.end)
        for word in LOWER_WORDS.finditer(text, found.pos, stop.start() if stop else para.end):
            if word.group() in SPEECH_VERBS:  # "Jacky followed this, and said that ..."
                return REPORTED_THAT.match(text, word.end(), para.end) is not None
        return False

    def _heard_only(self, name: str) -> bool:
        """A bare name the narration never uses ("Everyone hates me, Potter."): who it
        belongs to is learnt from who answers it, so it cannot say who answers."""
        if name == NARRATOR or " " in name:
            return False
        return not _narrated(self.cast, self)[name]

    def _met(self, turn: Turn, previous: Turn) -> list[str]:
        """Who the narration just brought into the talk: the subjects in the last turn's
        paragraph, then the opening subject of each of the few paragraphs before it
        ("Catherine walked into the drawing-room."), nearest first."""
        paragraphs = self.story.paragraphs
        para = paragraphs[previous.para]
        met = self._mention_names(para.start, para.end)
        names = [n for n, subject, quoted in met if subject and not quoted]
        scene_start = self.story.scenes[turn.scene].start
        for index in range(previous.para - 1, max(-1, previous.para - 1 - MET_PARAS), -1):
            earlier = paragraphs[index]
            if earlier.start < scene_start or index in self.by_para:
                break
            found = paragraph_subject(self.text, earlier.start, earlier.end)
            name = self.cast.find(found.subject) if found is not None else None
            if name is not None:
                names.append(name)
        return names

    def _named_before(self, found: Evidence, para: Paragraph) -> str | None:
        """The "he" of a paragraph is the one it named before him: "Poirot studied me.
        Then he shook his head." (whatever the text has told of Poirot's gender)."""
        gender = PRONOUN_GENDER.get(found.subject.lower())
        if gender is None or found.subject not in ("He", "She", "he", "she"):
            return None
        for name, _, quoted in self._mention_names(para.start, found.pos):
            if not quoted and self.cast.gender(name) in (gender, None):
                return name
        return None

    def _only_named(self, para: Paragraph, excluded: set[str]) -> str | None:
        """A short paragraph with no one as its subject that names a single person ("It
        must have been twenty minutes before Poirot rejoined me.") brings them in to
        speak."""
        if para.end - para.start > ONLY_NAMED_LENGTH:
            return None
        if ACTING_PRONOUN.search(self.text, para.start, para.end):
            return None  # "For a long time he said nothing. ... Peg below them": he acts
        names = {n for n, _, quoted in self._mention_names(para.start, para.end) if not quoted}
        names.discard(NARRATOR)
        if len(names) != 1:
            return None
        name = names.pop()
        if name in excluded:
            return None
        self.why = "lead"
        return name

    def _chain(self) -> list[Turn]:
        """The current exchange's last turns (ten at most: turn-taking looks no further)."""
        return self.history[max(self.chain_start, len(self.history) - 10) :]


def _described_gender(noun: str) -> str | None:
    """The gender a description's noun tells: "the gentleman", and any "-ess" of a person
    ("the hostess", "the ancestress"), which English makes a woman's word."""
    if noun in MALE_NOUNS:
        return "male"
    if noun in FEMALE_NOUNS:
        return "female"
    if noun.endswith("ess") and not noun.endswith("ness") and noun not in NOT_WOMEN:
        return "female"
    return None


def _may_self_name(text: str, start: int, end: int) -> bool:
    """Whether the quote ``text[start:end]`` holds "I'm", "I am" or "name", as every
    SELF_NAMED match does: plain searches spare most quotes the regex."""
    return SELF_NAMING_WORDS.search(text, start, end) is not None


def _may_be_person(key: str, census: Census) -> bool:
    """A word a reader could take for a new person's name (see ``may_be_person``)."""
    return may_be_person(key, census)


def _told_gender(subject: str) -> str | None:
    """The gender a tag's subject tells: "she", "the old man", "his sister"."""
    words = subject.lower().split()
    if words[0] in ("he", "she"):
        return PRONOUN_GENDER[words[0]]
    if words[-1] in MALE_NOUNS:
        return "male"
    if words[-1] in FEMALE_NOUNS:
        return "female"
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


STYLED_AFTER = re.compile(r"\b[A-Z][a-z]+,[ \t\n]+(?:the[ \t\n]+)?$")
"""A name and a comma before a title's full style: "Lorenzo, Duke of Urbino"."""


def _styled_after_name(text: str, pos: int, key: str, start: int) -> bool:
    """ "Lorenzo, Duke of Urbino, or ...": a noble's full style after a name is that
    name's apposition, not someone spoken to (a duke is addressed as "Duke", not by it)."""
    if " of " not in key or split_name(key)[0] not in NOBLE_TITLES:
        return False
    before = STYLED_AFTER.search(text, max(start, pos - 30), pos)
    return before is not None and before.group().split(",")[0].lower() not in NOT_NAMES


WHO_QUESTION = re.compile(r"\b(?:[Ww]ho|[Ww]hom|[Ww]hose|[Ww]hich|name)\b")
QUESTION_REACH = 300
"""How far back a question may stand and still be the one a bare name answers."""


def _only_words(text: str, start: int, end: int) -> bool:
    """Nothing but quote marks and punctuation between ``start`` and ``end``."""
    return not any(c.isalnum() for c in text[start:end])


def _vocative_at(text: str, pos: int, end: int, start: int, stop: int) -> bool:
    """A name set off by commas, or opening or closing the speech: "Yes, Tom." """
    after = end
    while after < stop and text[after] in " \t\n":
        after += 1
    follower = text[after] if after < stop else ""
    if follower and (follower not in VOCATIVE_AFTER or text[after + 1 : after + 2].isalpha()):
        return False
    if follower == "." and TOPIC_NEXT.match(text, after + 1, min(stop, after + 12)):
        return False  # "He's not stupid, Mr. Henderson. He's only rude": spoken of, not to
    if follower == "," and APPOSED_AFTER.match(text, after + 1, min(stop, after + 8)):
        return False  # "a splendid tenant--Hamar Bryce, an invalid": named, not spoken to
    if follower == "," and ADDRESS_AFTER.match(text, after + 1, min(stop, after + 14)):
        return False  # "Mr. Hallward, sir.": the answer names him, "sir" is the one addressed
    back = pos - 1
    while back > start and text[back] in " \t\n":
        back -= 1
    if text[back] == "." and text[back - 1].isupper() and not text[back - 2].isalpha():
        return False  # "My father's name is Ezra B. Miller," : an initial, not a full stop
    if back <= start or text[back] in "\"“'‘.!?":
        return follower in VOCATIVE_OPENING_AFTER  # "Tom, come here." / "... Tobin, the weight."
    if text[back] in VOCATIVE_BEFORE:
        if text[back] == "," and EXAMPLE_BEFORE.search(text, max(start, back - 16), back):
            return False  # "the healthy person--for example, Freddy Honeychurch."
        return True
    word = text[max(start, back - 5) : back + 1].lower()
    return word.endswith(VOCATIVE_WORDS) and not text[back - len(word) : back].isalpha()


def _name_narrator(turns: list[Turn], cast: Cast, resolver: _Resolver) -> None:
    """The first-person narrator goes by the names the others call them in conversation,
    names the narration itself never uses (it says "I") and no tag gives a line to."""
    called: Counter[str] = Counter()
    for i, turn in enumerate(turns):
        if turn.speaker != NARRATOR:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(turns) and turns[j].scene == turn.scene:
                other = turns[j]
                if other.speaker != NARRATOR and (other.chained or turn.chained):
                    called.update(set(other.vocatives) - {other.speaker})
                    called.update(f"?{key}" for key in set(other.unknown_vocatives))
    spoke = _tagged_speakers(turns, resolver)
    narrated = _narrated(cast, resolver)
    ranked = [
        (n, c) for n, c in called.most_common() if c >= 2 and n not in spoke and narrated[n] < c
    ]
    if ranked:
        top = ranked[0][1]
        ranked = [(n, c) for n, c in ranked if not n.startswith("?") or c * 4 >= top and c >= 3]
    else:
        ranked = _unnarrated(turns, cast, resolver)
    for name, _ in ranked:
        _call_narrator(name, turns, cast)


def _join_spoken_names(turns: list[Turn], cast: Cast, resolver: _Resolver) -> None:
    """A titled name heard only in speech ("Morning, Mrs. Pardoe") belongs to whoever
    answers to it: the narration's Agnes is the constable's Mrs. Pardoe."""
    answers: dict[str, Counter[str]] = {}
    for turn, reply in zip(turns, turns[1:]):
        if not reply.chained or reply.scene != turn.scene or reply.speaker is None:
            continue
        for name in turn.vocatives:
            answers.setdefault(name, Counter())[reply.speaker] += 1
    if not answers:
        return
    narrated = _narrated(cast, resolver)
    spoke = _tagged_speakers(turns, resolver)
    for name, who in answers.items():
        person = cast.people.get(name)
        if person is None or narrated[name] or name in spoke or name == NARRATOR:
            continue
        title, words = split_name(normalise(name))
        if title is None and (len(words) > 1 or sum(who.values()) < SPOKEN_NAME_ANSWERS):
            continue  # a bare name ("Potter") needs answering more than once
        who.pop(name, None)
        target = _same_surname(cast, name, words[-1], person.gender)
        if target is None and who:
            target, count = who.most_common(1)[0]
            if count * 3 < 2 * sum(who.values()):
                continue
        other = cast.people.get(target) if target else None
        if other is None or (person.gender and other.gender and person.gender != other.gender):
            continue
        _merge_into(name, target, turns, cast)


def _same_surname(cast: Cast, name: str, surname: str, gender: str | None) -> str | None:
    """The one other character of that surname and gender: "Mrs. Harrow", said to Ines
    Harrow, is Ines, however wrong the title."""
    found = [
        other.name
        for other in cast.people.values()
        if other.name != name
        and (gender is None or other.gender in (None, gender))
        and any(normalise(n).split()[-1] == surname for n in (other.name, *other.aliases))
    ]
    return found[0] if len(found) == 1 else None


def _merge_into(name: str, target: str, turns: list[Turn], cast: Cast) -> None:
    """Character ``name`` is ``target`` under another name: one character, more aliases."""
    fold(cast, name, target)
    for turn in turns:
        for beat in turn.lines:
            if beat.speaker == name:
                beat.speaker = target
        if name in turn.vocatives:
            turn.vocatives = [target if v == name else v for v in turn.vocatives]


def _narrated(cast: Cast, resolver: _Resolver) -> Counter[str | None]:
    """How often the narration (outside quotes) names each character (by surface form,
    so it stays right when names are merged later)."""
    if resolver.narrated_keys is None:
        keys: list[str] = []
        starts, ends = resolver.quote_starts, resolver.quote_ends
        q, stop = 0, len(starts)
        for pos, key in zip(resolver.positions, resolver.mention_keys):
            while q < stop and ends[q] <= pos:
                q += 1
            if q >= stop or starts[q] > pos:
                keys.append(key)
        resolver.narrated_keys = Counter(keys)
    known = resolver.narrated_names
    if known is not None and known[0] == cast.lookup:
        return known[1]  # the names have not changed since: the same counts
    counts: Counter[str | None] = Counter()
    for key, n in resolver.narrated_keys.items():
        counts[cast.lookup.get(key)] += n
    resolver.narrated_names = (dict(cast.lookup), counts)
    return counts


def _tagged_speakers(turns: list[Turn], resolver: _Resolver) -> set[str | None]:
    """Characters some speech tag names outright: not the unnamed narrator. The lines so
    tagged are found once; their speakers are read each time, as merges rename them."""
    if resolver.named_lines is None:
        resolver.named_lines = [
            beat
            for turn in turns
            for beat, ev in zip(turn.lines, turn.evidence, strict=True)
            if ev is not None
            and ev.explicit
            and ev.subject[:1].isupper()
            and ev.subject not in ("He", "She", "I")
        ]
    return {beat.speaker for beat in resolver.named_lines}


def _call_narrator(name: str, turns: list[Turn], cast: Cast) -> None:
    """Make ``name`` (a character, or "?key" for a name outside the cast) the narrator's."""
    narrator = cast.people[NARRATOR]
    if name.startswith("?"):
        key = name[1:]
        title, words = split_name(key)
        if title is not None or len(words) != 1 or key in NOT_NAMES:
            return
        narrator.aliases = sorted({*narrator.aliases, key.capitalize()})
        cast.lookup[key] = NARRATOR
        return
    person = cast.people.get(name)
    if person is None or name == NARRATOR:
        return
    narrator.aliases = sorted({*narrator.aliases, name, *person.aliases})
    narrator.gender = narrator.gender or person.gender
    del cast.people[name]
    for key, value in list(cast.lookup.items()):
        if value == name:
            cast.lookup[key] = NARRATOR
    for turn in turns:
        for beat in turn.lines:
            if beat.speaker == name:
                beat.speaker = NARRATOR


def _unnarrated(turns: list[Turn], cast: Cast, resolver: _Resolver) -> list[tuple[str, int]]:
    """The one character others address by name whom the narration never names."""
    called: Counter[str] = Counter()
    for turn in turns:
        if turn.speaker != NARRATOR:
            called.update(set(turn.vocatives) - {turn.speaker})
    narrated = _narrated(cast, resolver)
    spoke = _tagged_speakers(turns, resolver)
    ranked = [
        (n, c) for n, c in called.most_common() if narrated[n] < c and n not in spoke and c > 1
    ]
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return ranked[:1]


def _write_back(story: Story, cast: Cast, turns: list[Turn], census: Census) -> None:
    """Count lines per character and export the cast, speakers first. A silent character
    is listed only when the text names them more than once."""
    named: Counter[str] = Counter()
    for key, count in census.counts.items():
        name = cast.lookup.get(key)
        if name:
            named[name] += count
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
        if person.lines or (name != NARRATOR and named[name] > 1):
            characters.append(person)
    characters.sort(key=lambda c: (-c.lines, c.name))
    story.characters = characters
