"""A saved beat is found again after the story file was edited."""

from __future__ import annotations

from reader import load_story
from reader.model.locate import locate_beat
from reader.store import beat_fingerprint

ORIGINAL = """\
The ferry left at dawn, and Ines stood at the rail with her collar up.

"You'll catch your death," said the deckhand.

"Then I'll catch it here," she said. "I want to see the island come."

The island came slowly, grey on grey, and then all at once green.

A bell rang somewhere ashore. She counted the strokes and lost count at nine.
"""

INSERTED = """\
Somebody had painted the benches overnight; the paint was still tacky.

Gulls followed the wake, screaming at nothing.
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_story(path)


def find(story, needle: str) -> int:
    return next(b.number for b in story.beats if needle in story.beat_text(b))


def saved(story, needle: str) -> tuple[int, str]:
    number = find(story, needle)
    return number, beat_fingerprint(story.beat_text(story.beats[number - 1]))


def test_unchanged_story_returns_the_same_beat(tmp_path):
    story = write(tmp_path, "a.txt", ORIGINAL)
    number, fp = saved(story, "grey on grey")
    assert locate_beat(story, number, fp) == number


def test_paragraph_inserted_before_the_bookmark(tmp_path):
    before = write(tmp_path, "a.txt", ORIGINAL)
    number, fp = saved(before, "grey on grey")
    first_break = ORIGINAL.index("\n\n") + 2
    edited = ORIGINAL[:first_break] + INSERTED + "\n" + ORIGINAL[first_break:]
    after = write(tmp_path, "b.txt", edited)
    located = locate_beat(after, number, fp)
    assert located > number
    assert "grey on grey" in after.beat_text(after.beats[located - 1])


def test_paragraph_deleted_before_the_bookmark(tmp_path):
    before = write(tmp_path, "a.txt", ORIGINAL)
    number, fp = saved(before, "A bell rang")
    edited = ORIGINAL.replace(
        "The island came slowly, grey on grey, and then all at once green.\n\n", ""
    )
    after = write(tmp_path, "b.txt", edited)
    located = locate_beat(after, number, fp)
    assert located < number
    assert after.beat_text(after.beats[located - 1]).startswith("A bell rang")


def test_rewrapped_beat_still_matches(tmp_path):
    before = write(tmp_path, "a.txt", ORIGINAL)
    number, fp = saved(before, "A bell rang")
    edited = ORIGINAL.replace("strokes and lost", "strokes\nand lost")
    after = write(tmp_path, "b.txt", "Foreword.\n\n" + edited)
    located = locate_beat(after, number, fp)
    assert after.beat_text(after.beats[located - 1]).startswith("A bell rang")


def test_repeated_text_resolves_to_the_nearest_copy(tmp_path):
    text = "\n\n".join(f'"Yes." Paragraph {n} goes on a while.' for n in range(1, 9)) + "\n"
    story = write(tmp_path, "a.txt", text)
    yes = [b.number for b in story.beats if story.beat_text(b) == '"Yes."']
    fp = beat_fingerprint('"Yes."')
    assert locate_beat(story, yes[4], fp) == yes[4]
    # one beat past a copy, with the next copy as near: the later one wins the tie
    assert locate_beat(story, yes[4] + 1, fp) == yes[5]
    assert locate_beat(story, len(story.beats), fp) == yes[-1]


def test_lost_beat_falls_back_to_the_clamped_number(tmp_path):
    story = write(tmp_path, "a.txt", ORIGINAL)
    total = len(story.beats)
    assert locate_beat(story, 3, "no-such-fingerprint") == 3
    assert locate_beat(story, total + 40, "no-such-fingerprint") == total
    assert locate_beat(story, -2, "no-such-fingerprint") == 1
    assert locate_beat(story, 0, "") == 1
    assert locate_beat(story, 4, None) == 4
