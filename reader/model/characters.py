"""Find the cast of a story from its own text: names, titled names, aliases and gender.

A reader meets characters as names in speech tags ("said Clara"), as titled names
("Mr. Darcy", "the Doctor") and as names that pronouns point back to ("Missy rolled her
eyes"). Names that are one person are merged: a full name with its first name, its
surname with a title and the common nicknames of its first name. Families stay apart:
"Mr. Bennet", "Mrs. Bennet" and "Miss Bennet" are three people, and English family customs
place the rest: the plain "Miss Steele" is the eldest daughter, "Mrs. John Dashwood" is
John's wife, a bare "Charles" is the Charles whose wife goes by his name, and the plain
"Mr. Wilcox" is the head of the house, not a son whose wife is "Mrs. Charles Wilcox".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from string import ascii_lowercase

from reader.model.given_names import given_name_gender
from reader.model.regex_scan import by_first_letter
from reader.model.story import Character

MALE_TITLES = frozenset(
    "mr mister sir lord master monsieur m signor senor señor herr king prince duke count baron "
    "marquis marquess earl viscount emperor "
    "uncle father brother colonel captain major general admiral lieutenant sergeant".split()
)
FEMALE_TITLES = frozenset(
    "mrs miss ms lady madame madam mme mlle mademoiselle signora signorina senora señora "
    "frau fraulein fräulein queen princess duchess countess baroness aunt mother sister "
    "marquise marchioness viscountess empress princesse "
    "dame mistress".split()
)
RANKS = frozenset(
    "colonel captain major general admiral lieutenant sergeant inspector superintendent "
    "constable detective professor".split()
)
"""Ranks, which go with a surname: "Major Callendar" is the "Callendar" of the story."""
NEUTRAL_TITLES = frozenset(
    "dr doctor professor inspector rev reverend judge cousin constable detective "
    "superintendent officer warden chief commander commissioner governor mayor nurse matron "
    "vicar rector parson bishop archbishop abbot".split()
)
TITLES = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES
SURNAME_TITLES = frozenset(
    "mr mrs ms mister dr doctor monsieur m madame herr frau signor signora "
    "countess baroness marquise".split()
)
"""Titles that go with a surname, so "Mr. Darcy" is never a first name."""

NOBLE_TITLES = frozenset(
    "duke duchess earl countess marquis marquess marchioness viscount viscountess baron "
    "baroness prince princess lord lady bishop archbishop".split()
)
"""Titles held of a place: "the Duchess of Monmouth", "the Bishop of London"."""

PARTICLES = frozenset("de van der von du da di del della la le".split())
"""Lower-case words inside a surname: "Mr. van der Luyden", "Mlle. de Cominges"."""
_TITLE_ALT = "|".join(sorted((t.capitalize() for t in TITLES), key=len, reverse=True))
ABBREVIATED = frozenset("mr mrs ms dr m mme mlle rev".split())
"""Titles written with a full stop; "the General. In the morning" is no General In."""

_TITLE_GROUPS = by_first_letter(_TITLE_ALT.split("|"))
"""The titles as the regexes read them: by first letter, far faster to try."""
_TITLED = (
    "(?:(?:"
    + by_first_letter(sorted((t.capitalize() for t in ABBREVIATED), key=len, reverse=True))
    + r")\.?|(?:"
    + _TITLE_GROUPS
    + "))"
)
_WORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Z]?[a-z]+){0,2}"
_PARTICLE = r"(?:de|van(?:(?:[ \t]+|\n)der)?|von|der|du|da|di|del|della|la|le|St\.?)"
NAME_PHRASE = (
    rf"(?:{_TITLED}(?:[ \t]+|\n)(?:{_PARTICLE}(?:[ \t]+|\n))?)?{_WORD}"
    rf"(?:(?:[ \t]+|\n)(?:{_PARTICLE}(?:[ \t]+|\n))?{_WORD})*"
    rf"|the[ \t]+(?:{_TITLE_GROUPS}|[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)*\b"
)
NAME_RE = re.compile(
    rf"(?=[A-Z])\b(?:{_TITLED}(?:[ \t]+|\n)(?:{_PARTICLE}(?:[ \t]+|\n))?)?{_WORD}"
    rf"(?:(?:[ \t]+|\n)(?:{_PARTICLE}(?:[ \t]+|\n))?{_WORD})*"
)
"""Name phrases without the "the Doctor" form, which the scan adds from the word before."""
_WORD_SPLIT = (r"(?:Mc|Mac|O['’]|D['’])?", r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+){0,2}")
"""_WORD as NAME_SCAN reads it: optional prefixes, then a capitalised word."""
_WORD_HEADS = {"M": ("c[A-Z]", "ac[A-Z]"), "O": ("['’][A-Z]",), "D": ("['’][A-Z]",)}
"""What follows the first letter of _WORD's prefixes "Mc", "Mac", "O'" and "D'"."""


def _name_scan(lone: Iterable[str] = (), openers: str = "") -> re.Pattern[str]:
    """NAME_RE rewritten to open on a literal capital, one branch per letter: the regex
    engine then jumps from capital to capital instead of trying every position (about
    twice as fast; the same matches, which tests check). Should NAME_RE or _WORD change
    shape, this is NAME_RE itself until _WORD_SPLIT and _WORD_HEADS follow.

    With ``lone`` words (lower case, a-z, no titles) and ``openers`` (characters, no
    blanks), a match that is one of those words alone, within two blanks after an
    opener, is passed over (see ``_skip_lone``)."""
    sep = r"(?:[ \t]+|\n)"
    read_as = (
        rf"(?=[A-Z])\b(?:{_TITLED}{sep}(?:{_PARTICLE}(?:[ \t]+|\n))?)?{_WORD}"
        rf"(?:{sep}(?:{_PARTICLE}(?:[ \t]+|\n))?{_WORD})*"
    )
    if NAME_RE.pattern != read_as or _WORD != "".join(_WORD_SPLIT):
        return NAME_RE
    tail = _WORD_SPLIT[1][len("[A-Z]") :]
    rest = rf"(?:{sep}(?:{_PARTICLE}(?:[ \t]+|\n))?{_WORD})*"
    titles = _TITLE_ALT.split("|")
    branches = []
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        heads = _WORD_HEADS.get(letter)
        word = f"(?:{'|'.join(heads)}|){tail}" if heads else tail
        own = [
            re.escape(t[1:]) + (r"\.?" if t.lower() in ABBREVIATED else "")
            for t in titles
            if t[0] == letter
        ]
        if own:
            titled = rf"(?:{'|'.join(own)}){sep}(?:{_PARTICLE}(?:[ \t]+|\n))?{_WORD}"
            word = f"(?:{titled}|{word})"
        skip = _skip_lone(letter, [w[1:] for w in lone if w[0] == letter.lower()], openers)
        branches.append(rf"{letter}(?<=\b{letter}){skip}{word}{rest}")
    return re.compile("|".join(branches))


def _skip_lone(letter: str, tails: list[str], openers: str) -> str:
    """A lookahead failing where the branch for ``letter`` would match just one of the
    words ``letter`` + ``tails``, the previous character other than up to two blanks being
    one of ``openers`` (never after "St. ", which joins the word). ``name_mentions`` drops
    such a match unread ("He", "The" opening sentences: nearly half of all matches), so
    the scan need not make it."""
    if not tails or not openers:
        return ""
    sep = r"(?:[ \t]+|\n)"
    before = "[" + "".join(map(re.escape, sorted(openers))) + "]"
    after = "|".join(
        rf"(?<={before}{blanks}{letter})" for blanks in ("", r"[ \t\n]", r"[ \t\n]{2}")
    )
    goes_on = rf"[a-z]|-[A-Z]?[a-z]|{sep}(?:{_PARTICLE}(?:[ \t]+|\n))?{_WORD}"
    words = by_first_letter(sorted(tails, key=len, reverse=True))
    # the words first: most capitals open no such word, and fail there at once
    return (
        rf"(?!(?=(?:{words})(?![a-z]))(?:{after})(?<!St\.[ \t\n]{letter})"
        rf"(?:{words})(?!{goes_on}))"
    )


NAME_SCAN = _name_scan()
"""The same matches as NAME_RE, found faster."""
LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
NOT_AFTER_HER = (
    "to a an the that and in on at with for of as if so but by from up out down again back "
    "now then too very not what how why when into away off"
)
"""Words after "her" that make it an object ("gave her a book"), not a possessive."""
HER_POSSESSIVE = rf"[ \t\n]+(?!(?:{by_first_letter(NOT_AFTER_HER.split())})\b)[a-z]"
NOT_NAMES = frozenset(
    """i i'm i'll i've i'd oh ah yes no well mr mrs miss sir god heaven lord christ jesus
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december christmas easter english french
    german italian american indian british europe england london paris the a an and but
    chapter book part volume mother father then now so yet still here there when while as
    if after before perhaps suddenly meanwhile later soon today tomorrow yesterday tonight
    again once please thank thanks sorry hello hi hey good oh why what how who where this
    that these those they we you he she it his her my our your their its poor dear dearest
    come go look let just even only not all both each every some any many much more most
    one two three at in on by for from with without to of into upon over under papa mama
    mamma pa ma mum mummy mom dad daddy granny grandma grandpa nanny son daughter honestly
    really listen okay ok goodness gracious heavens sweetheart darling aye nay alas hush bah
    pshaw hurrah amen mlle mme mmes mesdames messrs misses auntie aunty ere lest hence thence
    whence thus yea madame madam monsieur mademoiselle signora signor signorina herr frau
    fraulein señor señora grandmamma grandpapa""".split()
)
"""Capitalised words that open sentences or name no one."""
NICKNAMES = {
    "elizabeth": "lizzy lizzie liz eliza beth betsy bess bessie betty lisa libby",
    "catherine": "kitty kate katie cathy kit",
    "katherine": "kitty kate katie kathy kit",
    "margaret": "meg maggie peggy madge daisy",
    "mary": "molly polly mamie",
    "sarah": "sally sadie",
    "frances": "fanny",
    "helen": "nell nelly",
    "ellen": "nell nelly",
    "eleanor": "nell nelly ellie",
    "anne": "annie nan nancy",
    "ann": "annie nan nancy",
    "jane": "jenny jennie",
    "susan": "sue susie",
    "dorothy": "dolly dot dora",
    "henrietta": "etta hetty",
    "harriet": "hattie hetty",
    "caroline": "carrie caro",
    "charlotte": "lottie lotty",
    "isabella": "bella isa",
    "wilhelmina": "mina",
    "louisa": "loo lou louie",
    "william": "will willy willie bill billy",
    "thomas": "tom tommy",
    "john": "jack johnny",
    "robert": "bob bobby rob robin",
    "richard": "dick dickie rick",
    "henry": "harry hal",
    "edward": "ned ted teddy ed",
    "edmund": "ned ted",
    "james": "jim jimmy jamie",
    "joseph": "joe joey",
    "charles": "charlie chas",
    "frederick": "fred freddy freddie",
    "nicholas": "nick",
    "anthony": "tony",
    "michael": "mike mick",
    "peter": "pete",
    "samuel": "sam sammy",
    "benjamin": "ben benny",
    "daniel": "dan danny",
    "alexander": "alex sandy",
    "andrew": "andy",
    "matthew": "matt",
    "lawrence": "larry",
    "theodore": "theo ted",
    "francis": "frank",
    "stephen": "steve",
    "albert": "bertie",
    "leonard": "len lenny",
}
NICK_TO_FULL = {nick: full for full, nicks in NICKNAMES.items() for nick in nicks.split()}
NARRATOR = "I"
MALE_NOUNS = frozenset(
    "man gentleman boy father brother uncle husband son lord king prince duke fellow "
    "lad sir master old-man nephew grandfather squire priest monk butler waiter "
    "footman groom count baron".split()
)
FEMALE_NOUNS = frozenset(
    "woman lady girl mother sister aunt wife daughter queen princess duchess niece "
    "grandmother maid widow mistress nurse housekeeper governess countess".split()
)


def noun_gender(noun: str) -> str | None:
    """The gender a person noun tells: listed nouns, and compounds a reader knows without
    a list — a parlourmaid or a fishwife is a woman, a cabman or a policeman a man."""
    if noun in MALE_NOUNS:
        return "male"
    if noun in FEMALE_NOUNS or noun.endswith(("maid", "woman", "wife")):
        return "female"
    if len(noun) > 4 and noun.endswith("man") and noun not in ("human", "german", "roman"):
        return "male"
    return None


APPOSITIVE = re.compile(
    r",[ \t\n]+(?:his|her|their|my|our|your|the|a|an)[ \t\n]+(?:[a-z-]+[ \t\n]+)?([a-z]+)\b"
)
"""'Kit, her brother, ...': the noun set beside a name tells its gender."""


@dataclass(slots=True)
class Person:
    """A character while the cast is being built."""

    name: str
    surfaces: set[str] = field(default_factory=set)
    gender: str | None = None
    title: str | None = None
    first: str | None = None
    last: str | None = None
    weight: int = 0
    """How often the text uses this person's names."""


@dataclass
class Cast:
    """The story's characters and how each surface form of a name maps to one of them."""

    people: dict[str, Character] = field(default_factory=dict)
    lookup: dict[str, str] = field(default_factory=dict)
    """Normalised surface ("mr darcy", "lizzy", "the doctor") → character name."""

    def find(self, surface: str) -> str | None:
        """The character a name phrase refers to, or None."""
        key = normalise(surface)
        name = self.lookup.get(key)
        if name is None and key.startswith("the "):
            name = self.lookup.get(key[4:])
        while name is None and " " in key and key.split()[0] not in TITLES:
            key = key.split(" ", 1)[1]
            name = self.lookup.get(key)
        return name

    def gender(self, name: str | None) -> str | None:
        person = self.people.get(name) if name else None
        return person.gender if person else None


def normalise(surface: str) -> str:
    """Lower case, no title dots, single spaces: "Mr.  Darcy" → "mr darcy"."""
    return " ".join(surface.replace(".", " ").split()).lower()


def split_name(key: str) -> tuple[str | None, list[str]]:
    """("mr", ["fitzwilliam", "darcy"]) from "mr fitzwilliam darcy"."""
    words = key.split()
    if words and words[0] == "the":
        words = words[1:]
    title = None
    if len(words) > 1 and words[0] in TITLES:
        title, words = words[0], words[1:]
    if title in NOBLE_TITLES and len(words) > 1 and words[0] == "of":
        return title, [" ".join(words)]  # "duchess of monmouth": the place is one name
    if len(words) < 2 or PARTICLES.isdisjoint(words):
        return title, words  # most names: no particle to look for word by word
    for i, word in enumerate(words):
        if word in PARTICLES and i < len(words) - 1:  # "van der luyden" is one surname
            words = [*words[:i], " ".join(words[i:])]
            break
    return title, words


def title_gender(title: str | None) -> str | None:
    if title in MALE_TITLES:
        return "male"
    if title in FEMALE_TITLES:
        return "female"
    return None


EITHER_NICKNAMES = frozenset("kit sandy alex sam frankie jo billie charlie chris pat".split())
"""Short names a man or a woman may go by."""


def given_gender(first: str) -> str | None:
    """The gender a given name itself tells ("Fanny", "Thomas"), when the text's pronouns
    have not settled it; a nickname through its full name ("Freddy" is Frederick's)."""
    if first in EITHER_NICKNAMES:
        return None  # Kit is Christopher as often as Catherine
    return given_name_gender(first) or given_name_gender(NICK_TO_FULL.get(first, ""))


def _first_name_gender(first: str, votes: list[int] | None) -> str | None:
    """The pronouns' verdict on a first name, else what the name itself tells: the text
    knows its own Wren better than any dictionary of names does. A verdict of a single
    stray pronoun ("Edward ... her", read in Elinor's sentences) does not overturn a
    name the dictionary is sure of, though."""
    voted = voted_gender(votes)
    if voted is None or votes is None:
        return given_gender(first)
    male, strong, her = votes
    if max(male, strong + her / 2) < FAINT_VOTES:
        sure = given_name_gender(first, sure=True)
        if sure is not None and sure != voted and first not in EITHER_NICKNAMES:
            return sure
    return voted


FAINT_VOTES = 2
"""Fewer pronoun votes than this (a single stray one) are faint against a name the
dictionary is sure of; two or more, and the text's own Wren is a woman."""


def voted_gender(votes: list[int] | None) -> str | None:
    if not votes:
        return None
    male, strong, her = votes
    female = strong + her / 2
    if male >= 1 and male >= 2 * female:
        return "male"
    if female >= 1 and female >= 2 * male:
        return "female"
    return None


@dataclass(slots=True)
class Census:
    """Counts a cast is chosen from: name phrases, word cases, pronoun votes, tags."""

    counts: Counter[str]
    """Normalised name phrase → occurrences."""
    lower: Counter[str]
    """Lower-case word → occurrences: "bill" the noun against "Bill" the name."""
    mid_caps: Counter[str]
    """Word → capitalised occurrences inside a sentence (not after . ! ? or a quote)."""
    mid_keys: Counter[str]
    """Name phrase → occurrences inside a sentence, where a capital means a name."""
    votes: dict[str, list[int]]
    acts: Counter[str] = field(default_factory=Counter)
    """Name phrase → times it is the subject of a verb ("Tom turned"): a person acting."""
    addressed: Counter[str] = field(default_factory=Counter)
    """Name phrase → times it is set off as one addressed ("Well, Jane?")."""
    stripped: Counter[str] = field(default_factory=Counter)
    """Name phrase → times it was left after dropping a sentence's opening word."""
    placed: Counter[str] = field(default_factory=Counter)
    """Name phrase → times it follows "in": a place, not a person."""
    prepped: Counter[str] = field(default_factory=Counter)
    """Name phrase → times it follows "of", "in", "at", "from", "into", an article or a
    possessive: "the decay of Islam", "at Oxford", "her Christian name" are no people."""
    forms: dict[str, str] = field(default_factory=dict)
    """Name phrase → how the text writes it ("Mrs Weasley", "Mr. Darcy")."""
    tagged: Counter[str] = field(default_factory=Counter)
    """Name phrases seen as the subject of a speech tag."""
    inverted: set[str] = field(default_factory=set)
    """Name phrases seen after a speech verb ("said Bill"): names beyond doubt."""
    couples: Counter[str] = field(default_factory=Counter)
    """Surname → times the text writes "Mr. and Mrs. Surname": a married couple."""
    recent: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(first name, full name) → times the bare first name came with that full name the
    last one named: "Charles" after "Charles Musgrove" is Charles Musgrove."""
    splits: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)
    """Name phrase → ``split_name`` of it, worked out once: choosing the cast asks each
    phrase's title and words many times over. The words are shared: read them only."""

    def split(self, key: str) -> tuple[str | None, list[str]]:
        """``split_name(key)``, memoised."""
        found = self.splits.get(key)
        if found is None:
            found = self.splits[key] = split_name(key)
        return found


def name_mentions(
    text: str, start: int, end: int, quotes: list[tuple[int, int]] | None = None
) -> tuple[list[tuple[int, int, str]], Census]:
    """(start, end, normalised phrase) of every name-like phrase, and the census of them.

    ``quotes`` (sorted spans of speech) keep pronouns inside speech out of the votes."""
    lower = _lower_counts(text, start, end)
    found: list[tuple[int, int, str]] = []
    mid_caps: defaultdict[str, int] = defaultdict(int)
    mid_keys: list[str] = []
    addressed: list[str] = []
    stripped: list[str] = []
    placed: list[str] = []
    prepped: list[str] = []
    forms: dict[str, str] = {}
    keys: dict[str, _Phrase] = {}
    blanks = " \t\n"
    quote_starts = [a for a, _ in quotes] if quotes else []
    for match in CENSUS_SCAN.finditer(text, start, end):
        raw = match.group()
        pos, end_at = match.span()
        if text[pos - 4 : pos - 1] == "St." and text[pos - 1] in blanks and pos - 4 >= start:
            pos -= 4  # "St. Augustine" is a saint's name, not Augustine after a full stop
            raw = "St. " + raw
        elif raw == "St" and text[end_at : end_at + 1] == ".":
            continue  # read with the name that follows
        back = pos - 1
        char = text[back]
        if char in blanks and text[pos - 2] == "e" and text[pos - 4 : back] == "the":
            if pos - 4 >= start:
                pos -= 4
                back = pos - 1
                char = text[back]
                raw = "the " + raw
        known = keys.get(raw)
        if known is None:
            known = keys[raw] = _phrase(raw, lower, forms)
        key, words, cut, lone_word = known
        if cut is not None:
            end_at = pos + cut
        while char in blanks and back > start:
            back -= 1
            char = text[back]
        if lone_word and char in SENTENCE_OPENERS:
            continue  # "The", "But" opening a sentence: the commonest capitals, no names
        if char == "," and text[end_at : end_at + 1] in VOCATIVE_ENDS:
            if _in_list(text, back, end_at):
                pass  # "Wolfenbach, Clermont, Mysterious Warnings": titles in a list
            elif not quote_starts or _in_speech(pos, quote_starts, quotes):
                addressed.append(key)  # "Hindu, Christian, or Greek" in narration is a list
        elif char in PREP_LAST and text.endswith(PREP_ENDS, back - 4, back + 1):
            if not (char == "t" and LOOKED_AT.search(text, max(start, back - 16), back + 1)):
                prepped.append(key)  # "smiled at Ginny" is at a person
            if char == "n" and text[back - 2 : back + 1] in PLACE_WORDS:
                placed.append(key)
        elif char == "o" and GONE_TO.search(text, max(start, back - 16), back + 1):
            prepped.append(key)  # "going to Greece": people are gone to seldom
        elif char in FRENCH_LAST and _french_article(text, back, pos):
            placed.append(key)  # "Avenue de l'Opéra", "Rue des Pyramides": places, no one
        if char in SENTENCE_OPENERS or back <= start:
            if len(words) > 1:
                key, pos = _drop_openers(key, pos, lower, mid_caps, stripped)
            if key in NOT_NAMES:
                continue
        else:
            mid_keys.append(key)
            if len(words) == 1:
                mid_caps[key] += 1
            else:
                for word in words:
                    mid_caps[word] += 1
        found.append((pos, end_at, key))
    found = join_titled_places(text, found, forms)
    counts = Counter([key for _, _, key in found])  # a list counts faster than a generator
    votes, acts = _votes(text, found, quotes or [])
    census = Census(
        counts,
        lower,
        Counter(mid_caps),
        Counter(mid_keys),
        votes,
        acts,
        Counter(addressed),
        Counter(stripped),
        Counter(placed),
    )
    census.forms = forms
    census.prepped = Counter(prepped)
    census.recent = _recent_holders(found)
    census.couples = Counter(m.group(1).lower() for m in COUPLE.finditer(text, start, end))
    return found, census


OF_BETWEEN = re.compile(r"[ \t\n]+of[ \t\n]+")
NOBLE_KEYS = NOBLE_TITLES | {f"the {title}" for title in NOBLE_TITLES}
"""Mention keys ``join_titled_places`` may join to a place: "duchess", "the duchess"."""


def join_titled_places(
    text: str, found: list[tuple[int, int, str]], forms: dict[str, str]
) -> list[tuple[int, int, str]]:
    """ "the Duchess of Monmouth" is one person's name, though the scan reads "Duchess" and
    "Monmouth" apart: a noble title, "of" and a place of capitalised words join into one
    mention, so the duchess is a character and Monmouth no one."""
    titled = [i for i, (_, _, key) in enumerate(found) if key in NOBLE_KEYS]
    if not titled:
        return found  # no noble title: nothing to join, as in most stories
    joined: list[tuple[int, int, str]] = []
    done, stop = 0, len(found)  # found[:done] is read
    for i in titled:
        if i < done or i + 1 >= stop:
            continue  # the place of the title before, or the last mention
        pos, end, key = found[i]
        at, place_end, place = found[i + 1]
        if OF_BETWEEN.fullmatch(text, end, at) and _a_place(place):
            title = key[4:] if key.startswith("the ") else key
            name = f"{title} of {place}"
            words = text[pos:place_end].split()
            forms.setdefault(name, " ".join(words[1:] if words[0] in ("the", "The") else words))
            joined.extend(found[done:i])
            joined.append((pos, place_end, name))
            done = i + 2
    joined.extend(found[done:])
    return joined


def _a_place(key: str) -> bool:
    """Capitalised words that can follow "Duke of": no title, no article, no common word."""
    return not key.startswith("the ") and split_name(key)[0] is None and key not in NOT_NAMES


COUPLE = re.compile(
    r"Mr(?<![A-Za-z]Mr)\.?[ \t\n]+and[ \t\n]+Mrs\.?[ \t\n]+([A-Z][a-z]+)\b(?![ \t\n]+[A-Z])"
)
"""'Mr. and Mrs. Morland' (not 'Mr. and Mrs. John Dashwood'): the couple heading a house.
It opens on the literal "Mr", which the regex engine finds fast."""


LIST_BEFORE = re.compile(r"[A-Z][a-z]+$")
LIST_AFTER = re.compile(r",[ \t\n]+(?:(?:and|or)[ \t\n]+)?([A-Z][a-z]+)")


def _french_article(text: str, back: int, pos: int) -> bool:
    """Whether the name at ``pos`` follows French "l'" or "des" (the, of the), whose last
    character is at ``back``: "l'Opéra", "des Pyramides" name streets and buildings."""
    if back == pos - 1 and text[back] in "'’":
        return text[back - 1 : back] == "l" and not text[back - 2 : back - 1].isalpha()
    return text[back] == "s" and text[back - 3 : back + 1] in FRENCH_DES


FRENCH_DES = frozenset((" des", "\ndes"))
FRENCH_LAST = frozenset("'’s")
"""The last characters of "l'" and "des": before any other, no need to call."""


def _in_list(text: str, comma: int, end: int) -> bool:
    """Whether the name ending at ``end``, after the comma at ``comma``, sits between two
    capitalised words in a list ("Wolfenbach, Clermont, Mysterious Warnings"), not set off
    as someone addressed ("Well, Jane, what now?")."""
    before = LIST_BEFORE.search(text, max(0, comma - 30), comma)
    if before is None:
        return False
    after = LIST_AFTER.match(text, end)
    return after is not None and after.group(1).lower() not in NOT_NAMES


_Phrase = tuple[str, list[str], int | None, bool]
"""A spelling's key, words, trimmed length and whether it is one word naming no one."""


def _phrase(raw: str, lower: Counter[str], forms: dict[str, str]) -> _Phrase:
    """What a name phrase as written reads as, worked out once per spelling: its key, its
    words, where a trimmed phrase ends, and whether it is one word that names no one."""
    if " " not in raw and "\t" not in raw and "\n" not in raw and "." not in raw:
        key = raw.lower()  # one word, as most are: nothing to trim
        if key not in forms:
            forms[key] = raw
        return key, [key], None, key in NOT_NAMES
    key, words = _trim(normalise(raw), lower)
    tokens = raw.split()
    cut = None
    if len(words) < len(tokens) and not raw.startswith("the "):
        cut = len(" ".join(tokens[: len(words)]))  # trimmed phrase ends sooner
    elif key not in forms and len(words) == len(tokens):
        form = " ".join(tokens)
        forms[key] = "the" + form[3:] if form.startswith("The ") else form
    return key, words, cut, len(words) == 1 and key in NOT_NAMES


def _in_speech(pos: int, starts: list[int], quotes: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies inside one of the sorted speech spans."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < quotes[i][1]


def _recent_holders(found: list[tuple[int, int, str]]) -> Counter[tuple[str, str]]:
    """Which full name each bare first name follows: a reader takes "Charles" for the
    Charles last named in full."""
    last_full: dict[str, str] = {}
    firsts: dict[str, str | None] = {}
    recent: Counter[tuple[str, str]] = Counter()
    for _, _, key in found:
        if " " not in key:
            full = last_full.get(key)
            if full is not None:
                recent[key, full] += 1
            continue
        if key not in firsts:
            words = split_name(key)[1]
            firsts[key] = words[0] if len(words) > 1 else None
        first = firsts[key]
        if first is not None:
            last_full[first] = key
    return recent


def _trim(key: str, lower: Counter[str]) -> tuple[str, list[str]]:
    """Cut a run of capitals at its first common word: "Mr. Fielding High School" is
    Mr. Fielding; a name has at most four words after its title."""
    words = key.split()
    keep = 2 if len(words) > 1 and (words[0] in TITLES or words[0] == "the") else 1
    # "Mrs. Hall" is never cut to "Mrs.", nor "the March Hare" to "the"
    for word in words[keep:]:
        if word not in TITLES and word not in PARTICLES and (word in NOT_NAMES or lower[word] > 2):
            if word in PLACE_NOUNS:
                return key, words  # "Summer Street" is a place, not a person named Summer
            break
        keep += 1
    if keep > 5:
        keep = 5
    if keep < len(words):
        words = words[:keep]
        key = " ".join(words)
    return key, words


PLACE_NOUNS = frozenset(
    "street road lane square place park hall house court gardens terrace row avenue hill "
    "church chapel station hotel inn bridge castle abbey manor cottage lodge farm corner "
    "college school club theatre theater".split()
)
"""Words that end the name of a place: "Summer Street", "Windy Corner"."""
PLACE_WORDS = frozenset((" in", "\nin", "\tin"))
"""People are seldom "in" anyone; a name that follows "in" is a place ("in India")."""
PREP_ENDS = tuple(
    f"{blank}{word}"
    for word in "of in at from into a an his her its their our your".split()
    for blank in " \n"
)
PREP_LAST = frozenset("fnmtoasr")
"""Words that put a thing, a place or a kind after them ("of Islam", "at Oxford", "her
Christian name", "a Hindu"), and their last letters."""
LOOKED_AT = re.compile(
    r"\b(?:look|glanc|star|smil|grinn?|laugh|nodd?|winke?|frown|gaz|peer|scowl|shout|yell|"
    r"snapp?|glar|sneer|wav|beam|blink|point|gap|gawk|squint)(?:e|s|es|ed|ing)?[ \t\n]+at$"
)
"""Looks and calls aimed "at" someone: "smiled at Ginny" is not a place."""
GONE_TO = re.compile(
    r"\b(?:go|goes|going|gone|went|been|off|way|fly|flew|flown|travel(?:l?ed|l?ing|s)?|"
    r"sail(?:ed|ing|s)?|return(?:ed|ing|s)?|moved?)[ \t\n]+to$"
)
"""Journeys "to" somewhere: "go to Greece", "been to Italy" (but "came to Jane" is a
person approached)."""
VOCATIVE_ENDS = frozenset(",!?.")


def _drop_openers(
    key: str, pos: int, lower: Counter[str], mid_caps: dict[str, int], stripped: list[str]
) -> tuple[str, int]:
    """ "Then Elizabeth" at a sentence's start is Elizabeth, and "Presently Helen" is Helen:
    a word in "-ly" never capitalised inside a sentence, and no given name (as Emily is), is
    an adverb however seldom the sampled lower-case counts saw it."""
    head, _, rest = key.partition(" ")
    while (
        rest
        and head != "the"
        and head not in TITLES
        and (
            head in NOT_NAMES
            or lower[head] * 2 > mid_caps.get(head, 0) + 1
            or (head.endswith("ly") and not mid_caps.get(head) and given_gender(head) is None)
        )
    ):
        pos += len(head) + 1
        key = rest
        head, _, rest = key.partition(" ")
        stripped.append(key)
    return key, pos


def _lower_counts(text: str, start: int, end: int) -> Counter[str]:
    """Lower-case word counts from a sample of the text, scaled to its length.

    Only the balance of "then"/"Then" matters, and a long sample shows it."""
    stop = min(end, start + LOWER_SAMPLE)
    counts = _lower_words(text, start, stop)
    if stop < end:
        scale = (end - start) / (stop - start)
        return _Scaled(counts, scale, text, stop, end)
    return counts


def lower_anywhere(lower: Counter[str], word: str) -> int:
    """How often the whole text writes ``word`` in lower case. A sample shows the balance
    of "then" and "Then", but a rarer word ("science", "petulant") may be met in lower
    case only after it: the rest is then read too, once, the first time it is asked."""
    return lower.anywhere(word) if isinstance(lower, _Scaled) else lower[word]


class _WordClasses(dict):
    """A ``str.translate`` table, filled as characters are met: a-z stay, other word
    characters become "#", everything else a space."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        if "a" <= char <= "z":
            value = code
        else:
            value = ord("#") if char.isalnum() or char == "_" else ord(" ")
        self[code] = value
        return value


def _spell(text: str, start: int, stop: int) -> str:
    """``text[start:stop]`` as ``_lower_words`` reads it: a-z stay, other word characters
    become "#", everything else a space; a word running on from before ``start`` is "#"."""
    classes = _WordClasses()
    head = "_" if start > 0 and classes[ord(text[start - 1])] != ord(" ") else ""
    return (head + text[start:stop]).translate(classes)


def _lower_words(
    text: str, start: int, stop: int, only: set[str] | None = None, spelled: str | None = None
) -> Counter[str]:
    """``Counter(LOWER_WORD.findall(text, start, stop))``, twice as fast: a-z words are
    the space-split tokens without "#" once other word characters are "#". With ``only``
    (a-z words of two letters or more), just those words are counted, faster still.
    ``spelled``, when given, is ``_spell(text, start, stop)``, already made."""
    if LOWER_WORD.pattern != r"\b[a-z]{2,}\b":
        found = LOWER_WORD.findall(text, start, stop)  # a pattern this does not know
        return Counter(found if only is None else filter(only.__contains__, found))
    if spelled is None:
        spelled = _spell(text, start, stop)
    if only is not None and len(only) <= FEW_WORDS:
        return _few_words(spelled, only)
    split = spelled.split()
    if only is not None:
        return Counter(filter(only.__contains__, split))
    tokens = Counter(split)
    for word in [word for word in tokens if not word.isalpha()]:
        del tokens[word]  # a word with other word characters ("#") in it: none of a-z only
    for letter in ascii_lowercase:
        tokens.pop(letter, None)  # single letters
    return tokens


FEW_WORDS = 64
"""Up to this many words are counted by one regex pass rather than by splitting the text."""


def _few_words(spelled: str, only: set[str]) -> Counter[str]:
    """How often each of a few a-z words is a token of ``spelled`` (a-z, "#" and spaces
    only): a regex going from space to space is far cheaper than splitting out every
    token when few words are wanted."""
    if not only:
        return Counter()
    pattern = re.compile(rf" ({by_first_letter(sorted(only))})(?![a-z#])")
    return Counter(pattern.findall(" " + spelled))


class _Scaled(Counter):
    """A sample's counts read as if taken over the whole text."""

    def __init__(
        self, counts: Counter[str], scale: float, text: str = "", stop: int = 0, end: int = 0
    ) -> None:
        super().__init__()
        self.sample = counts
        self.scale = scale
        self.text, self.stop, self.end = text, stop, end
        self.rest: Counter[str] | None = None
        """The expected words' counts past the sample, once one is asked for."""
        self.expected: set[str] = set()
        self.others: dict[str, int] = {}
        """Counts past the sample of words asked for though not expected."""
        self.spelled: str | None = None
        """The text past the sample as ``_spell`` makes it, once needed."""

    def __missing__(self, word: str) -> int:
        return int(self.sample.get(word, 0) * self.scale)

    def expect(self, words: Iterable[str]) -> None:
        """Name the words ``anywhere`` will mostly be asked about: past the sample only they
        are counted then, together, which is far cheaper than counting every word there.
        Any other word is counted on its own when asked for."""
        self.expected = {w for w in words if _a_word(w) and w not in self.sample}

    def anywhere(self, word: str) -> int:
        """The scaled count, or the count past the sample when the sample has none."""
        if word in self.sample:
            return self[word]
        if word in self.expected:
            if self.rest is None:
                self.rest = self._words(self.expected)
            return self.rest[word]
        if not _a_word(word):
            return 0  # "the doctor", "o'brien": no lower-case word, in any text
        count = self.others.get(word)
        if count is None:
            count = self.others[word] = self._count(word)
        return count

    def _count(self, word: str) -> int:
        """How often the text past the sample writes ``word`` in lower case, read alone:
        most such words are names, never written so, which one ``str.count`` tells."""
        if self.text.count(word, self.stop, self.end) == 0:
            return 0
        return self._words({word})[word]

    def _words(self, words: set[str]) -> Counter[str]:
        """Counts of ``words`` past the sample, the text spelled for it once."""
        if self.spelled is None:
            self.spelled = _spell(self.text, self.stop, self.end)
        return _lower_words(self.text, self.stop, self.end, words, self.spelled)


def _a_word(word: str) -> bool:
    """Whether ``word`` could be one that LOWER_WORD counts: two letters a-z or more."""
    return len(word) > 1 and _A_TO_Z(word) is not None


_A_TO_Z = re.compile("[a-z]+").fullmatch


LOWER_SAMPLE = 150_000
VOTES_PER_WORD = 40
"""Pronoun cues read per name: enough to tell a gender, cheap on long novels."""
GENDER_AFTER = re.compile(
    rf"[ \t\n]+(?:[a-z]+,?[ \t\n]+){{0,5}}?(his|her(?={HER_POSSESSIVE})|himself|herself)\b"
    rf"|[^.!?\"“”]{{0,60}}[.!?][ \t\n]+(He|She)\b"
)
OBJECT_PREPOSITIONS = (
    "of to at with for from by on in into upon behind beside towards over under about"
)
OBJECT_VERB_WORDS = (
    "saw met told took gave found left let made knew caught held kept led hit sent brought "
    "bought taught heard felt told paid thanked asked"
)
OBJECT_CONTEXT = re.compile(
    rf"\b(?:{by_first_letter(OBJECT_PREPOSITIONS.split())}|[a-z]{{3,}}ed"
    rf"|{by_first_letter(OBJECT_VERB_WORDS.split())})[ \t\n]+$"
)
"""A name after a preposition or a verb is acted on: "Louisa watched Tom. She smiled." is
Louisa smiling, so the pronoun after it says nothing of Tom."""


def _object_context(text: str, pos: int) -> bool:
    """Whether OBJECT_CONTEXT ends at ``pos``. Its blanks and its word's last letter are
    looked at first: after ". " or '"' no word can end there, and the search is spared."""
    if pos < 2 or text[pos - 1] not in BLANKS:
        return False
    before = text[pos - 2]
    if before not in BLANKS and not "a" <= before <= "z":
        return False
    return OBJECT_CONTEXT.search(text, max(0, pos - 12), pos) is not None


BLANKS = frozenset(" \t\n")
ACT_AFTER = re.compile(r"[ \t\n]+(?:[a-z]+ly[ \t\n]+)?([a-z]+)\b")
A_KIND = tuple(f"{b}{word}{a}" for word in ("a", "an") for b in " \n" for a in " \n")
"""A name after "a" is a kind of person: "a Native Christian tried" is no one's act, nor
"A Devout Quaker walked in" (read in lower case)."""
NOT_PRESENT_VERBS = frozenset(
    "this thus was has is his hers its yours ours theirs us as yes less unless across perhaps "
    "always sometimes towards afterwards besides whereas various famous previous always "
    "news series species means pass glass class grass dress press miss boss loss mess".split()
)
"""Words ending in "s" after a name that are no present-tense act."""
HUMAN_VERBS = frozenset(
    """says said asks asked looks looked turns turned smiles smiled nods nodded laughs laughed
    sighs sighed waits waited sits sat stands stood comes came goes went takes took walks
    walked runs ran shakes shook rolls rolled shrugs shrugged puts put pushes pushed pulls
    pulled finds found sees saw knows knew thinks thought feels felt gives gave gets got makes
    made tells told hears heard leaves left keeps kept holds held lets let begins began tries
    tried cries cried replies replied whispers whispered shouts shouted stares stared grins
    grinned frowns frowned watches watched leans leaned rises rose falls fell catches caught
    reaches reached glances glanced pauses paused adds added wants wanted loves loved hates
    hated wrote writes read reads ate eats drank drinks slept sleeps""".split()
)
"""What people do; "London was grey" is no act, "Tom turned" is."""


def _told_in_present(text: str) -> bool:
    """The story tags its speech in the present tense ("she says", "I ask") more than in
    the past: then "Jess snorts." is someone acting, as "Jess snorted." is in the past."""
    n = TENSE_SAMPLE  # a story keeps its tense: its opening tells it (counted in place)
    present = text.count(" says", 0, n) + text.count(" asks", 0, n) + text.count(" say.", 0, n)
    past = text.count(" said", 0, n) + text.count(" asked", 0, n)
    return present > past


TENSE_SAMPLE = 200_000


NO_QUOTE = (float("inf"), float("inf"))
"""A quote after every position: where no quote is left."""


def _votes(
    text: str,
    found: list[tuple[int, int, str]],
    quotes: list[tuple[int, int]] = (),
    read_acts: bool = True,
) -> tuple[dict[str, list[int]], Counter[str]]:
    """Name word → [male, female, "her"] pronoun votes from "Missy rolled her eyes." and kin,
    and name phrase → acts ("Tom turned"), unless ``read_acts`` is off (the caller wants
    the votes only, and the acts' tense check and verb reading are then spared).

    "her" counts apart: it is also the object of a man's action ("he kissed her hand")."""
    votes: dict[str, list[int]] = {}
    acts: Counter[str] = Counter()
    seen: dict[str, int] = {}
    last_words: dict[str, str] = {}
    q, stop = 0, len(quotes)
    opens, closes = quotes[0] if quotes else NO_QUOTE  # the first quote not behind
    present = read_acts and _told_in_present(text)
    for pos, end, key in found:
        if closes <= pos:
            while q < stop and quotes[q][1] <= pos:
                q += 1
            opens, closes = quotes[q] if q < stop else NO_QUOTE
        if opens <= pos:
            continue  # in speech "her" and "his" are anyone's
        word = last_words.get(key)
        if word is None:
            word = last_words[key] = key.rsplit(" ", 1)[-1]
        read = seen.get(word, 0)
        if read >= VOTES_PER_WORD:
            continue
        seen[word] = read + 1
        if _object_context(text, pos):
            continue  # "in front of Dessa his clock": the pronoun is someone else's
        act = ACT_AFTER.match(text, end, end + 40) if read_acts else None
        if act is not None and not text[max(0, pos - 4) : pos].lower().endswith(A_KIND):
            verb = act.group(1)
            if verb in HUMAN_VERBS:
                acts[key] += 2
            elif verb.endswith("ed") and len(verb) > 4:
                acts[key] += 1
            elif present and verb.endswith("s") and len(verb) > 3:
                if verb not in NOT_PRESENT_VERBS:
                    acts[key] += 1  # "Jess snorts.": a story told in the present tense
            elif present and text.startswith(("n't", "n’t"), act.end(1) - 1):
                acts[key] += 1  # "Jess doesn't look up."
        if text[end : end + 1] == ",":
            kin = APPOSITIVE.match(text, end, end + 40)
            if kin and (kin.group(1) in MALE_NOUNS or kin.group(1) in FEMALE_NOUNS):
                slot = votes.setdefault(word, [0, 0, 0])
                slot[0 if kin.group(1) in MALE_NOUNS else 1] += 2
                continue
        match = GENDER_AFTER.match(text, end, end + 90)
        if match is None:
            continue
        pronoun = (match.group(1) or match.group(2)).lower()
        slot = votes.setdefault(word, [0, 0, 0])
        slot[0 if pronoun in ("his", "himself", "he") else 2 if pronoun == "her" else 1] += 1
    return votes, acts


SENTENCE_OPENERS = frozenset(".!?\"“”'‘’(:;—-_\n")
LONE_NAMES = sorted(w for w in NOT_NAMES if re.fullmatch("[a-z]{2,}", w) and w not in TITLES)
"""Words naming no one that the scan may pass over where they open a sentence."""
CENSUS_SCAN = _name_scan(LONE_NAMES, "".join(SENTENCE_OPENERS - set(" \t\n")))
"""NAME_SCAN without the lone words ``name_mentions`` would drop at a sentence's opening."""


def _common(word: str, lower: Counter[str], mid_caps: Counter[str]) -> bool:
    """A word used mostly in lower case ("then", "will") is not a name by itself."""
    return lower[word] * 2 > mid_caps[word] + 1


def is_name(key: str, census: Census) -> bool:
    """A phrase a reader takes for a person's name rather than a common word."""
    told = _name_by_form(key, census)
    if told is not None:
        return told
    words = census.split(key)[1]
    if len(words) == 1 and lower_anywhere(census.lower, key) * 2 > census.mid_caps[key] + 1:
        return False  # "Science", "Petulant": the text writes them in lower case as well
    return all(w not in NOT_NAMES and not _common(w, census.lower, census.mid_caps) for w in words)


def _name_by_form(key: str, census: Census) -> bool | None:
    """What ``is_name`` tells of a phrase before it asks how often the whole text writes
    it in lower case (costly past the sample), or None when it must ask."""
    title, words = census.split(key)
    if key.startswith("the ") and key in census.inverted:
        return True  # "said the March Hare"
    if not words or (words[0] in NOT_NAMES and title is None):
        return False
    if key in census.inverted or title is not None:
        return True
    if len(words) == 1 and words[0].endswith("ly") and census.lower[words[0][:-2]]:
        return False  # "Oddly," opening a sentence is an adverb ("odd" is a word here)
    if len(words) == 1 and words[0].endswith(("man", "men")) and len(words[0]) > 5:
        return False  # "the young Frenchman": a kind of person, not a name
    if (
        len(words) == 1
        and census.counts[key] >= 3
        and not census.mid_caps[key]
        and not (census.acts[key] or census.addressed[key] or census.votes.get(key))
    ):
        return False  # "Likewise," only ever opening a sentence, is a word there
    return None


def build_cast(census: Census, first_person: bool) -> Cast:
    """The cast from counted name phrases, speech-tag subjects and pronoun votes."""
    signals = _person_words(census)
    told = [k for k in census.counts if k not in census.tagged and _told(k, census, signals)]
    if isinstance(census.lower, _Scaled):  # the words is_name will ask the text about
        census.lower.expect(k for k in (*told, *census.tagged) if _name_by_form(k, census) is None)
    keys = [k for k in told if _admit(k, census, signals)]
    keys.extend(k for k in census.tagged if is_name(k, census) and not _family(k, census))
    # "said the Schlegels" has a family speak, not one person
    people = _merge(keys, census)
    cast = Cast()
    for person in people:
        for surface in person.surfaces:
            cast.lookup[surface] = person.name
        own = normalise(person.name)
        aliases = sorted(census.forms.get(s) or _display(s) for s in person.surfaces if s != own)
        cast.people[person.name] = Character(person.name, aliases, person.gender)
    if first_person:
        cast.people[NARRATOR] = Character(NARRATOR, [], None)
        cast.lookup["i"] = NARRATOR
    return cast


def role_mentions(
    text: str, start: int, end: int, cast: Cast, lowered: str | None = None
) -> list[tuple[int, int, str]]:
    """Mentions of characters known by a role ("the inspector") written in lower case,
    which the name scan cannot see; their pronouns also settle their gender."""
    roles = sorted(
        {key[4:] for key in cast.lookup if key.startswith("the ") and " " not in key[4:]}
    )
    if not roles:
        return []
    lowered = lowered if lowered is not None else text.lower()  # a literal "the " scans fast
    flags = 0
    if len(lowered) != len(text):  # lower-casing moved offsets (rare letters): scan as is
        lowered, flags = text, re.IGNORECASE
    pattern = re.compile(rf"the[ \t\n]({'|'.join(map(re.escape, roles))})\b", flags)
    found = [
        (m.start(), m.end(), "the " + m.group(1)) for m in pattern.finditer(lowered, start, end)
    ]
    votes, _ = _votes(text, found, read_acts=False)
    for role in roles:
        person = cast.people.get(cast.lookup["the " + role])
        if person is not None and person.gender is None:
            person.gender = voted_gender(votes.get(role))
    return found


NAME_BEFORE_COMMA = re.compile(rf"(?:{NAME_PHRASE})$")
NAME_AFTER_COMMA = re.compile(rf"[ \t\n]+(?P<name>{NAME_PHRASE})")


def link_roles(text: str, cast: Cast, lowered: str | None = None) -> None:
    """ "Basil Hallward, the painter": the role and the name are one character."""
    lowered = lowered if lowered is not None else text.lower()
    if len(lowered) != len(text):
        return
    roles = {
        key[4:]: name
        for key, name in cast.lookup.items()
        if key.startswith("the ")
        and " " not in key[4:]
        and name in cast.people
        and normalise(name) in (key, key[4:])  # a role not yet given to a named person
    }
    if not roles:
        return
    alternation = "|".join(map(re.escape, roles))
    named: dict[str, Counter[str]] = {}
    for match in re.finditer(rf", the[ \n]({alternation})\b", lowered):
        before = NAME_BEFORE_COMMA.search(text, max(0, match.start() - 40), match.start())
        if before:
            named.setdefault(match.group(1), Counter())[cast.find(before.group()) or ""] += 1
    for match in re.finditer(rf"the[ \n]({alternation}),", lowered):
        after = NAME_AFTER_COMMA.match(text, match.end())
        if after:
            found = cast.find(after.group("name")) or ""
            named.setdefault(match.group(1), Counter())[found] += 1
    for role, votes in named.items():
        role_name = roles[role]
        for other in ("", *roles.values()):  # "the Queen, the King": two roles, not one
            votes.pop(other, None)
        if not votes or role_name not in cast.people:
            continue
        (target, count), *rest = votes.most_common()
        if (rest and rest[0][1] * 2 > count) or target not in cast.people:
            continue
        genders = {cast.gender(role_name), cast.gender(target)} - {None}
        if len(genders) > 1:
            continue  # "the Queen, King ...": she is not him
        fold(cast, role_name, target)


def fold(cast: Cast, name: str, target: str) -> None:
    """Character ``name`` is ``target``: its names become aliases of ``target``."""
    person = cast.people.pop(name)
    into = cast.people[target]
    into.aliases = sorted({*into.aliases, name, *person.aliases})
    into.gender = into.gender or person.gender
    for key, value in list(cast.lookup.items()):
        if value == name:
            cast.lookup[key] = target


def _person_words(census: Census) -> set[str]:
    """Words known to name people: tag subjects, titled surnames, gendered by pronouns."""
    words = {w for k in census.tagged for w in census.split(k)[1]}
    for key in census.counts:
        title, parts = census.split(key)
        if title is not None:
            words.update(parts)
    words.update(w for w, v in census.votes.items() if voted_gender(v) and sum(v) >= 2)
    words.update(w for k in census.acts for w in census.split(k)[1])
    words.update(w for k in census.addressed for w in census.split(k)[1])
    return words


def _told(key: str, census: Census, signals: set[str]) -> bool:
    """Whether a title, an act, an address or pronouns tell an untagged phrase a person
    (the last tests of ``_admit``, which refuses the phrase otherwise: its other tests only
    refuse). "the ..." phrases ``_admit`` reads apart."""
    if key.startswith("the "):
        return True
    count = census.counts[key]
    title, words = census.split(key)
    acts = census.acts[key]
    return bool(
        title is not None
        or acts > 1
        or (acts and len(words) == 1)
        or census.addressed[key]
        or (count >= 2 and any(w in signals for w in words))
        or (count < 2 and 1 < len(words) <= 3 and words[0] in signals)
    )


def _admit(key: str, census: Census, signals: set[str]) -> bool:
    """An untagged phrase is a character when a title, an act, an address or pronouns say
    it is a person (``_told``, asked first) and nothing says otherwise."""
    count = census.counts[key]
    title, words = census.split(key)
    if key.startswith("the "):
        return len(words) == 1 and words[0] in TITLES and (count >= 2 or key in census.acts)
    acts = census.acts[key]
    if not is_name(key, census) or count <= census.stripped[key]:
        return False
    if census.placed[key] >= 2 and census.placed[key] * 10 >= count and not given_gender(words[0]):
        return False  # "in India" is a place; "an interest in Fanny Price" is not
    if _of_a_place_or_kind(key, census):
        return False  # "the decay of Islam", "at Oxford": people are seldom "of" anyone
    if title is None and len(words) > 1 and words[-1] in PLACE_NOUNS:
        return False  # "Windy Corner" is a house
    if title is None and words[0] == "st":
        return False  # "St. Augustine", "St. Peter's": a town or a church, seldom a person
    if _plural(key, census):
        return False  # "the Gradgrinds", "Miss Steeles": a family, not one person
    if (
        title in ("general", "major")
        and count == 1
        and not acts
        and not any(w in signals and census.counts[w] for w in words)
    ):
        return False  # "General Audiences", "Major Character Death": words, not officers
    if title is not None or acts > 1 or (acts and len(words) == 1) or census.addressed[key]:
        return True
    if count >= 2:
        return any(w in signals for w in words)
    return 1 < len(words) <= 3 and all(w in signals for w in words[:1])  # "Dessa Vane" once


def _plural(key: str, census: Census) -> bool:
    """A plural of a name the text uses in the singular ("the Gradgrinds", "Miss Steeles",
    "Americans", "the Elliots", "Wilcoxes"): a family or a people, not one person."""
    title, words = census.split(key)
    if not words or not words[-1].endswith("s"):
        return False
    last = words[-1]
    for one in {last[:-1], last[:-2] if last.endswith("es") else last[:-1]}:
        one = " ".join([*words[:-1], one])
        if census.counts[one] or (title and census.counts[f"{title} {one}"]):
            return True
        if title is None and any(census.counts[f"{t} {one}"] for t in ("mr", "mrs", "miss")):
            return True
    return False


def _family(key: str, census: Census) -> bool:
    """ "The Schlegels", whose singular the text uses after Mr., Mrs. or Miss (or bare): a
    family, not one person, even when a tag has them speak together."""
    words = census.split(key)[1]
    if not key.startswith("the ") or not words or not words[-1].endswith("s"):
        return False
    one = " ".join([*words[:-1], words[-1][:-1]])
    return any(census.counts[f"{t}{one}"] for t in ("", "mr ", "mrs ", "miss "))


def _of_a_place_or_kind(key: str, census: Census) -> bool:
    """A single untitled word mostly after "of", "at", "her" or "going to" that does little
    and never takes a title: a place, a faith or a kind ("Islam", "Oxford", "Greece")."""
    title, words = census.split(key)
    prepped = census.prepped[key]
    return (
        len(words) == 1
        and title is None
        and prepped >= 2
        and prepped * 4 >= census.counts[key]
        and census.acts[key] < 2
        and not any(census.counts[f"{t} {key}"] for t in ("mr", "mrs", "miss", "sir", "lady"))
    )


def may_be_person(key: str, census: Census) -> bool:
    """A word a reader could take for a new person's name when speech points to someone
    unnamed: a name-like word ("England" and "Englishman" are not), not one the story
    writes as a place ("in Coketown", "going to Greece")."""
    placed = census.placed[key]
    return (
        is_name(key, census)
        and not (placed and placed * 10 >= census.counts[key])
        and not _of_a_place_or_kind(key, census)
        and not _plural(key, census)
    )


def _merge(keys: list[str], census: Census) -> list[Person]:
    """Group surfaces into people: longest names first, shorter forms join them."""
    people: list[Person] = []
    by_first: dict[str, list[Person]] = {}
    by_last: dict[str, list[Person]] = {}

    def order(key: str) -> tuple:
        title, words = census.split(key)
        nick = len(words) == 1 and words[0] in NICK_TO_FULL
        weight = census.counts[key] + 3 * census.tagged[key]
        untitled_first = (title is None) == (len(words) == 1)
        role = key.startswith("the ")  # "the General" waits for General Tilney
        rank = title is not None and title not in ADDRESS_CLASSES  # "Mr. Fussell" first
        return (role, -len(words), nick, untitled_first, rank, -weight, key)

    for key in sorted(keys, key=order):
        title, words = census.split(key)
        gender = title_gender(title)
        if key.startswith("the ") and len(words) == 1:
            titled = [p for p in people if p.title == words[0]] if words[0] in TITLES else []
            if not titled:  # "The Queen" opening a sentence was read as "Queen"
                titled = [p for p in by_first.get(words[0], []) if p.last is None]
            home = titled[0] if len(titled) == 1 else None
        elif title is None and len(words) == 1 and words[0] in RANKS:
            home = _rank_holder(words[0], people)  # "I hope, Admiral, ..." to Admiral Croft
        else:
            home = _home(
                title,
                words,
                gender,
                by_first,
                by_last,
                census.counts,
                census.recent,
                census.couples,
                census.votes,
            )
        if home is None:
            home = _person(key, title, words, gender, census.votes, census.forms, census.counts)
            home.weight = census.counts[key]
            people.append(home)
            if home.first:
                by_first.setdefault(home.first, []).append(home)
            if home.last:
                by_last.setdefault(home.last, []).append(home)
                tail = home.last.rsplit(" ", 1)[-1]
                if tail != home.last and home.last.split(" ", 1)[0] in PARTICLES:
                    by_last.setdefault(tail, []).append(home)  # "Griers" is de Griers
        else:
            home.surfaces.add(key)
            home.weight += census.counts[key]
            home.gender = home.gender or gender
            home.title = home.title or title
    return people


def _rank_holder(rank: str, people: list[Person]) -> Person | None:
    """The holder of a rank a bare "Admiral" or "Colonel" means: the only one, or the one
    named several times as often as any other (Admiral Croft, not Admiral Baldwin). Ranks
    only: a story's King and Queen are two people, whoever is named more."""
    holders = sorted((p for p in people if p.title == rank), key=lambda p: -p.weight)
    if len(holders) == 1 or (holders and holders[0].weight >= RANK_LEAD * holders[1].weight):
        return holders[0]
    return None


RANK_LEAD = 3
"""How many times as often the holder of a rank is named as any other holder for the bare
rank to be them."""


def _person(
    key: str,
    title: str | None,
    words: list[str],
    gender: str | None,
    votes: dict[str, list[int]],
    forms: dict[str, str],
    counts: Counter[str] | None = None,
) -> Person:
    person = Person(forms.get(key) or _display(key), {key}, gender, title)
    if key.startswith("the "):
        person.first = words[-1] if len(words) == 1 else None  # "Queen" is the Queen
    elif len(words) > 1:
        person.first, person.last = words[0], " ".join(words[1:])
    elif title in SURNAME_TITLES or title in RANKS or " " in words[0]:
        person.last = words[0]  # "Mr. Darcy", "Major Callendar", "De Griers": surnames
    else:
        person.first = words[0]
    if person.gender is None and key.startswith("the "):
        noun = words[-1]
        person.gender = noun_gender(noun) or voted_gender(votes.get(noun))  # "the Invisible Man"
    if person.gender is None and person.first:
        person.gender = _first_name_gender(person.first, votes.get(person.first))
        if person.gender is None and person.last and not sum(votes.get(person.first, ())):
            person.gender = voted_gender(votes.get(person.last.rsplit(" ", 1)[-1]))
    elif person.gender is None and person.last:
        person.gender = voted_gender(
            votes.get(person.last.rsplit(" ", 1)[-1])
        )  # "Dr. Aziz ... his"
        if counts is not None and counts[f"mrs {person.last}"] and title in NEUTRAL_TITLES:
            person.gender = "male"  # "Dr. and Mrs. Grant": her pronouns are not his
    return person


def _home(
    title: str | None,
    words: list[str],
    gender: str | None,
    by_first: dict[str, list[Person]],
    by_last: dict[str, list[Person]],
    counts: Counter[str] | None = None,
    recent: Counter[tuple[str, str]] | None = None,
    couples: Counter[str] | None = None,
    votes: dict[str, list[int]] | None = None,
) -> Person | None:
    """The already-known person a shorter name form belongs to, when only one fits.

    ``counts`` (the census's phrase counts) and ``couples`` ("Mr. and Mrs. Surname") let
    the family customs below be read; ``votes`` (pronouns after each name's last word)
    keep a boy off a woman's maiden name."""
    if len(words) > 1:
        first, last = words[0], " ".join(words[1:])
        same = [p for p in by_last.get(last, []) if p.first == first and _fits(p, title, gender)]
        return same[0] if len(same) == 1 else None
    word = words[0]
    if title in SURNAME_TITLES:
        fits = [p for p in by_last.get(word, []) if _fits(p, title, gender, strict=True)]
        fits = [p for p in fits if not _kin_apart(p, title, word, by_first, by_last, counts)]
        if _address(title) == "mr" and any(_junior(p, word, counts, couples) for p in fits):
            fits = [p for p in fits if p.first is None]
        if _address(title) == "mr" and len(fits) > 1 and counts is not None:
            fits = [p for p in fits if not _master(p, counts)]
    elif title is not None:
        firsts = by_first.get(word, []) or [
            p for p in by_first.get(NICK_TO_FULL.get(word, ""), []) if p.last
        ]  # "Miss Lizzy" is Elizabeth Bennet
        fits = [p for p in firsts if _fits(p, title, gender)]
        fits = [p for p in fits if p.title == title] or fits  # "Sir John" is Sir John Middleton
        holder = _recent_holder(word, fits, recent) if len(fits) > 1 and recent else None
        if holder is not None:
            return holder  # "Mlle. Blanche" is the Blanche the text last named in full
        if not fits:
            fits = [p for p in by_last.get(word, []) if _fits(p, title, gender)]
            fits = [p for p in fits if not _kin_apart(p, title, word, by_first, by_last, counts)]
            sure = [p for p in fits if gender and p.gender == gender]
            fits = sure or fits  # "Miss Crawford" is Mary Crawford, not her brother Henry
    else:
        named = by_first.get(word, []) or by_first.get(NICK_TO_FULL.get(word, ""), [])
        if not named:  # "Michael" is Mike Campbell when no one else is Michael
            named = [p for nick in NICKNAMES.get(word, "").split() for p in by_first.get(nick, [])]
        if counts is not None:
            named = [p for p in named if not _seldom_titled(p, counts[word])]
        fits = [p for p in named if p.title != "mrs" and not (p.title and p.last is None)]
        if len(fits) > 1 and counts is not None:
            plain = [
                p
                for p in fits
                if not (p.title in FIRST_NAME_TITLES and counts[f"{p.title} {word}"])
            ]
            if plain and 10 * max(p.weight for p in plain) >= max(p.weight for p in fits):
                fits = plain  # "Sir John" is never plain "John" while another John is
        if len(fits) > 1 and counts is not None:
            husbands = [p for p in fits if p.last and counts[f"mrs {word} {p.last}"]]
            if len(husbands) == 1:
                return husbands[0]  # his wife is "Mrs. Charles Musgrove": he is the "Charles"
        if len(fits) > 1 and recent:
            holder = _recent_holder(word, fits, recent)
            if holder is not None:
                return holder
        if not fits:
            lasts = by_last.get(word, [])
            said = voted_gender(votes.get(word)) if votes else None
            if counts is not None and all(_seldom_surname(p, counts[word], said) for p in lasts):
                lasts = []  # "Dallas" forty times is not Regina Dallas, named twice
            lasts = _no_misses(lasts)
            talked = {id(p): _talked_of(p, counts) for p in lasts}
            ranked = sorted(lasts, key=lambda p: -talked[id(p)])
            if len(ranked) > 1 and talked[id(ranked[0])] >= 5 * talked[id(ranked[1])]:
                return ranked[0]  # "Sparsit" is Mrs. Sparsit when she is the Sparsit talked of
            fits = (
                [p for p in lasts if p.title and _address(p.title) == "mr"]
                or [p for p in lasts if p.gender == "male" or p.title in MALE_TITLES]
                or lasts
                or named
            )
    if len(fits) > 1:
        fits = sorted(fits, key=lambda p: -p.weight)
        if fits[0].weight * 2 >= 3 * fits[1].weight:
            return fits[0]
    return fits[0] if len(fits) == 1 else None


def _talked_of(person: Person, counts: Counter[str] | None) -> int:
    """How often the text names a person so far merged, with their bare first name when
    it is not merged yet (a nickname such as "Freddy" joins after the surnames do)."""
    first = person.first
    if counts is None or first is None or first in person.surfaces:
        return person.weight
    return person.weight + counts[first]


def _no_misses(lasts: list[Person]) -> list[Person]:
    """The holders of a surname its bare form may mean: a young lady is "Miss Morland",
    never plain "Morland", which is her brother's or her father's when the text knows a
    man of the family."""
    if not any(p.gender == "male" or p.title in MALE_TITLES for p in lasts):
        return lasts
    return [p for p in lasts if p.title is None or _address(p.title) != "miss"]


def _seldom_titled(person: Person, bare: int) -> bool:
    """Whether a titled name ("Lady Mary Grierson") is named far too seldom to be the one
    a first name used over and over ("Mary") means: a lady of rank is given her title."""
    return person.title in FIRST_NAME_TITLES and bare > SELDOM * person.weight


def _seldom_surname(person: Person, bare: int, said: str | None) -> bool:
    """Whether a full name never given a title ("Regina Dallas") is named far too seldom,
    once or twice in passing, to be the one its last word means when that word is used over
    and over alone, and for someone the pronouns call otherwise ("Dallas ... he"). A hero
    called "Holmes" far more than "Sherlock Holmes" is still one man."""
    return (
        person.title is None
        and person.weight <= PASSING
        and bare > SELDOM * person.weight
        and said is not None
        and person.gender is not None
        and said != person.gender
    )


PASSING = 2
"""How often a full name is named in passing."""


SELDOM = 5
"""How many times more often a bare first name is used than a titled name bearing it for
the two to be different people."""


def _recent_holder(
    word: str, fits: list[Person], recent: Counter[tuple[str, str]]
) -> Person | None:
    """The one of several holders of a first name that the bare name mostly follows."""
    follows = sorted(
        ((sum(recent[word, s] for s in p.surfaces), p) for p in fits), key=lambda pair: -pair[0]
    )
    if follows[0][0] >= 2 and follows[0][0] >= 2 * follows[1][0]:
        return follows[0][1]  # "Charles" is the Charles last named in full
    return None


FIRST_NAME_TITLES = frozenset("sir lord lady dame".split())
"""Titles of rank that go with a first name: "Sir John", "Lady Catherine"."""
MARRIED = frozenset(("mrs", "lady"))
"""Address classes of a wife: "Mrs. Bennet", "Lady Bertram", "Madame Olenska"."""


def _kin_apart(
    person: Person,
    title: str,
    word: str,
    by_first: dict[str, list[Person]],
    by_last: dict[str, list[Person]],
    named: Counter[str] | None,
) -> bool:
    """English family customs that keep "Miss/Mrs. Surname" off a relative of that surname.

    "Miss Steele" alone is the eldest daughter, not the sister called "Miss Lucy Steele".
    "Mrs. Bennet" and "Lady Bertram" are the mothers, not a daughter who is anyone's Miss.
    "Mrs. John Dashwood" is John's wife, so the plain "Mrs. Dashwood" is another woman.
    Where there is a Sir of the surname, "Lady Surname" is his wife."""
    if named is None or person.first is None:
        return False
    first = person.first
    if _address(title) == "miss" and named[f"miss {first} {word}"]:
        sisters = [
            p
            for p in by_last.get(word, [])
            if p.first
            and p is not person
            and p.gender == "female"
            and (p.title is None or _address(p.title) == "miss")
        ]
        plural = named[f"miss {word}s"] + named[f"miss {word}es"] + named[f"misses {word}"]
        if not sisters:
            return plural >= 2  # "the Miss Steeles", often; "two Miss Abbotts" once is a figure
        return any(named[p.first] > named[first] for p in sisters)
        # a heroine named more than her elder sister is "Miss Bennet" wherever that
        # sister is not, so the plain form may still be hers
    if _address(title) not in MARRIED:
        return False
    if title == "lady" and person.title in (None, "miss"):
        if any(p.title == "sir" for p in by_last.get(word, [])):
            return True  # Sir William Lucas's wife is Lady Lucas, not his daughter Maria
    if person.title is not None and _address(person.title) in MARRIED:
        if given_gender(first) == "female" or _address(person.title) != "mrs":
            return False  # "Mrs. Molly Weasley" goes by her own name
        return given_gender(first) == "male" or not any(
            p.gender == "female" for p in by_first.get(first, []) if p is not person
        )  # "Mrs. Newland Archer" is Newland's wife, not his mother
    if any(named[f"miss {f}"] or named[f"miss {f} {word}"] for f in _given_forms(first)):
        return True  # "Loo Gradgrind" is "Miss Louisa", so not Mrs. Gradgrind
    if not named[f"miss {word}"]:
        return False
    daughters = [
        p
        for p in by_last.get(word, [])
        if p.first
        and p.gender != "male"
        and (p.title is None or _address(p.title) == "miss")
        and not named[f"miss {p.first}"]
        and not named[f"miss {p.first} {word}"]
    ]
    return bool(daughters) and person is max(daughters, key=lambda p: p.weight)
    # "Miss Wilcox" is Evie, so Ruth Wilcox may be Mrs. Wilcox


def _given_forms(first: str) -> set[str]:
    """A first name and the full name it is short for: "loo" and "louisa"."""
    return {first, NICK_TO_FULL.get(first, first)}


def _junior(
    person: Person, word: str, named: Counter[str] | None, couples: Counter[str] | None = None
) -> bool:
    """A son of the family, so not its plain "Mr. Surname": his wife goes by his first name
    ("Mrs. Charles Wilcox", "Mrs. Charles") while a plain "Mrs. Wilcox" is someone else, or
    the text speaks of "Mr. and Mrs. Morland" as a couple and calls him "James" more often
    than anyone is called "Mr. Morland". The plain Mr. is then the head of the family."""
    first = person.first
    if named is None or first is None or person.gender == "female":
        return False
    if couples is not None and couples[word] >= 2 and named[first] > named[f"mr {word}"]:
        return True
    return bool(named[f"mrs {word}"]) and bool(
        named[f"mrs {first} {word}"] or named[f"mrs {first}"]
    )


def _master(person: Person, named: Counter[str]) -> bool:
    """A son the household calls "Mr. Tom" (Mr. and his first name): among several men of
    a surname he is not its plain "Mr. Gradgrind", who is his father."""
    return person.first is not None and named[f"mr {person.first}"] >= MASTER_MIN


MASTER_MIN = 2
"""How often a man is called "Mr." and his first name to be the son of the house."""


def _fits(person: Person, title: str | None, gender: str | None, strict: bool = False) -> bool:
    """Titles and genders agree: Mrs. Bennet is not Mr. Bennet."""
    if gender and person.gender and gender != person.gender:
        return False
    if strict and gender and person.gender is None and person.title is None:
        return False
    if title in KIN_TITLES or person.title in KIN_TITLES:
        return True  # "Cousin Charles" may be Mr. Hayter
    if {_address(title or ""), _address(person.title or "")} in MISTER_TOO:
        return True  # a surgeon is "Mr. Losberne" as well as "Doctor Losberne"
    return not (title and person.title and _address(title) != _address(person.title))


MISTER_TOO = ({"mr", "dr"}, {"mr", "rev"}, {"mr", "reverend"})
"""Surgeons and clergymen are Mr. as well: "Rev. Cuthbert Eager" is Mr. Eager."""
KIN_TITLES = frozenset("cousin uncle aunt brother sister father mother".split())
"""Kinship titles, which go with any way of addressing the same person."""
ADDRESS_CLASSES = {
    "mr": "mr",
    "mister": "mr",
    "monsieur": "mr",
    "m": "mr",
    "herr": "mr",
    "signor": "mr",
    "senor": "mr",
    "señor": "mr",
    "mrs": "mrs",
    "madame": "mrs",
    "mme": "mrs",
    "frau": "mrs",
    "signora": "mrs",
    "senora": "mrs",
    "señora": "mrs",
    "countess": "mrs",  # the Countess Olenska is Madame Olenska
    "baroness": "mrs",
    "marquise": "mrs",
    "miss": "miss",
    "mademoiselle": "miss",
    "mlle": "miss",
    "fraulein": "miss",
    "fräulein": "miss",
    "signorina": "miss",
    "dr": "dr",
    "doctor": "dr",
}


def _address(title: str) -> str:
    """Mr., Monsieur and Herr are one way of addressing a man; likewise for women."""
    return ADDRESS_CLASSES.get(title, title)


def _display(key: str) -> str:
    """ "mr darcy" → "Mr. Darcy"; "the doctor" → "the Doctor"."""
    out = []
    for i, word in enumerate(key.split()):
        if word == "the" and i == 0:
            out.append(word)
        elif word in ("mr", "mrs", "ms", "dr", "st", "mme", "mlle", "rev", "m"):
            out.append(word.capitalize() + ".")
        elif word in PARTICLES or (word == "of" and i > 0):
            out.append(word)  # "van der Luyden", "Duchess of Monmouth"
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)
