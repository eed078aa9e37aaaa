"""Read the narration around a quote for who speaks: speech tags and action beats.

Patterns, as a reader states them:

* ``"...," said Clara`` / ``"...," Clara rasped`` / ``"...," she whispered`` /
  ``"...," said the old man``: a tag right after the quote, in either order.
* ``Clara said: "..."`` / ``Then she turned to him and said, "..."``: a tag before it.
* ``Missy rolled her eyes. "..."`` / ``"..." Missy rolled her eyes.``: an action beat;
  the subject of the sentence touching the quote is most likely its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model.characters import NAME_PHRASE as _NAME
from reader.model.regex_scan import by_first_letter, scanner

_NOT_NAME_WORDS = "The A An This That Then When There Here It They We You Now So But And Yet"
_NOT_NAME = rf"(?!(?:{by_first_letter(_NOT_NAME_WORDS.split())})\b)"
NAME_PHRASE = rf"{_NOT_NAME}(?:St\.?[ \t]+(?=[A-Z]))?(?:{_NAME})"

SPEECH_VERBS = frozenset(
    """said says say saying cried cries asked asks answered answers replied replies
    whispered whispers shouted shouts called calls exclaimed exclaims muttered mutters
    murmured murmurs added adds continued continues returned returns rejoined observed
    observes remarked remarks repeated repeats began begins resumed resumes cont
    yelled yells screamed screams sighed sighs laughed laughs groaned groans snapped snaps
    growled growls hissed hisses gasped gasps sobbed sobs stammered stammers demanded
    demands inquired inquires enquired enquires interrupted interrupts insisted insists
    protested protests explained explains agreed agrees urged urges pleaded pleads
    suggested suggests admitted admits declared declares responded responds retorted
    retorts persisted persists told tells ventured ventures thought thinks wondered
    wonders mused muses breathed breathes rasped rasps drawled drawls grumbled grumbles
    grunted grunts chuckled chuckles smiled smiles grinned grins nodded nods shrugged
    shrugs pursued faltered falters concluded concludes commented comments announced
    announces warned warns whimpered whimpers wailed wails roared roars bellowed bellows
    sneered sneers scoffed scoffs teased teases offered offers put broke struck chimed
    cut joined corrected corrects reminded reminds promised promises assented assents
    objected objects reflected reflects retorted echoed echoes cooed coos purred purrs
    moaned moans panted pants spluttered sputtered blurted blurts stuttered stutters
    muttered giggled giggles snickered snorted snorts huffed huffs scolded scolds
    confessed confesses conceded concedes acknowledged acknowledges volunteered
    volunteers observed pleaded prompted prompts queried queries questioned questions
    interposed interjected interjects proceeded proceeds ejaculated called replied
    sang sings shrieked shrieks squealed squeals mumbled mumbles recited recites
    explained laughed trailed trails asking crying adding replying answering exclaiming
    whispering muttering calling continuing returning observing remarking beginning
    interrupting shouting pronounced uttered stated proclaimed cautioned hinted implored
    entreated begged besought reasoned argued bade lisped piped squeaked snarled barked
    thundered bawled jeered mocked taunted chided rebuked complained asserted affirmed
    averred asseverated spoke speaks submitted opined expostulated remonstrated chirped
    boomed simpered whined vowed swore intoned hazarded coaxed addressing reply answer ask
    exclaim whisper murmur observe remark inquire enquire rejoin retort respond mutter
    declare protest interrupt addressed murmuring repeating stammering""".split()
)
_VERBS = by_first_letter(sorted(SPEECH_VERBS, key=len, reverse=True))
"""The speech verbs, longest first, by first letter: the same matches, far faster tried."""
_DET = (
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Mm]y|[Tt]heir|[Oo]ur|[Ii]ts|[Yy]our|[Tt]his|[Tt]hat|[Aa]n?|"
    r"[Aa]nother|[Oo]ne)"
)
_PRON = r"(?:[Hh]e|[Ss]he|I)"
_FUNCTION_WORDS = (
    "and or but to of with at in on from as that who which was had is by for into upon through"
)
_FUNCTION = rf"(?!(?:{by_first_letter(_FUNCTION_WORDS.split())})\b)"
_DESC = (
    rf"{_DET}[ \t\n]+(?:{_FUNCTION}[a-z'-]+[ \t\n]+){{0,3}}?"
    rf"(?:{_FUNCTION}[a-z'-]+(?:[ \t\n]+(?:{NAME_PHRASE}))?|(?:{NAME_PHRASE}))"
)
_ADV = r"(?:[a-z]+ly[ \t\n]+)?"
_STOP_WORDS = (
    "to in with at as from and but after before when while without for of on again once then "
    "now presently"
)
LY_ADJECTIVES = (
    "ugly surly burly portly stately comely homely lively lovely lonely elderly friendly "
    "jolly silly holy curly sickly ghastly goodly manly womanly kindly gentlemanly "
    "motherly fatherly sisterly brotherly"
)
"""Words in -ly that describe a person, not how one speaks: "said a little ugly man"."""
_STOP = (
    r"(?=[ \t\n]*(?:[,.;:!?\"“”'‘’—–(]|--|$)|[ \t\n]+(?:"
    rf"(?!(?:{by_first_letter(LY_ADJECTIVES.split())})\b)[a-z]+ly|[a-z]+ing|"
    rf"{by_first_letter(_STOP_WORDS.split())})\b)"
)

TAG_LEAD = re.compile(
    r"[ \t\n,;:—–-]*(?:(?:then|again|now|at last|[a-z]+ly)[ \t\n]+)?([a-z]+)"
    r"(?:[ \t\n]+(?:in|out|on|up|back|forth)(?=[ \t\n]+[A-Za-z]))?"
)
"""The first word after a quote: a speech verb opens an inverted tag ("said Clara")."""
INVERTED_SUBJECT = re.compile(
    rf"[ \t\n]+{_ADV}(?:{_FUNCTION}(?!(?:he|she|his|her|him|them|me|us|you|a|an|the|one"
    r"|some|any|every|each|this|these|those|my|our|your|their|its)\b)[a-z]+"
    rf"[ \t\n]+(?=[A-Z]))?"
    rf"(?:(?P<name>{NAME_PHRASE})(?=[ \t\n]*(?:[,.;:!?\"“”'‘’—–(]|--|$)|[ \t\n]+[a-z])"
    rf"|(?P<subj>{_PRON}\b|{_DESC}?){_STOP})"
)
"""After "said": a name ends where the capitals do ("replied Miss Crawford more seriously"),
and a word describing it may come first ("said dour Major Callendar", "cried poor Tom")."""
INDEFINITE_TAG = re.compile(
    rf"[ \t\n,;:—–-]*(?:(?:{_VERBS})[ \t\n]+)?(?P<subj>[Ss]omebody|[Ss]omeone|[Aa]nybody|[Aa]nyone"
    rf"|[Nn]obody|[Ee]verybody|[Ee]veryone)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?:{_VERBS})\b"
    rf"|[ \t\n,;:—–-]*(?:{_VERBS})[ \t\n]+(?P<subj2>somebody|someone|anybody|anyone|nobody)\b"
)
"""'"Six past two," somebody shouted.': a speaker the text does not name."""
INDEFINITE_WORD = re.compile(r"\b(?:[Ss]ome|[Aa]ny|[Nn]o|[Ee]very)(?:body|one)\b")
TAG_POSSESSIVE = re.compile(
    rf"[ \t\n,;:—–-]*(?:was|were|had been|came)[ \t\n]+(?:(?:all|only|then)[ \t\n]+)?"
    rf"(?P<subj>{NAME_PHRASE})['’ ]s[ \t\n]+"
    r"(?:[a-z]+[ \t\n]+){0,2}?(?:reply|answer|rejoinder|reasoning|remark|exclamation|comment"
    r"|retort|response|cry|question|observation|greeting|speech|words|reproach|thought"
    r"|assurance|inquiry|enquiry|rejoinder|suggestion|advice|answer|conclusion|protest"
    r"|declaration|request|entreaty|salutation|welcome|farewell|sentiment|opinion"
    r"|explanation|consolation|language|apology|excuse|verdict|warning|command|comfort"
    r"|reflection|acknowledgment|acknowledgement|praise|compliment)\b"
)
"""'"Yes," was Lady Bertram's placid reply.'"""
SPEECH_NOUNS = (
    r"(?:reply|answer|rejoinder|remark|exclamation|comment|retort|response|question"
    r"|observation|greeting|communication|supplement|assurance|inquiry|enquiry|suggestion"
    r"|speech|address|request|entreaty|salutation|apology|warning|explanation)"
)
SPEECH_FROM = re.compile(
    rf"\b{SPEECH_NOUNS}\b[^.!?;\"“”]{{0,60}}?\bfrom[ \t\n]+(?P<subj>{NAME_PHRASE})"
    rf"|\bfrom[ \t\n]+(?P<subj2>{NAME_PHRASE})[ \t\n,]+(?:[a-z]+[ \t\n,]+){{0,4}}"
    rf"{SPEECH_NOUNS}\b"
)
"""Words that came from someone: '"...?" was a question which Elizabeth received from
Jane', "She had this communication, moreover, from Mary.", "this produced from Mrs.
Jennings the following natural remark." """


def speech_from(text: str, start: int, end: int) -> Evidence | None:
    """The one a remark, reply or question is said to come from in the last sentence of
    ``text[start:end]``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if text.find("from", max(start, end - 240), end) < 0:
        return None
    start = _sentence_start(text, max(start, end - 240), end)
    found = _last_match(scanner(SPEECH_FROM), text, start, end)
    if found is None:
        return None
    group = "subj" if found.group("subj") else "subj2"
    if not _is_subject(found.group(group)):
        return None
    return Evidence(found.group(group), found.start(group), True)


TAG_OWN_WORDS = re.compile(
    r"[ \t\n,;:—–-]*(?:was|were)[ \t\n]+(?:(?:all|only|then)[ \t\n]+)?"
    r"(?:(?:another|one|part)[ \t\n]+of[ \t\n]+)?"
    r"(?:(?P<own>his|her|my)[ \t\n]+(?:[a-z]+[ \t\n]+){0,2}?(?:reply|answer|rejoinder|remark"
    r"|remarks|salutation|greeting|response|retort|comment|exclamation|words|question"
    r"|observation|explanation|consolation|assurance|advice|apology|excuse|welcome)\b"
    r"|(?:that|what)[ \t\n]+(?P<subj>he|she|I)[ \t\n]+(?:[a-z]+[ \t\n]+)?"
    r"(?:said|answered|replied|could[ \t\n]+say|permitted[ \t\n]+(?:him|her|my)self))"
)
"""A tag owned by a pronoun: '"...," was his cautious salutation', 'was my reply', 'was
another of his remarks', 'was all that he permitted himself'."""
OWNER_PRONOUN = {"his": "he", "her": "she", "my": "I"}
TAG_PASSIVE = re.compile(
    rf"[ \t\n,;:—–-]*(?:(?:was|were)[ \t\n]+)?(?:[a-z]+ly[ \t\n]+)?(?:{_VERBS}|uttered|spoken|"
    rf"heard|given|added|exclaimed)[ \t\n]+(?:[a-z ,]{{0,40}}?[ \t\n])?(?:by|from)[ \t\n]+"
    rf"(?P<subj>{NAME_PHRASE})"
)
"""'"Thank God!" was uttered by Captain Wentworth': the one it was said by."""
TAG_SUBJECT_FIRST = re.compile(
    rf"[ \t\n,;:—–-]*(?:(?:[Tt]hen|[Aa]nd|[Bb]ut|[Ss]o|[Nn]ow)[ \t\n,]+)?"
    rf"(?P<subj>{NAME_PHRASE}|{_PRON}\b|{_DESC})"
    rf"[ \t\n]+{_ADV}(?:(?:had|has|was|is|would|could|did|then|just|only|also)[ \t\n]+)?"
    rf"(?P<verb>[a-z]+)\b"
)
SENTENCE_BREAK = re.compile(
    r"[.!?](?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMme\.)(?<!\bMlle\.)"
    r"[\"”'’)]*[ \t\n]+(?=[A-Z\"“'‘_])"
)
"""A sentence ends at . ! or ?, but not at the dot of a title: "Mrs. Turton called"."""
TAG_BEFORE = re.compile(
    rf"(?<![^ \t\n,;\"“”'‘’(—–-])(?P<subj>{NAME_PHRASE}|{_PRON}\b|{_DESC})[ \t\n]+{_ADV}"
    rf"(?:(?:had|has|then|just|only|also|now|again|suddenly|quietly)[ \t\n]+)?"
    rf"(?P<verb>[a-z]+)\b(?=[^.!?\"“”]*$)"
)
CONNECTIVE = re.compile(
    r"(?:(?:[Tt]hen|[Aa]nd|[Bb]ut|[Ss]o|[Nn]ow|[Hh]ere|[Aa]t last|[Aa]t length|[Pp]resently|"
    r"[Ss]uddenly|[Ff]inally|[Aa]gain|[Ss]till|[Yy]et|[Oo]nce more)[ \t\n,]+)*"
)
ACTION_SUBJECT = re.compile(
    rf"(?P<subj>{NAME_PHRASE}|{_PRON}\b|[Hh]is|[Hh]er|[Mm]y|[Tt]he[ \t\n]+[a-z]+)[ \t\n]+{_ADV}"
    rf"(?P<verb>[a-z]+)\b"
)
LOWER_WORDS = re.compile(r"[a-z]+")


def has_speech_verb(text: str, start: int, end: int) -> bool:
    return not SPEECH_VERBS.isdisjoint(LOWER_WORDS.findall(text, start, end))


CLAUSE_SUBJECT = re.compile(
    rf"(?:[,;:(—][ \t\n]*|\b(?:and|but|then|so)[ \t\n]+)(?P<subj>{NAME_PHRASE}|{_PRON}\b)"
)
"""A subject after a comma or "and": "..., and Mary said," (not "when Mary had sung")."""
SENTENCE_OPENER = re.compile(rf"(?P<subj>{NAME_PHRASE}|{_PRON}\b)")
CLOSING = "\"”'’»›"
TAG_PUNCT = ",!?—–-…"


@dataclass(slots=True)
class Evidence:
    """Who a tag or action points to, before names and pronouns are resolved."""

    subject: str
    """The subject as written: "Clara", "she", "the old man"."""
    pos: int
    explicit: bool
    """A speech tag (surest) rather than an action beat."""
    inverted: bool = False
    """The verb came first ("said Bill"): the subject is a name beyond doubt."""
    to: str | None = None
    """The one spoken to, when the tag says: "said Elizabeth to Jane"."""
    again: bool = False
    """The verb goes on with a speech ("she added", "he continued"): the one who spoke
    the line before may be speaking still."""


AGAIN_VERBS = frozenset(
    "added adds continued continues resumed resumes pursued pursues persisted persists".split()
)


def ends_open(text: str, start: int, end: int) -> bool:
    """The quote ``text[start:end]`` stops on a comma, dash or ?/! that a tag completes."""
    pos = end - 1
    while pos > start and text[pos] in CLOSING:
        pos -= 1
    return text[pos] in TAG_PUNCT


def tag_after(text: str, start: int, end: int, quote_open: bool) -> Evidence | None:
    """A tag or action in the narration ``text[start:end]`` right after a quote."""
    limit = min(end, start + 160)
    lead = TAG_LEAD.match(text, start, limit)
    verb = lead.group(1) if lead is not None else ""
    if lead is not None and (
        verb in SPEECH_VERBS
        or (verb in PARTICLE_VERBS and lead.end() > lead.end(1))
        or (quote_open and verb.endswith("ed") and _capital_next(text, lead.end(), limit))
    ):
        match = INVERTED_SUBJECT.match(text, lead.end(), limit)
        group = "name" if match and match.group("name") else "subj"
        if match and _is_subject(match.group(group)):
            if match.group(group).lower().endswith("voice"):  # the cheap test first
                owner = VOICE_OWNER.match(text, match.end(group), limit)
                if owner is not None:
                    return Evidence(owner.group("subj"), owner.start("subj"), True, True)
            to = _addressee(text, match.end(), limit)
            again = verb in AGAIN_VERBS
            return Evidence(match.group(group), match.start(group), True, True, to, again)
    if quote_open and (lead is None or verb not in SPEECH_VERBS):
        capital = CAPITAL_VERB.match(text, start, limit)
        if capital is not None and capital.group("verb").lower() in SPEECH_VERBS:
            name = INVERTED_SUBJECT.match(text, capital.end(), limit)  # '," Said Hamidullah'
            if name is not None and name.group("name") and _is_subject(name.group("name")):
                return Evidence(name.group("name"), name.start("name"), True, True)
    if "It was" in text[start : start + 8]:
        cleft = CLEFT_TAG.match(text, start, limit)
        if cleft is not None and _is_subject(cleft.group("subj")):
            return Evidence(cleft.group("subj"), cleft.start("subj"), True)
    if _indefinite_near(text, start, min(limit, start + 40)):
        match = INDEFINITE_TAG.match(text, start, limit)
        if match:
            group = "subj" if match.group("subj") else "subj2"
            return Evidence(match.group(group), match.start(group), True)
    first = lead.group(1) if lead is not None else ""
    match = (
        TAG_POSSESSIVE.match(text, start, limit)
        if first in ("was", "were", "had", "came")
        else None
    )
    if match is None and (first in ("was", "were") or first in SPEECH_VERBS or first[-2:] == "ly"):
        match = TAG_PASSIVE.match(text, start, limit)  # "loudly whispered by Aunt Juley"
    if match and _is_subject(match.group("subj")):
        return Evidence(match.group("subj"), match.start("subj"), True, True)
    if first in ("was", "were"):
        own = TAG_OWN_WORDS.match(text, start, limit)
        if own is not None:  # '"...," was his cautious salutation' / 'was all that he said'
            group = "own" if own.group("own") else "subj"
            word = own.group(group)
            return Evidence(OWNER_PRONOUN.get(word, word), own.start(group), True)
    if first in FROM_VERBS:
        source = FROM_TAG.match(text, start, limit)
        if source is not None and _is_subject(source.group("subj")):
            return Evidence(source.group("subj"), source.start("subj"), True)
    if first in ("was", "were"):
        source = speech_from(text, start, min(limit, _sentence_end(text, start, limit)))
        if source is not None:
            return source  # '"...?" was a question which Elizabeth received from Jane'
    heard = HEARD_AFTER.match(text, start, limit) if "heard" in text[start:limit] else None
    if heard is not None:
        subject = heard.group("subj")  # '"...," Archer heard Reggie Chivers say'
        if _is_subject(HEARD_OBJECT.get(subject, subject)):
            return Evidence(HEARD_OBJECT.get(subject, subject), heard.start("subj"), True)
    if text.find(" and ", start, min(limit, start + 60)) >= 0 or first in ("they", "we"):
        joint = JOINT_TAG.match(text, start, limit)
        if joint is not None:  # '"Nobody," Marcus and I said': both speak, no one alone
            return Evidence("everybody", joint.start(), True)
    match = TAG_SUBJECT_FIRST.match(text, start, limit)
    if not match or not _is_subject(match.group("subj")):
        return None
    subj, verb = match.group("subj"), match.group("verb")
    if verb in LISTENING:
        return None  # '"...," Miss Crawford listened': the one listening is not speaking
    head = subj.split()[0].lower()
    if head in DETERMINERS and verb not in SPEECH_VERBS:
        longer = DESC_THEN_VERB.match(text, match.start("subj"), limit)
        if longer is not None:  # "the stage manager called": the verb comes later
            match, subj, verb = longer, longer.group("subj"), longer.group("verb")
    if head in DETERMINERS and verb not in SPEECH_VERBS and head != "the":
        return None  # "his hand shook": a description acting is no tag
    if subj[0].isupper() and head in ("a", "an", "his", "her", "my"):
        if not quote_open:
            return None  # "His hand shook." starts a new sentence: not about the speaker
    new_sentence = text[start:limit].lstrip(" \t\n")[:4] in ("Then", "And ", "But ", "So, ", "Now ")
    explicit = not new_sentence and (verb in SPEECH_VERBS or (quote_open and subj[:1].islower()))
    if head == "the" and verb not in SPEECH_VERBS:
        explicit = False
    if quote_open and subj[:1].isupper() and not subj.startswith(("He", "She", "I")):
        explicit = explicit or verb.endswith("ed")
    to = _addressee(text, match.end(), limit) if explicit else None
    return Evidence(subj, match.start("subj"), explicit, False, to, verb in AGAIN_VERBS)


def _sentence_end(text: str, start: int, limit: int) -> int:
    """Where the sentence starting at ``start`` ends, at most ``limit``."""
    ends = [at for at in (text.find(".", start, limit), text.find("!", start, limit)) if at >= 0]
    return min(ends) if ends else limit


LISTENING = frozenset("listened listens heard hears overheard attended".split())
"""Verbs of listening: whoever does them after a quote heard it, and did not say it."""


def _indefinite_near(text: str, start: int, end: int) -> bool:
    """``INDEFINITE_WORD`` in ``text[start:end]``, whose every match ends in "one" or
    "body": two plain string searches spare most of the regex runs."""
    if text.find("one", start, end) < 0 and text.find("body", start, end) < 0:
        return False
    return scanner(INDEFINITE_WORD).search(text, start, end) is not None


FROM_VERBS = ("from", "came", "broke", "burst", "escaped")
FROM_TAG = re.compile(
    r"[ \t\n]*(?:(?:then|at[ \t\n]+last|at[ \t\n]+length)[ \t\n]+)?"
    r"(?:(?:came|broke|burst|escaped)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?)?"
    rf"from[ \t\n]+(?P<subj>{NAME_PHRASE}|[Tt]he[ \t\n]+{NAME_PHRASE})"
    r"(?=[ \t\n]*[,.;:!?)—–-]|['’ ]s[ \t\n]|[ \t\n]+(?:who|as|and|with)\b)"
)
"""'"M--m--m!" from Mr. Wilcox, who thought it amusing', '"A dangerous theory!" came from
Sir Thomas's tight lips', 'at last broke explosively from Janey': the words come from
the one named."""
JOINT_TAG = re.compile(
    rf"[ \t\n]*(?:(?:{NAME_PHRASE}|{_PRON})[ \t\n]+and[ \t\n]+(?:{NAME_PHRASE}|{_PRON}|he|she)"
    rf"|they|we)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?:{_VERBS})\b"
)
"""Several people saying a line together: '"Nobody," Marcus and I said at the same time.',
'"We did," they said together.'"""
CAPITAL_VERB = re.compile(r"[ \t\n]*(?P<verb>[A-Z][a-z]+)\b")
"""A capitalised first word after a quote that ends on a comma: '"...," Said Hamidullah'
is still a tag, since no sentence starts after a comma."""
CLEFT_TAG = re.compile(
    rf"[ \t\n]*It[ \t\n]+was[ \t\n]+(?P<subj>{NAME_PHRASE})[ \t\n]+who[ \t\n]+"
    r"(?:had[ \t\n]+)?(?:spoke|spoken|said|asked|answered|replied|cried|called|interrupted)\b"
)
"""'"There is a later will." It was Poirot who spoke.': the speaker named after all."""
VOICE_OWNER = re.compile(rf"[ \t\n]+of[ \t\n]+(?P<subj>{NAME_PHRASE})")
"""'said the voice of Mr. Haq': the voice's owner speaks."""
DESC_THEN_VERB = re.compile(
    rf"(?P<subj>{_DET}(?:[ \t\n]+{_FUNCTION}[A-Za-z'-]+){{2,4}}?)[ \t\n]+{_ADV}"
    rf"(?P<verb>{_VERBS})\b"
)
"""A description of several words before its speech verb: "the stage manager called"."""
ADDRESSEE = re.compile(
    rf"[ \t\n]*,?[ \t\n]*(?:[a-z]+ly[ \t\n]+)?to[ \t\n]+(?P<to>{NAME_PHRASE})(?![a-z'’])"
)


def _addressee(text: str, start: int, limit: int) -> str | None:
    """ "said Elizabeth to Jane": Jane is spoken to, and likely answers."""
    match = ADDRESSEE.match(text, start, limit)
    return match.group("to") if match else None


PARTICLE_VERBS = frozenset("went broke struck chimed cut spoke burst put called cried".split())
"""Verbs that tag speech with a particle: "went on", "broke in", "put in Lucy"."""


def _capital_next(text: str, pos: int, limit: int) -> bool:
    """ "asseverated the General", "quavered Lucy": a name follows the unknown verb."""
    rest = text[pos : min(limit, pos + 20)].lstrip()
    return rest[:1].isupper() or rest.startswith("the ") and rest[4:5].isupper()


DETERMINERS = frozenset("the his her my their our its your this that a an another one".split())


def tag_before(text: str, start: int, end: int) -> Evidence | None:
    """A tag or action in the sentence of ``text[start:end]`` that touches the next quote."""
    lo = max(start, end - 240)
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return None
    sentence_start = _sentence_start(text, lo, end)
    last = text[end - 1]
    if last == ";" and ends_with_speech_verb(text, sentence_start, end - 1):
        end -= 1  # "he added; ..." where a colon was meant
        last = ":"
    if last in ".!" and _stays_silent(text, sentence_start, end):
        return None  # "Isabella was silent.": whoever speaks next, it is not she
    if last in ",:—–-":
        gerund = _possessive_gerund(text, sentence_start, end)
        if gerund is not None:  # "electrified by Mrs Croft's suddenly saying,--"
            return Evidence(gerund.group("subj"), gerund.start("subj"), True)
        named = _name_at_end(text, sentence_start, end)
        inverted = INVERTED_LEAD.search(text, max(sentence_start, end - 60), end) if named else None
        if inverted is not None and _is_subject(inverted.group("subj")):
            return Evidence(inverted.group("subj"), inverted.start("subj"), True)
    if last in ",:—–-" or ends_with_speech_verb(text, sentence_start, end):
        found = _lead_in_subject(text, sentence_start, end)
        if found is not None:
            return found
    if last in ",:—–-" and _name_at_end(text, sentence_start, end):
        by = BY_NAME_END.search(text, max(sentence_start, end - 60), end)
        if by is not None:  # "thus accosted by Miss Bingley,"
            return Evidence(by.group("subj"), by.start("subj"), True)
    lead = CONNECTIVE.match(text, sentence_start, end)
    opening = lead.end() if lead else sentence_start
    match = ACTION_SUBJECT.match(text, opening, end) or _after_intro(text, opening, end)
    if match is not None and OPENER_THEN_PRONOUN.match(text, match.end("subj")):
        # "Aloud he said:", "Loosening his hold of me, he ...": an opening word, no name
        after = match.end("subj")
        while after < end and text[after] in " \t\n":
            after += 1
        match = ACTION_SUBJECT.match(text, after, end) or _after_intro(text, opening, end)
    if match is None or match.group("subj") in POSSESSIVES:
        voice = VOICE_OF.match(text, opening, end) if _has_possessive(text, opening, end) else None
        if voice is None and last in ",:—–-":
            voice = _last_voice(text, opening, end)  # "...; and Elizabeth's reply was,"
        if voice is not None:
            explicit = last in ",:—–-"
            return Evidence(voice.group("subj"), voice.start("subj"), explicit)
    if match is None and last in ",:—–-":
        match = SENTENCE_OPENER.match(text, opening, end)
    speech = last in ",:—–-" and has_speech_verb(text, sentence_start, end)
    if match is None and speech:
        match = scanner(CLAUSE_SUBJECT).search(text, sentence_start, end)
    if match and _is_subject(match.group("subj")):
        return Evidence(match.group("subj"), match.start("subj"), bool(speech) or last == ":")
    return None


SILENCE = re.compile(
    r"\b(?:(?:was|were|remained|kept|fell|sat)[ \t\n]+(?:quite[ \t\n]+)?(?:silent|silenced|mute)"
    r"|said[ \t\n]+nothing|made[ \t\n]+no[ \t\n]+(?:answer|reply)|gave[ \t\n]+no[ \t\n]+"
    r"(?:answer|reply)|did[ \t\n]+not[ \t\n]+(?:answer|reply|speak)|could[ \t\n]+not"
    r"[ \t\n]+(?:answer|reply|speak))\b"
)
"""A sentence saying someone did not speak: "Isabella was silent.", "Fanny made no
answer." It names who is not speaking, so it is no action beat for the next quote."""


def _stays_silent(text: str, start: int, end: int) -> bool:
    """The sentence ``text[start:end]`` says someone did not speak, and no speech verb
    follows: "Mr. Fang sat silent for some minutes, and then ... said" speaks after all."""
    silence = _silence(text, start, end)
    return silence is not None and _last_speech_verb(text, silence.end(), end) is None


def _silence(text: str, start: int, end: int) -> re.Match[str] | None:
    """``SILENCE`` searched in ``text[start:end]``. Each of its matches holds "silen",
    "mute" or a word in "no" after a space ("said nothing", "made no answer", "did not
    speak"): plain string searches rule out nine sentences in ten before the regex runs."""
    if (
        text.find("silen", start, end) < 0
        and text.find("mute", start, end) < 0
        and text.find(" no", start, end) < 0
        and text.find("\nno", start, end) < 0
        and text.find("\tno", start, end) < 0
    ):
        return None
    return scanner(SILENCE).search(text, start, end)


STOP_MARKS = ",:—–-"
"""The marks a lead-in that names its speaker last ends on ("Then said Tom:")."""


def _name_at_end(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may end on a name and the marks of STOP_MARKS, as
    INVERTED_LEAD and BY_NAME_END need (in the last 60 characters, as they read): the word
    before the marks then holds a capital ("Tom", "Mary-ann", "the M"). Most lead-ins end
    on "said," instead, and string methods tell so faster than the regexes."""
    if text[end - 1] == "\n":
        return True  # "$" may match before a final newline: leave it to the regexes
    words = text[max(start, end - 60) : end].rstrip(STOP_MARKS).rstrip(" \t\n").rsplit(None, 1)
    return not words or not words[-1].islower()


def silent_subject(text: str, start: int, end: int) -> Evidence | None:
    """Who the closing sentence of ``text[start:end]`` says did not speak ("Charles made
    no answer."), if it says so."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or text[end - 1] not in ".!":
        return None
    sentence_start = _sentence_start(text, max(start, end - 240), end)
    if not _stays_silent(text, sentence_start, end):
        return None
    lead = CONNECTIVE.match(text, sentence_start, end)
    match = ACTION_SUBJECT.match(text, lead.end() if lead else sentence_start, end)
    if match is None or not _is_subject(match.group("subj")):
        return None
    return Evidence(match.group("subj"), match.start("subj"), False)


HEARD_SAY = re.compile(
    rf"\b(?:heard|overheard|hear|hears)[ \t\n]+(?P<subj>{NAME_PHRASE}|him|her|them|it)"
    r"(?:[ \t\n]+[A-Za-z]+){0,6}?[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?P<verb>say|says|saying|cry|crying"
    r"|exclaim|exclaiming|murmur|murmuring|whisper|whispering|ask|asking|add|adding|mutter"
    r"|muttering|call|calling|answer|answering|reply|replying|remark|remarking)\b"
)
"""Someone heard speaking: "Archer heard Reggie Chivers say", "Mr. Beebe heard her kiss
Lucy and say:". The one heard is the speaker, not the one hearing."""
HEARD_OBJECT = {"him": "he", "her": "she"}
HEARD_AFTER = re.compile(
    rf"[ \t\n,;:—–-]*(?:{NAME_PHRASE}|[Hh]e|[Ss]he|I|[Ww]e|[Tt]hey)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?"
    rf"(?:heard|overheard)[ \t\n]+(?P<subj>{NAME_PHRASE}|him|her)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?"
    r"(?:say|cry|exclaim|murmur|whisper|ask|add|mutter|call|answer|reply|remark)\b"
)
"""A tag after the quote that hears its speaker: '"...," Archer heard Reggie Chivers say'."""


def _heard_say(text: str, start: int, last_verb: re.Match[str]) -> Evidence | None:
    """The one a lead-in hears speaking, when its last speech verb is what they say."""
    if "hear" not in text[max(start, last_verb.start() - 120) : last_verb.start()]:
        return None
    found = _last_match(HEARD_SAY, text, max(start, last_verb.start() - 120), last_verb.end())
    if found is None or found.end("verb") != last_verb.end():
        return None
    subject = found.group("subj")
    if subject == "them":
        return None
    if subject != "it" and not _is_subject(HEARD_OBJECT.get(subject, subject)):
        return None  # "heard it say to itself": someone heard, not the one hearing
    return Evidence(HEARD_OBJECT.get(subject, subject), found.start("subj"), True)


INVERTED_LEAD = re.compile(
    rf"\b(?:[Tt]hus|[Tt]hen|[Ss]o|[Nn]ow)[ \t\n,]+(?:{_VERBS})[ \t\n]+(?P<subj>{NAME_PHRASE})"
    r"[ \t\n]*[,:—–-]+$"
)
"""An inverted lead-in: "and, in an unhappy mood, thus spoke Mary:", "Then said Tom:"."""
SPEECH_GERUNDS = (
    "saying|asking|exclaiming|crying|calling|observing|replying|answering|adding|"
    "whispering|remarking|beginning|continuing|interrupting|declaring|enquiring|inquiring"
)
POSSESSIVE_GERUND = re.compile(
    rf"(?P<subj>{NAME_PHRASE})(?:['’]|[ \t])s[ \t\n]+(?:[a-z]+ly[ \t\n]+)?"
    rf"(?:{SPEECH_GERUNDS})\b[^.;!?\"“”]{{0,60}}$"
)
"""A possessive before a gerund of speech at the end of a lead-in: "by Sir Thomas's saying
with authority,", "began with Mary's saying, in a tone of great exultation--"."""


def _possessive_gerund(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last "Name's saying" of a lead-in, if only its manner follows it."""
    if "ing" not in text[max(start, end - 80) : end]:
        return None
    if not GERUND_NEAR.search(text, max(start, end - GERUND_REACH), end):
        return None  # a match's gerund ends within 60 characters of the end (61 before a "\n")
    return _last_match(POSSESSIVE_GERUND, text, max(start, end - 160), end)


GERUND_NEAR = re.compile(SPEECH_GERUNDS)
GERUND_REACH = 61 + max(len(word) for word in SPEECH_GERUNDS.split("|"))
"""How far back from the end of a lead-in POSSESSIVE_GERUND's gerund can start: the search
for the gerunds alone, much cheaper than the pattern's, rules out most lead-ins."""


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last of ``pattern``'s matches in ``text[start:end]``: the one nearest the quote."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is wanted
        pass
    return found


def _sentence_start(text: str, lo: int, end: int) -> int:
    """Where the sentence ending at ``end`` starts: after the last SENTENCE_BREAK in
    ``text[lo:end - 1]``, else at ``lo``. A break holds one mark of . ! ?, its first
    character, so breaks never overlap: the pattern is tried at each mark from the end,
    and the first that holds is the last a scan from ``lo`` would find."""
    stop = at = end - 1
    while True:
        at = max(text.rfind(".", lo, at), text.rfind("!", lo, at), text.rfind("?", lo, at))
        if at < 0:
            return lo
        brk = SENTENCE_BREAK.match(text, at, stop)
        if brk is not None:
            return brk.end()


INTRO_PHRASE = re.compile(
    r"(?:[Ww]ith|[Ii]n|[Aa]t|[Oo]n|[Aa]fter|[Bb]efore|[Ff]or|[Ww]ithout|[Ii]nstead|[Tt]o|[Ff]rom"
    r"|[Bb]y|[Uu]pon|[Uu]nder|[Tt]hrough|[Hh]aving|[Bb]eing|[A-Za-z][a-z]+ing)\b"
    r"[^,.!?;:\"“”‘’]{0,60},[ \t\n]+"
)
"""An opening phrase before the subject: "Then, instead of stepping back down, he ..."."""


def _after_intro(text: str, start: int, end: int) -> re.Match[str] | None:
    """The subject after an opening phrase: "With a great thump, Poirot demolished it"."""
    intro = INTRO_PHRASE.match(text, start, end)
    return ACTION_SUBJECT.match(text, intro.end(), end) if intro else None


VOICE_OF = re.compile(
    rf"(?P<subj>{NAME_PHRASE})['’]s[ \t\n]+(?:[a-z]+[ \t\n]+)?(?:voice|tones?|lips|reply"
    r"|answer|words|declaration|reasoning|remark|rejoinder|response|retort|exclamation"
    r"|observation|comment|question|cry|side|part|word|reproach|inquiry|enquiry)\b"
)
"""A speaker's voice as the subject: "Mary's voice came, cool and liquid:"."""


SUBJECT_TOKEN = re.compile(
    rf"(?P<subj>{NAME_PHRASE}|\b{_PRON}\b)[ \t\n]+{_ADV}(?:(?:had|has|then|at|last)[ \t\n]+)*"
    r"[a-z]+\b"
)
OBJECT_BEFORE = re.compile(
    rf"(?:\b(?:{by_first_letter('to at with of by for from on in upon towards than'.split())})"
    r"|(?<![,;:][ \t\n])\band)[ \t\n]+$"
)
"""A name after a preposition is an object; after "and" too ("Tom and Mary"), but not
after "; and", which opens a clause: "...the window; and Miss Crawford had time to say"."""


NAME_APPOSED = re.compile(
    rf"(?P<subj>{NAME_PHRASE}),[ \t\n]+(?:[a-z]+(?:ing|ed)|who|whose|after|before|with|without"
    r"|in|on|at|as|though|although|having|being|upon|for|from|still|now|then)\b"
)
"""A name set before a participle or an aside: "Mrs Smith, sighing over it, said",
"Edmund, after waiting a moment, obliged her by saying", "Julia, who was in high
good-humour, did her the justice of exclaiming"."""
NAME_ASIDE = re.compile(
    rf"(?P<subj>{NAME_PHRASE}),[ \t\n]+[a-z][^,;:.!?\"“”]{{0,60}},[ \t\n]+"
    r"(?!(?:and|or|but|nor)\b)[a-z]+\b"
)
"""A name, an aside between commas, then its verb: "Mr. Collins, much offended, laid"."""
SUBORDINATORS = (
    "as when while whilst if though although because since till until before after that whom who "
    "where what whether"
)
SUBORDINATE_BEFORE = re.compile(rf"\b(?:{by_first_letter(SUBORDINATORS.split())})[ \t\n]+$")


def _lead_in_subject(text: str, start: int, end: int) -> Evidence | None:
    """Who says the words a lead-in ("..., and said:") introduces: the subject just before
    the last speech verb ("he held her in his arms, and said:" → he).

    The clause after the last semicolon is read first: "Lydia was bid to hold her tongue;
    but Mr. Collins, much offended, laid aside his book, and said," is Mr. Collins."""
    last_verb = _last_speech_verb(text, start, end)
    if last_verb is None:
        return None  # no speech verb, so no tag either
    clause = text.rfind(";", start, last_verb.start())
    if clause >= 0:
        found = _clause_subject(text, clause + 1, end, last_verb)
        if found is not None:
            return found
    return _clause_subject(text, start, end, last_verb)


VOICE_SPEAKS = re.compile(
    rf"\bvoice[ \t\n]+of[ \t\n]+(?P<subj>{NAME_PHRASE})[ \t\n]+"
    r"(?:(?:was|were)[ \t\n]+(?:heard[ \t\n]+)?|came[ \t\n]+)?(?:[a-z]+ly[ \t\n]+)?[a-z]+"
)
"""A lead-in whose speech is a named person's voice: "the voice of Charles was heard
saying:", "and the voice of Mr. Heelas bellowing like a bull"."""


def _clause_subject(text: str, start: int, end: int, last_verb: re.Match[str]) -> Evidence | None:
    """The subject of ``last_verb`` among the names and pronouns from ``start`` on."""
    heard = _heard_say(text, start, last_verb)
    if heard is not None:
        return heard
    tag = _tag_at(text, start, end, last_verb)
    if tag is not None:
        again = tag.group("verb") in AGAIN_VERBS
        return Evidence(tag.group("subj"), tag.start("subj"), True, again=again)
    stop = last_verb.start()
    if text.find("voice", max(start, stop - 80), stop) >= 0:
        voice = VOICE_SPEAKS.search(text, max(start, stop - 80), last_verb.end())
        if voice is not None and voice.end() == last_verb.end():
            return Evidence(voice.group("subj"), voice.start("subj"), True)
    asked = DID_SUBJECT.search(text, max(start, stop - 60), last_verb.end())
    if asked is not None and asked.end() == last_verb.end():
        return Evidence(asked.group("subj"), asked.start("subj"), True)  # "did Miss B. reply:"
    has_who = text.find("who", start, stop) >= 0  # without a "who" the regex cannot match
    whos = list(WHO_CLAUSE.finditer(text, start, stop)) if has_who else []
    who = whos[-1] if whos else None
    if who is not None and not CLAUSE_END.search(text, who.end(), stop):
        again = last_verb.group() in AGAIN_VERBS  # "Thorpe, who, coming to them, said,"
        return Evidence(who.group("subj"), who.start("subj"), True, again=again)
    if text.startswith("by", stop - 3, stop) or text.find(" by ", max(start, stop - 24), stop) >= 0:
        by = _last_match(scanner(BY_GERUND), text, max(start, stop - 120), last_verb.end())
        if by is not None and by.end() == last_verb.end() and _is_subject(by.group("subj")):
            return Evidence(by.group("subj"), by.start("subj"), True)  # "Mary ... by exclaiming"
    nearest = _governing_name(text, max(start, stop - 120), stop)
    if nearest is not None:  # "that Louisa added,"
        if (
            _is_subject(nearest.group("subj"))
            and not LOST_APOSTROPHE.match(text, nearest.end("subj"))
            and not _after_verb(text, start, nearest.start())
            and not scanner(OBJECT_BEFORE).search(
                text, max(start, nearest.start() - 12), nearest.start()
            )
        ):
            again = last_verb.group() in AGAIN_VERBS
            return Evidence(nearest.group("subj"), nearest.start("subj"), True, again=again)
    found = list(scanner(SUBJECT_TOKEN).finditer(text, start, stop))
    if text.find(",", start, stop) >= 0:  # a name set off by commas needs one
        found += list(scanner(NAME_APPOSED).finditer(text, start, stop))
        found += list(scanner(NAME_ASIDE).finditer(text, start, stop))
        found.sort(key=lambda m: m.start())
    found = [
        m
        for m in found
        if not LOST_APOSTROPHE.match(text, m.end("subj"))
        and not OPENER_THEN_PRONOUN.match(text, m.end("subj"))
    ]  # "Aloud he said:", "Finally he stammered": an opening word, not a name
    subjects = [
        m
        for m in found
        if _is_subject(m.group("subj"))
        and not scanner(OBJECT_BEFORE).search(text, max(start, m.start() - 12), m.start())
        and not scanner(SUBORDINATE_BEFORE).search(text, max(start, m.start() - 14), m.start())
        and not _after_verb(text, start, m.start())
    ]
    if not subjects:  # "the day came, when Mr. Rushworth turned to her and said,"
        subjects = [
            m
            for m in found
            if _is_subject(m.group("subj"))
            and m.group("subj")[:1].isupper()
            and m.group("subj") not in ("He", "She", "I")
            and not scanner(OBJECT_BEFORE).search(text, max(start, m.start() - 12), m.start())
            and not _after_verb(text, start, m.start())
        ]
    if not subjects:
        return None
    again = last_verb.group() in AGAIN_VERBS
    return Evidence(subjects[-1].group("subj"), subjects[-1].start("subj"), True, again=again)


def _tag_at(text: str, start: int, end: int, last_verb: re.Match[str]) -> re.Match[str] | None:
    """``_last_tag(text, start, end)`` if its verb is ``last_verb``, read over less text.
    No tag's verb comes after the last speech verb, so that tag is the last found if
    found at all; the scan begins after the last comma before it (``_tag_scan_start``)
    and, when a stop follows the verb ("said,"), ends with it: no match runs on over such
    a mark, so the scan meets the same matches up to there, and nothing after the verb
    but the marks TAG_BEFORE looks ahead for can change what it finds."""
    verb, verb_end = last_verb.span()
    if (
        verb_end < end
        and text[verb_end] in ",;:—–"
        and not SENTENCE_MARK.search(text, verb_end, end)
    ):
        end = verb_end
    tag = _last_tag(text, _tag_scan_start(text, start, verb), end)
    return tag if tag is not None and tag.start("verb") == verb else None


SENTENCE_MARK = re.compile(r"[.!?\"“”]")
"""What TAG_BEFORE's look-ahead from its verb to the end may not meet."""


def _tag_scan_start(text: str, start: int, verb: int) -> int:
    """Where a scan for the tag whose verb is at ``verb`` may start and find what a scan
    from ``start`` finds there: after the last TAG_BARRIERS character before the verb.
    No match spans such a character, so a scan from ``start`` comes to the position after
    it in step with one begun there; and no tag's verb comes after the last speech verb
    (``_last_speech_verb``), so the tag found at ``verb``, if any, is still the last."""
    barrier = max(
        text.rfind(",", start, verb),
        text.rfind(";", start, verb),
        text.rfind(":", start, verb),
        text.rfind("—", start, verb),
    )
    return barrier + 1 if barrier >= 0 else start


def _last_tag(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last subject and speech verb in ``text[start:end]``. The matches are found
    from the start, but only the last one that is a tag counts, so they are tested from
    the end and the test stops at the first that passes."""
    for m in reversed(list(scanner(TAG_BEFORE).finditer(text, start, end))):
        verb = m.group("verb")
        if (
            (verb in SPEECH_VERBS or _went_on(text, verb, m.end("verb")))
            and _is_subject(m.group("subj"))
            and not (verb.endswith("ing") and m.group("subj")[:1].islower())
        ):  # "Aziz took his leave saying": a participle's subject is the clause's
            return m
    return None


OPENER_THEN_PRONOUN = re.compile(r"[ \t\n]+(?:he|she|I|they|we|his|her)\b")
LOST_APOSTROPHE = re.compile(r"[ \t]s[ \t\n]")
"""A possessive whose apostrophe was lost in conversion: "took up Willoughby s letter"."""
BARE_SUBJECT = re.compile(rf"(?P<subj>{NAME_PHRASE})")
GOVERNED_VERB = re.compile(
    r"(?:[ \t\n]+(?!(?:and|but|or|nor|who|which|that|he|she|it|we|they)\b)[a-z]{2,}){0,2}?"
    r"(?:,[^,;:.!?\"“”]{1,160},)?[ \t\n]+(?:[a-z]+ly[ \t\n]+)?"
)
"""What may stand between a subject and its verb: a word or two ("soon afterwards"), an
adverb, or an aside set off by commas ("while Captain Wentworth, staggering against the
wall, exclaimed")."""


BY_GERUND = re.compile(
    rf"(?P<subj>{NAME_PHRASE}|\b[Hh]e|\b[Ss]he)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?[a-z]+ed[ \t\n]+"
    r"(?:[a-z]+[ \t\n]+){0,3}?by[ \t\n]+(?:[a-z]+ly[ \t\n]+)?[a-z]+ing"
)
"""Who does the verb whose means is the speech: "when Mary eagerly interrupted her by
exclaiming--", "Edward interrupted her by saying,"."""


def _governing_name(text: str, start: int, verb: int) -> re.Match[str] | None:
    """The name nearest the speech verb at ``verb`` that governs it. A name inside an
    aside is passed over for the one before it ("Mrs. Dashwood, taking up a volume of
    Shakespeare, exclaimed" is Mrs. Dashwood)."""
    for name in reversed(list(scanner(BARE_SUBJECT).finditer(text, start, verb))):
        if _governs(text, name, verb):
            return name
    return None


def _governs(text: str, subject: re.Match[str], verb: int) -> bool:
    """Whether ``subject`` is the one doing the speech verb at ``verb``: nothing but an
    adverb or an aside between them."""
    return GOVERNED_VERB.fullmatch(text, subject.end("subj"), verb) is not None


DID_SUBJECT = re.compile(
    rf"\b(?:did|does|could|would|should|will|can|might)[ \t\n]+(?P<subj>{NAME_PHRASE})"
    rf"[ \t\n]+(?:[a-z]+ly[ \t\n]+)?(?:{_VERBS})"
)
"""An inverted subject: "Not till then did Miss Bartlett reply:"."""
WHO_CLAUSE = re.compile(rf"(?P<subj>{NAME_PHRASE}),?[ \t\n]+who\b")
"""A name and the clause it governs: "broken by Isabella, who in a cold voice said,"."""
CLAUSE_END = re.compile(r"[.;!?]|\b(?:and|but)[ \t\n]+(?:[A-Z]|he\b|she\b)")
"""The relative clause gives way to another subject before the verb."""


CLAUSE_WORDS = frozenset(
    "and but then so now yet or nor here there still again once at last length presently "
    "suddenly finally meanwhile instantly immediately directly thereupon".split()
)


def _after_verb(text: str, start: int, pos: int) -> bool:
    """A name straight after a lower-case word that opens no clause is that word's object:
    "the Rabbit noticed Alice, as she went" (Alice is not the one who calls out)."""
    back = pos
    while back > start and text[back - 1] in " \t\n":
        back -= 1
    if back == pos or back <= start:
        return False
    word_start = back
    while word_start > start and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:back]
    if not word or not word.islower() or word in CLAUSE_WORDS or word.endswith("ly"):
        return False
    if word.endswith("ing"):  # "eyeing Dr. Grant", but not "that evening Tom said"
        return word not in ING_NOUNS
    return word.endswith("ed") or word in OBJECT_VERBS


ING_NOUNS = frozenset(
    "morning evening nothing something anything everything during king thing ring spring "
    "sing".split()
)
"""Words ending in -ing that are no participle taking an object."""


OBJECT_VERBS = frozenset(
    "saw see sees met meet meets told tell tells asked asks heard hear hears took take "
    "takes gave give gives left leave leaves found find finds kept keep keeps let lets "
    "made make makes knew know knows thought caught catch led lead leads".split()
)


def _last_speech_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last word of ``text[start:end]`` that is a speech verb (or "went on"). The verb
    is mostly near the end, so the words are listed a stretch at a time from the end; a
    stretch begins where a word does, so its words are whole, as in one listing."""
    stop = end
    while stop > start:
        lo = max(start, stop - VERB_STRETCH)
        while lo > start and "a" <= text[lo - 1] <= "z":
            lo -= 1  # back to the start of the word cut
        for m in reversed(list(LOWER_WORDS.finditer(text, lo, stop))):
            word = m.group()
            if word in SPEECH_VERBS or _went_on(text, word, m.end()):
                if ARTICLE_BEFORE.search(text, max(start, m.start() - 24), m.start()):
                    continue  # "cried in a half whisper": a noun, not the verb
                return m
        stop = lo
    return None


ARTICLE_BEFORE = re.compile(
    r"\b(?:(?:a|an|the)|(?:in|with)[ \t\n]+(?:a|an|the)[ \t\n]+[a-z]+)[ \t\n]+$"
)
"""What makes a speech word a noun: "a whisper", "in a half whisper", "with a loud cry"."""


VERB_STRETCH = 48
"""How much of a lead-in ``_last_speech_verb`` lists at a time."""


def _last_voice(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last "Name's reply" of a lead-in, when only a "was" or "it was" follows it."""
    if not _has_possessive(text, start, end):
        return None
    found = _last_match(VOICE_OF, text, start, end)
    if found is None or not VOICE_TAIL.fullmatch(text, found.end(), end):
        return None
    return found


def _has_possessive(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an "'s" or "’s", without which VOICE_OF and
    BODY_OF cannot match: two plain string searches spare most of their regex runs."""
    return text.find("'s", start, end) >= 0 or text.find("’s", start, end) >= 0


VOICE_TAIL = re.compile(
    r"[ \t\n,]*(?:it[ \t\n]+)?(?:was|came|were|had[ \t\n]+been|with|of)?[ \t\n,:—–-]*"
)
"""What may follow "Name's reply" to the quote: "was", "had been:", ", with", "of"
("when listening in turn to Mary's reproach of")."""
BY_NAME_END = re.compile(rf"\b(?:by|from)[ \t\n]+(?P<subj>{NAME_PHRASE})[ \t\n]*[,:—–-]+$")
"""A lead-in ending on who the words come from: "thus accosted by Miss Bingley,"."""


def _went_on(text: str, word: str, end: int) -> bool:
    """ "the lawyer went on in his soothing manner:": "went on" tags speech."""
    return word == "went" and text.startswith(" on", end)


SPEECH_THEN_STOP = re.compile(
    rf"\b(?:{_VERBS})(?:[ \t\n]+(?:on|in|out|again|thus|so))?[.!]?[ \t\n]*$"
)
"""A narration paragraph that ends on its speech verb: "Sir Thomas ... went on."."""


SPEECH_ONSET = re.compile(
    rf"(?P<subj>{NAME_PHRASE}|\b[Hh]e|\b[Ss]he|\bI)[ \t\n]+(?:[a-z]+ly[ \t\n]+)?"
    r"(?:began|resumed|recommenced)(?:[ \t\n]+(?:again|at[ \t\n]+once|scolding|speaking"
    r"|talking|afresh))?(?:[ \t\n]+(?:in|with)[ \t\n]+[^.;:!?\"“”]{0,40})?[.!]$"
)
"""A sentence that only says someone began to speak: "Mr. Collins began.", "Mrs. Norris
began scolding.", "Sissy resumed in a lower voice." The next quote is theirs."""


BEFORE_REPLYING = re.compile(
    rf"(?P<subj>{NAME_PHRASE}|\b[Hh]e|\b[Ss]he|\bI)\b[^.;!?\"“”]{{0,80}}?\bbefore"
    r"[ \t\n]+(?:replying|answering|speaking)[.!]$"
)
"""A sentence about someone about to answer: "It was at him that she gazed before
replying." """


def speech_onset(text: str, start: int, end: int) -> Evidence | None:
    """The speaker a closing "X began." announces, if the narration ends on one."""
    tail = text[max(start, end - 90) : end]
    if "before " in tail and tail.endswith(("replying.", "answering.", "speaking.")):
        about = next(BEFORE_REPLYING.finditer(text, max(start, end - 120), end), None)
        if about is not None and _is_subject(about.group("subj")):
            return Evidence(about.group("subj"), about.start("subj"), True)
    if "began" not in tail and "resumed" not in tail and "recommenced" not in tail:
        return None
    found = SPEECH_ONSET.search(text, max(start, end - 90), end)
    if found is None or not _is_subject(found.group("subj")):
        return None
    before = text[max(0, found.start() - 3) : found.start()].rstrip()
    if before and before[-1] in CLOSING:
        return None  # '"The canons--" he began with twinkling eyes.' tags the quote before
    return Evidence(found.group("subj"), found.start("subj"), True)


CLAUSE_TAIL = re.compile(r"[a-z][a-z \t\n]*$")
"""The lower-case words that end a clause: "Rabbit said in a loud voice"."""


def ends_with_speech_verb(text: str, start: int, end: int) -> bool:
    """ "...Mr. Gradgrind, who answered "Yes."": the verb runs straight into the quote."""
    words = LOWER_WORDS.findall(text, max(start, end - 14), end)
    if not text[end - 1].isalpha():
        return False
    if words and words[-1] in SPEECH_VERBS:
        return True
    reach = 80 if words and words[-1] == "with" else 60
    clause = CLAUSE_TAIL.search(text, max(start, end - reach), end)
    if clause is None:
        return False
    tail = clause.group().split()
    if tail[-1] == "with" and clause.start() > max(start, end - reach):
        # "she addressed him a second time with": the speech the verb brings follows
        return any(w in SPEECH_VERBS for w in tail[:-1])
    return any(w in SPEECH_VERBS for w in tail[:-1]) and len(tail) <= 7


POSSESSIVES = frozenset("His Her My his her my".split())


def paragraph_subject(text: str, start: int, end: int) -> Evidence | None:
    """The subject of the narration's first sentence, when it names someone: the one
    the paragraph is about ("The inspector wrote something. His pencil moved.")."""
    lead = CONNECTIVE.match(text, start, end)
    opening = lead.end() if lead else start
    owner = BODY_OF.match(text, opening, end) if _has_possessive(text, opening, end) else None
    if owner is not None:
        return Evidence(owner.group("subj"), owner.start("subj"), False)
    match = ACTION_SUBJECT.match(text, opening, end) or NAME_APPOSED.match(text, opening, end)
    if match is None or match.group("subj") in POSSESSIVES:
        return None
    if match.group("subj") in ("He", "She", "he", "she"):
        return None
    return Evidence(match.group("subj"), match.start("subj"), False)


BODY_OF = re.compile(
    rf"(?P<subj>{NAME_PHRASE})['’]s[ \t\n]+(?:[a-z]+[ \t\n]+)?(?:eyes|face|voice|lips|mouth|"
    r"hands?|head|brow|cheeks?|jaw|gaze|expression|smile|features|colour|color)\b"
)
"""A name's face or eyes acting: "Dorcas's eyes looked as though they would pop out"."""


NOT_SUBJECTS = frozenset(
    "it they we you there this that what which who one nobody somebody everybody nothing "
    "something everything all both each either neither none".split()
)


PAUSE_NOUNS = frozenset("silence pause moment minute minutes time while interval".split())
"""What "after a pause" or "after another silence" ends on: a stretch of time, no speaker
("Aziz after another silence said," is Aziz)."""


def _is_subject(subject: str | None) -> bool:
    if not subject or subject.rsplit(None, 1)[-1] in PAUSE_NOUNS:
        return False
    return subject.split()[0].lower() not in NOT_SUBJECTS
