"""`reader export`, `reader scenes [--find]`, `load_story` and `Story.search` per DESIGN.md."""

import json
import subprocess
import sys

import pytest

from reader import load_story

STORY = """# The Ferry

## Fog

"Is the ferry running?" asked Ann.

"Not in this fog," said the keeper. "Nobody crosses the river today."

Ann looked at the grey water and the lantern swinging on its hook.

## The Crossing

The fog lifted at noon and the ferry pushed out across the river.

"Hold on," said the keeper. "The current is strong by the pier."

## Supper

They ate bread and soup by the stove while the rain came back.

"The lantern went out again," said Ann.
"""


@pytest.fixture
def story_file(tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text(STORY, encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60
    )


def test_export_follows_the_schema(story_file):
    result = run("export", str(story_file))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1
    assert data["source"] == str(story_file)
    assert data["title"] == "The Ferry"
    text = story_file.read_text(encoding="utf-8")
    assert [s["title"] for s in data["scenes"]] == ["Fog", "The Crossing", "Supper"]
    numbers = [b["number"] for s in data["scenes"] for b in s["beats"]]
    assert numbers == list(range(1, len(numbers) + 1))
    for scene in data["scenes"]:
        for beat in scene["beats"]:
            assert beat["text"] == text[beat["start"] : beat["end"]]
            assert set(beat) == {"number", "kind", "speaker", "start", "end", "text"}
            if beat["kind"] == "narration":
                assert beat["speaker"] is None
    first = data["scenes"][0]["beats"][0]
    assert first["kind"] == "dialogue" and first["text"] == '"Is the ferry running?"'
    for character in data["characters"]:
        assert set(character) >= {"name", "aliases", "gender", "lines"}


def test_export_matches_load_story(story_file):
    data = json.loads(run("export", str(story_file)).stdout)
    story = load_story(story_file)
    assert len(story.beats) == sum(len(s["beats"]) for s in data["scenes"])


def test_scenes_lists_number_title_and_beats(story_file):
    result = run("scenes", str(story_file))
    lines = result.stdout.splitlines()
    assert lines[1].split("\t") == ["2", "The Crossing", "4"]
    assert len(lines) == 3


def test_scenes_find_ranks_best_first(story_file):
    result = run("scenes", str(story_file), "--find", "lantern")
    numbers = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert set(numbers) == {"1", "3"}
    result = run("scenes", str(story_file), "--find", "crossing current")
    assert result.stdout.splitlines()[0].split("\t")[0] == "2"


def test_scenes_find_with_no_match_is_exit_2(story_file):
    result = run("scenes", str(story_file), "--find", "zeppelin")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1


def test_search_returns_hits_in_reading_order(story_file):
    story = load_story(story_file)
    hits = story.search("LANTERN")
    assert len(hits) == 2
    assert hits[0].start < hits[1].start
    assert story.text[hits[0].start : hits[0].end] == "lantern"
    assert story.search("") == []
