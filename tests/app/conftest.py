"""Fixtures for the app's tests: a private data directory, a small story, app factories."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app.app import ReaderApp
from reader.app.launch import prepare
from reader.model.build import build_story
from reader.model.story import Character, Story
from reader.store import Store

from .story import STORY

SPEAKERS = {
    '"Bring the lamp up,"': "Mara",
    '"We light it early tonight."': "Mara",
    '"Who would come out here in this?"': "Tobias",
    '"Somebody who needs the light more than we do."': "Mara",
    '"Well,"': "Tobias",
    '"the key is still on the table."': "Tobias",
}
"""Pinned speakers, so the screens don't change when speaker attribution improves."""


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "data"
    monkeypatch.setenv("READER_DATA_DIR", str(directory))
    monkeypatch.setenv("READER_SEEDS_DIR", str(tmp_path / "seeds"))
    return directory


@pytest.fixture
def story_path(tmp_path: Path) -> Path:
    path = tmp_path / "keepers.md"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "seeds"
    directory.mkdir(exist_ok=True)
    (directory / "keepers.md").write_text(STORY, encoding="utf-8")
    (directory / "notes.md").write_text(
        '# A Short Note\n\nThe kettle sang.\n\n"Tea?" she asked.\n', encoding="utf-8"
    )
    return directory


def pin_speakers(story: Story) -> Story:
    for beat in story.beats:
        beat.speaker = SPEAKERS.get(story.beat_text(beat)) if beat.kind == "dialogue" else None
    names = ["Mara", "Tobias"]
    story.characters = [
        Character(name, [], None, sum(1 for v in SPEAKERS.values() if v == name)) for name in names
    ]
    return story


@pytest.fixture
def make_app(story_path: Path, seeds_dir: Path):
    """``make_app(scene=..., bookmark=..., search=..., path=...)``: the app as launched."""

    def make(path: Path | None = story_path, **flags) -> ReaderApp:
        store = Store()
        opening = prepare(str(path) if path else None, store=store, **flags)
        if opening is not None and opening.story is None:
            opening.story = pin_speakers(build_story(opening.loaded, opening.source, False))
        elif opening is not None:
            pin_speakers(opening.story)
        return ReaderApp(opening, store=store, seeds_dir=seeds_dir)

    return make
