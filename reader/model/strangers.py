"""Who a stranger is: the people a tag brings in whom the cast does not hold.

"said the gentleman in the white waistcoat", "cried a looker-on", "the drummer shouted",
"said the Eaglet", "Snape swept out of the shadows": a reader takes each for someone, new
or met before under a fuller description, rather than for whichever known character is
nearest. These rules make such people characters on first sight, and find them again by
a shorter description; ``StrangerRules`` is a part of the speaker resolver."""

from __future__ import annotations

import re
from collections import Counter

from reader.model.characters import (
    FEMALE_NOUNS,
    MALE_NOUNS,
    Cast,
    Census,
    may_be_person,
    normalise,
)
from reader.model.story import Character
from reader.model.turns import Turn

STRANGER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
NOT_STRANGERS = frozenset("other others one voice voices same rest party group crowd".split())
STRANGER_STOPS = frozenset(
    "old young little elder younger eldest youngest poor dear good first second third last "
    "other same".split()
)
"""Words that make a description an epithet for someone the story knows ("the old man",
"the younger sister") rather than a role of its own."""
PREPOSITION_BEFORE = re.compile(r"\b(?:in|with|after|at|of|by|for|from|into|on|to)[ \t\n]+$")
PERSON_NOUNS = frozenset(
    "student stranger youth child guest clerk servant passenger native looker-on bystander "
    "onlooker spectator visitor neighbour neighbor traveller traveler pupil soldier sailor "
    "policeman constable porter".split()
)
"""Nouns for people that the role endings miss: "a student", "a looker-on"."""
CAPITALISED_ROLE = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*")
"""A capitalised noun after "the" in a tag: a name the story gives ("the Eaglet")."""
ACTOR_VERB = re.compile(
    r"[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?!(?:and|or|but|nor|of|in|on|at|to|with|from|for|by|as"
    r"|is|are|the|a|an|he|she|it|they|we|you|i|his|her|its|their)\b)[a-z]+\b"
)
"""A name's own verb right after it ("Snape swept"), as an actor's name has."""
GENERIC_PEOPLE = frozenset(
    "man woman gentleman gentlewoman boy girl lady fellow person other child "
    "youth creature visitor elder younger".split()
)
"""Words for anyone at all: "said the man" is some man the story knows, not a calling."""
NOT_CALLINGS = frozenset(
    "latter former floor door corner water matter paper letter number order manner dinner "
    "summer winter river".split()
)
"""Words that end like a calling but name none: "the latter", "the ground-floor"."""
MARKED_OUT = re.compile(
    r"[ \t\n]+(?:in|with)[ \t\n]+the[ \t\n]+(?:[a-z-]+[ \t\n]+){0,2}(?P<noun>[a-z-]+)"
    r"(?=[,;:.!?—–]|[ \t\n]+(?:and|as|who|that|to|at|for|from|\(|\"|“)|[ \t\n]*$)"
)
"""What marks a person out after their description: "in the white waistcoat", "with the
black beard"."""
MANNER_NOUNS = frozenset(
    "voice voices tone tones manner way air accent accents whisper undertone same utmost "
    "greatest most smile look glance gravity warmth emphasis expression feeling".split()
)
"""What a description's "in the" or "with the" may point to that is how one speaks."""
ROLE_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ess", "keeper", "maid", "boy", "girl")
"""How the names of roles end: stage manager, harbour master, conductor, plum woman."""
DESCRIBING_ENDINGS = (
    "ible",
    "able",
    "ing",
    "ed",
    "ful",
    "ous",
    "ate",
    "ive",
    "ic",
    "al",
    "ant",
    "ent",
    "y",
    "ish",
    "less",
    "some",
    "est",
)
"""How describing words end: inflexible, smiling, tired, graceful, eminent, burly."""
KIND_PLURALS = 2
"""How often a capitalised word's plural must be met inside sentences to be a kind of
people ("the Indians") rather than one being ("the Rabbit")."""
PLACE_BEFORE = re.compile(r"\b(?:in|into|from|near|of|across|through)[ \t\n]+$")


class StrangerRules:
    """The stranger rules of the speaker resolver, which holds the state they read."""

    text: str
    lowered: str
    cast: Cast
    census: Census | None
    common: Counter[str]
    mid_caps: Counter[str]
    history: list[Turn]
    roles: dict[str, str]
    marked: dict[str, str]
    marked_counts: dict[str, int]
    kinds: dict[str, bool]

    def _place_words(self) -> set[str]:
        """Words the story uses to name places; the resolver reads them from its census."""
        raise NotImplementedError  # provided by the resolver this class is part of

    def _stranger(self, subject: str, pos: int) -> str | None:
        """Who a tag's description names when it fits no one in the cast: someone met by
        an indefinite ("said a little girl"), a being the story names with a capital ("the
        Eaglet"), a calling ("the drummer"), or a role of several words ("the stage
        manager called"). That one speaks, and is a character from then on, so the talk
        around the line is not pinned on another."""
        words = subject.split()
        if len(words) >= 2 and words[0].lower() in ("a", "an"):
            return self._introduced(words, pos)
        if (
            len(words) == 2
            and words[0] == "the"
            and CAPITALISED_ROLE.fullmatch(words[1])
            and not words[1].endswith("s")  # "said the Holts" is a family, no one
        ):
            if self._one_of_many(words[1]):
                return None  # "said the Englishman": one of a kind, someone known
            return self._as_stranger(subject, words[1].lower())  # "said the Eaglet"
        if len(words) == 2 and words[0] == "the":
            return self._addressed_role(words[1])
        if len(words) < 3 or words[0].lower() != "the":
            return None
        if not all(STRANGER_WORD.fullmatch(w) for w in words[1:]):
            return None
        if words[-1] in NOT_STRANGERS or any(w in STRANGER_STOPS for w in words[1:]):
            return None
        noun = words[-1]
        if not (noun.endswith(ROLE_ENDINGS) or noun in MALE_NOUNS or noun in FEMALE_NOUNS):
            return None  # "the small stones", "the girl aloud": no role
        if any(w.endswith(DESCRIBING_ENDINGS) for w in words[1:-1]):
            return None  # "the inflexible beadle" is someone the story knows, described
        return self._as_stranger("the " + " ".join(words[1:]), noun)

    def _one_of_many(self, word: str) -> bool:
        """ "the Englishman", "the Gryffindor": a capitalised word the story also uses in
        the plural, inside a sentence ("two Englishmen", "the Gryffindors"), names a kind
        of people, so "the <word>" describes someone known rather than a being of its
        own as "the Caterpillar" is."""
        if word not in self.kinds:
            plural = word[:-3] + "men" if word.endswith("man") else word + "s"
            text, count = self.text, 0
            at = text.find(plural)
            while at >= 0 and count < KIND_PLURALS:
                end = at + len(plural)
                if not text[end : end + 1].isalpha() and text[at - 2 : at - 1].islower():
                    count += 1
                at = text.find(plural, end)
            self.kinds[word] = count >= KIND_PLURALS
        return self.kinds[word]

    def _capitalised_epithet(self, subject: str) -> str | None:
        """ "the Potions Master snapped", "said the Dark Lord": a description of several
        capitalised words is a title the story gives one being, never some man at hand;
        it speaks as itself when no one in the cast bears it."""
        words = subject.split()
        if len(words) < 3 or not all(CAPITALISED_ROLE.fullmatch(w) for w in words[1:]):
            return None
        if words[-1].endswith("s") or self.cast.find(subject) is not None:
            return None
        return self._as_stranger(subject, words[-1].lower())

    def _addressed_role(self, noun: str) -> str | None:
        """ "Bring it in, Mr. Hubbard," ... "Always glad," answered the frame-maker: a calling
        that answers the one just addressed by name is that person; met with no name, it
        is someone of that calling (``_role``)."""
        previous = self.history[-1] if self.history else None
        if previous is not None:
            called = [n for n in previous.vocatives if n != previous.last]
            if len(called) == 1:
                return called[0] if self._role_word(noun) else None
        return self._role(noun)

    def _role_word(self, noun: str) -> bool:
        """Whether ``noun`` names a calling ("drummer", "coachman"), not anyone at all."""
        if not STRANGER_WORD.fullmatch(noun) or noun in NOT_STRANGERS or noun in GENERIC_PEOPLE:
            return False
        if noun.rsplit("-", 1)[-1] in NOT_CALLINGS:
            return False  # "the ground-floor" is a floor
        return (noun.endswith(ROLE_ENDINGS) or noun in PERSON_NOUNS) and noun not in STRANGER_STOPS

    def _role(self, noun: str) -> str | None:
        """ "said the drummer", "replied the coachman": a calling of one word that fits no
        one in the cast is someone of that calling, met here. The role stays out of the
        cast's lookup, so a later "the drummer" whom the story links to a name is still
        that name; plain "the man", "the lady" are too common to be anyone new."""
        if not self._role_word(noun):
            return None
        name = self.roles.get(noun)
        if name is None:
            name = self.roles[noun] = "the " + noun
            if name not in self.cast.people:
                gender = "female" if noun in FEMALE_NOUNS or noun.endswith("ess") else None
                gender = "male" if noun in MALE_NOUNS else gender
                self.cast.people[name] = Character(name, [], gender)
        return name

    def _marked_out(self, subject: str, pos: int) -> str | None:
        """ "said the gentleman in the white waistcoat": a description that goes on to what
        sets its person apart, and recurs word for word, is one person by that description
        ("the man with the black beard"), not whichever man spoke last. What is said "in
        the same tone" or "with the air of a judge" is manner, not a person."""
        words = subject.split()
        if not 2 <= len(words) <= 3 or not all(STRANGER_WORD.fullmatch(w) for w in words[1:]):
            return None
        noun = words[-1]
        if noun not in MALE_NOUNS and noun not in FEMALE_NOUNS and not noun.endswith(ROLE_ENDINGS):
            return None
        after = MARKED_OUT.match(self.text, pos + len(subject))
        if after is None or after.group("noun") in MANNER_NOUNS:
            return None
        phrase = " ".join([*words, *after.group().split()]).lower()
        known = self._marked_before(phrase)
        if known is not None:
            return known
        if phrase not in self.marked_counts:
            self.marked_counts[phrase] = self._phrase_count(phrase)
        if self.marked_counts[phrase] < 2:
            return None  # said once, it may be a passing detail of someone known
        name = self._as_stranger(phrase, noun)
        self.marked[name] = noun
        return name

    def _shorter_form(self, subject: str) -> str | None:
        """ "the hump-backed man" after "said a little ugly hump-backed man": a description
        whose every word is in a stranger's, with the same noun and a word besides it, is
        that stranger again, and becomes one of its names."""
        words = subject.lower().split()
        if len(words) < 3 or self.cast.find(subject) is not None:
            return None
        known = [
            name
            for name, noun in self.marked.items()
            if noun == words[-1] and set(words[1:]) < set(name.lower().split())
        ]
        if len(known) != 1:
            return None
        person = self.cast.people.get(known[0])
        if person is not None and subject not in person.aliases:
            person.aliases.append(subject)
            self.cast.lookup[normalise(subject)] = known[0]
        return known[0]

    def _phrase_count(self, phrase: str) -> int:
        """How often the text says ``phrase``, whatever spaces or line breaks part its
        words. Only the places of its last word are tried, each by a short search that
        must end there: far cheaper than a regex over the whole text."""
        words = phrase.split()
        last, lowered = words[-1], self.lowered
        ending = re.compile(r"\b" + r"[ \t\n]+".join(map(re.escape, words)) + r"\Z")
        reach = len(phrase) + 16
        count = 0
        at = lowered.find(last)
        while at >= 0:
            end = at + len(last)
            if not lowered[end : end + 1].isalpha() and ending.search(
                lowered, max(0, at - reach), end
            ):
                count += 1
            at = lowered.find(last, end)
        return count

    def _marked_before(self, phrase: str) -> str | None:
        """The one marked-out description met before that has every word of ``phrase``:
        "the man with the beard" is "the man with the black beard"."""
        words = set(phrase.split())
        found = [name for name in self.marked if words <= set(name.split()) and name != phrase]
        if phrase in self.marked:
            return phrase
        return found[0] if len(found) == 1 else None

    def _introduced(self, words: list[str], pos: int) -> str | None:
        """ "cried a looker-on", "said a sleepy-faced carpenter": an indefinite article
        brings in someone the story has not met, who speaks as that description."""
        if PREPOSITION_BEFORE.search(self.text, max(0, pos - 8), pos):
            return None  # "in a stentorian murmur" is how someone spoke, not who
        if not all(STRANGER_WORD.fullmatch(w) for w in words[1:]):
            return None
        noun = words[-1]
        if any(w in NOT_STRANGERS for w in words[1:]):
            return None  # "said a stern voice behind him" is someone heard, not met
        if not (noun.endswith(ROLE_ENDINGS) or noun in PERSON_NOUNS):
            return None  # "in a loud whisper", "after a time": no one at all
        if len(words) == 2 and (noun in MALE_NOUNS or noun in FEMALE_NOUNS):
            return self._as_stranger(words[0].lower() + " " + noun, noun)  # "a man" is no "the man"
        name = self._as_stranger("the " + " ".join(words[1:]), noun)
        self.marked.setdefault(name, noun)
        return name

    def _as_stranger(self, name: str, noun: str) -> str:
        """The character a stranger's description names, made on first sight."""
        key = normalise(name)
        known = self.cast.lookup.get(key)
        if known is not None:
            return known
        gender = "female" if noun in FEMALE_NOUNS or noun.endswith("ess") else None
        if noun in MALE_NOUNS:
            gender = "male"
        self.cast.people[name] = Character(name, [], gender)
        self.cast.lookup[key] = name
        return name

    def _named_actor(self, subject: str, pos: int) -> str | None:
        """ "Snape swept out of the shadows. 'Now, Potter.'": a name the cast missed, met
        once, acting beside the quote, is a character who speaks it, when a reader would
        take the word for a name (no lower-case use, no place, not a sentence's opener
        word)."""
        key = normalise(subject)
        if not ACTOR_VERB.match(self.text, pos + len(subject)):
            return None  # "Scratchy and dictatorial, he began": a word, not someone
        if not self.mid_caps[key] and key.endswith(("ing", "ed", "ly")):
            return None  # "Involuntarily he blushed", "Replacing the cup, ..."
        if self.common[key] or any(self.common[w] for w in key.split()):
            return None
        if self.census is None or not may_be_person(key, self.census):
            return None
        if PLACE_BEFORE.search(self.text, max(0, pos - 8), pos) or key in self._place_words():
            return None
        self.cast.people[subject] = Character(subject, [], None)
        self.cast.lookup[key] = subject
        return subject
