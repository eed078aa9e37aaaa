"""The bundled seed stories: structure only (scenes, titles, dialogue beat counts).

Who speaks each line is checked elsewhere against tests/fixtures/seed_speakers/*.json;
here we only make sure those fixtures still line up one-to-one with the model's beats.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import load_story

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seed_speakers"

QUOTE_OPENERS = "\"“‘'«„"

# For each seed: the scene titles in order. A plain string is an exact heading title; a
# string starting with "^" is an untitled scene whose title must come from its own opening
# words (the model titles such scenes from their first sentence), "|" between choices.
EXPECTED = {
    "lighthouse-keeper.txt": [
        # The first line is the story's title, a heading rather than a beat.
        "^The supply boat came round the point",
        "^The inspector's name was Aurelio Fenn",
        "^The weather that the late boat",
        "^The Maddox twins came up the cliff",
    ],
    "the-cartographers-daughter.txt": [
        "CHAPTER I: The Visitor",
        "CHAPTER II: The Map Room",
        "Chapter Three: Soundings",
        "Chapter Four: The Blank Space",
    ],
    "night-market.md": [
        "The Lantern Hour",
        "The Warden's Notice",
        "What Fenwick Remembered",
        "On the Water",
    ],
    "a-quiet-word.txt": [
        "^Constable Pennant came to the door",
        "^Sam Okoro finished his round",
        "^Mr. Henderson lived in the big house",
        "^The Little Haddon Show was held",
    ],
    "the-long-thaw.txt": [
        "^We set the post on the ice",
        "^The next morning I went to the",
        "^Meanwhile, forty miles upriver",
        "^Three weeks later the ice went out",
        "^Two days later the logs came down",
    ],
    "the-understudy.txt": [
        "Chapter 1: Final Dress",
        "Chapter 2: The Ghost Light",
        "Chapter 3: Opening Night",
    ],
}

SEED_FILES = sorted(p.name for p in SEEDS.iterdir() if p.suffix in {".txt", ".md"})


@pytest.fixture(scope="module", params=SEED_FILES)
def seed(request):
    return request.param, load_story(SEEDS / request.param)


def test_every_seed_has_expectations_and_a_fixture():
    assert len(SEED_FILES) >= 4
    assert set(SEED_FILES) == set(EXPECTED)
    for name in SEED_FILES:
        assert (FIXTURES / f"{Path(name).stem}.json").is_file(), name


def test_seed_is_long_enough(seed):
    name, story = seed
    words = len(story.text[story.body_start : story.body_end].split())
    assert words > 1500, f"{name}: {words} words"


def test_scene_count_and_titles(seed):
    name, story = seed
    expected = EXPECTED[name]
    titles = [scene.title for scene in story.scenes]
    assert len(titles) == len(expected), f"{name}: {titles}"
    for scene, title, want in zip(story.scenes, titles, expected):
        assert scene.beats, f"{name}: scene {scene.number} is empty"
        if want.startswith("^"):
            first = next(b for b in scene.beats if b.kind == "narration")
            opening = story.beat_text(first)
            choices = tuple(want[1:].split("|"))
            assert opening.startswith(choices), f"{name}: scene {scene.number} {opening!r}"
            assert title.startswith(choices), f"{name}: scene {scene.number} {title!r}"
            assert " ".join(opening.split()).startswith(title.rstrip("…")), f"{name}: {title!r}"
        else:
            assert title == want, f"{name}: scene {scene.number} {title!r}"


@pytest.mark.parametrize(
    "name, title",
    [
        ("night-market.md", "Night Market"),
        ("lighthouse-keeper.txt", "The Lighthouse Keeper"),
        ("the-cartographers-daughter.txt", "The Cartographer’s Daughter"),
    ],
)
def test_stated_title_is_the_story_title(name, title):
    """A Markdown "# Title" or a first title line names the story."""
    assert load_story(SEEDS / name).title == title


def test_dialogue_beats_are_quotes_and_match_the_fixture(seed):
    name, story = seed
    dialogue = [b for b in story.beats if b.kind == "dialogue"]
    for beat in dialogue:
        text = story.beat_text(beat)
        assert text[0] in QUOTE_OPENERS, f"{name}: beat {beat.number} {text!r}"
    speakers = json.loads((FIXTURES / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    assert all(s is None or (isinstance(s, str) and s) for s in speakers)
    assert len(dialogue) == len(speakers), (
        f"{name}: {len(dialogue)} dialogue beats, fixture has {len(speakers)}"
    )
    assert len(dialogue) >= 40, f"{name}: only {len(dialogue)} lines of dialogue"


def test_seed_has_at_least_three_speakers(seed):
    name, _ = seed
    speakers = json.loads((FIXTURES / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    assert len({s for s in speakers if s}) >= 3, name


def test_beats_cover_the_body_in_order(seed):
    name, story = seed
    previous_end = 0
    for number, beat in enumerate(story.beats, 1):
        assert beat.number == number, name
        assert previous_end <= beat.start < beat.end, f"{name}: beat {number}"
        previous_end = beat.end


def test_untitled_scene_title_survives_an_abbreviation():
    story = load_story(SEEDS / "a-quiet-word.txt")
    assert story.scenes[2].title.startswith("Mr. Henderson lived")
