"""Properties that hold for any text at all: the model never loses or invents a character."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model.export import story_to_dict
from tests.model.helpers import story_of

PIECES = st.sampled_from(
    [
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "—",
        "–",
        "-",
        "***",
        "* * *",
        "#",
        "o0o",
        "Chapter 1",
        "CHAPTER XII.",
        "# Title",
        "\n",
        "\n\n",
        "    ",
        "\t",
        " ",
        "said Ann",
        "don't",
        "the boys'",
        "Yes,",
        "I will.",
        "\x00",
        "\x1c",
        "\x0b",
        "\x0c",
        "\x85",
        "\u2028",
        "\r\n",
        "\r",
        "[bold]x[/]",
        "\x1b[31m",
        "Now",
        "Three weeks later,",
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***",
        "*** END OF THE PROJECT GUTENBERG",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join),
)


def covered_spans(story) -> list[tuple[int, int]]:
    return sorted([(b.start, b.end) for b in story.beats] + list(story.markers))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_export_never_raises_and_is_json(text):
    story = story_of(text, attribute=True)
    json.dumps(story_to_dict(story))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_beat_is_its_slice_and_beats_are_ordered_and_disjoint(text):
    story = story_of(text)
    exported = story_to_dict(story)
    previous_end = -1
    number = 0
    for scene in exported["scenes"]:
        for beat in scene["beats"]:
            number += 1
            assert beat["number"] == number
            assert beat["text"] == text[beat["start"] : beat["end"]]
            assert beat["start"] >= previous_end
            assert beat["start"] < beat["end"]
            assert not beat["text"][0].isspace() and not beat["text"][-1].isspace()
            previous_end = beat["end"]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_body_character_is_in_exactly_one_beat_or_a_marker(text):
    story = story_of(text)
    owner = [0] * len(text)
    for beat in story.beats:
        for i in range(beat.start, beat.end):
            owner[i] += 1
    for start, end in story.markers:
        for i in range(start, end):
            owner[i] += 1
    for i in range(story.body_start, story.body_end):
        if not text[i].isspace():
            assert owner[i] == 1, (i, text[i])
    for beat in story.beats:
        assert story.body_start <= beat.start and beat.end <= story.body_end


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_dialogue_beats_start_with_a_mark_and_narration_has_no_speaker(text):
    story = story_of(text, attribute=True)
    names = {c.name for c in story.characters}
    for beat in story.beats:
        if beat.kind == "narration":
            assert beat.speaker is None
        else:
            assert beat.speaker is None or beat.speaker in names
