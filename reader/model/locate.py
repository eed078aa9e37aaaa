"""Find a saved beat again after the story file was edited.

A position or bookmark stores a global beat number and a fingerprint of that beat's text.
Inserting or deleting a paragraph shifts the numbers, so the number alone would land on
the wrong passage; the fingerprint finds the same passage, and the search goes outward
from the saved number so that a repeated line ("Yes.") resolves to the nearest copy.
"""

from __future__ import annotations

from reader.model.story import Story


def locate_beat(story: Story, beat_number: int, beat_fp: str | None) -> int:
    """The beat number (1-based) in ``story`` that best matches a saved position.

    The beat whose text fingerprint is ``beat_fp``, nearest to ``beat_number`` (at equal
    distance, the later one: text is more often added before a place than removed); when
    no beat matches, ``beat_number`` clamped to the story.
    """
    from reader.store import beat_fingerprint

    beats = story.beats
    count = len(beats)
    if count == 0:
        return 1
    clamped = min(max(int(beat_number), 1), count)
    if not beat_fp:
        return clamped

    def matches(number: int) -> bool:
        return beat_fingerprint(story.beat_text(beats[number - 1])) == beat_fp

    if matches(clamped):
        return clamped
    for distance in range(1, count):
        later, earlier = clamped + distance, clamped - distance
        if later > count and earlier < 1:
            break
        if later <= count and matches(later):
            return later
        if earlier >= 1 and matches(earlier):
            return earlier
    return clamped
