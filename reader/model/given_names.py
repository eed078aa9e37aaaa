"""What a given name says about gender, from a dictionary of names rather than a hand list.

When the text's own pronouns have not settled a character's gender ("Vivian croaked",
never "she"), a reader still knows Vivian is a woman's name and Ambrose a man's. The
``gender-guesser`` package carries Jörg Michael's dictionary of about 45,000 first names
from many countries, with how strongly each leans; it is read once, lazily, on the first
name asked about (about 0.15 s), so a story whose pronouns settle everything never pays.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_GENDERS = {
    "female": "female",
    "mostly_female": "female",
    "male": "male",
    "mostly_male": "male",
}
"""The dictionary's answers that lean one way; "andy" (either) and "unknown" tell nothing."""


@lru_cache(maxsize=1)
def _detector() -> Any | None:
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # a broken install: gender then comes from the text alone
        return None
    return Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def _answer(first: str) -> str:
    if not first or not first[:1].isalpha():
        return "unknown"
    detector = _detector()
    return "unknown" if detector is None else detector.get_gender(first.capitalize())


def given_name_gender(first: str, sure: bool = False) -> str | None:
    """ "female", "male" or None for a first name ("Vivian", "Ambrose", "Kit").

    ``sure`` leaves out the names the dictionary says only mostly go one way."""
    answer = _answer(first)
    if sure and answer.startswith("mostly_"):
        return None
    return _GENDERS.get(answer)
