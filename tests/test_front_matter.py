"""A fan-fiction download's header (byline, summary, tags) is front matter, not story."""

from __future__ import annotations

from reader import load_story

STORY = (
    "Nell waited in the wings. The lights were low.\n"
    '"Places," said Ambrose.\n'
    '"I know," said Nell.\n'
)


def _load(tmp_path, text: str, name: str = "work.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_story(path)


def test_a_byline_summary_and_notes_are_not_a_scene(tmp_path):
    header = (
        "The Understudy\nby lanternjaw\nSummary: One night to learn the part.\n"
        "Notes: Unbeta'd, all mistakes mine.\n\n"
    )
    story = _load(tmp_path, header + "Chapter 1: Final Dress\n\n" + STORY)
    assert story.title == "The Understudy"
    assert [s.title for s in story.scenes] == ["Chapter 1: Final Dress"]
    assert not any("lanternjaw" in c.name for c in story.characters)
    assert [b.speaker for b in story.beats if b.kind == "dialogue"] == ["Ambrose", "Nell"]


def test_a_downloader_header_of_fields_ends_where_the_prose_begins(tmp_path):
    header = "Title: Rain\nAuthor: someone\nRated: T\nWords: 3,000\nStatus: Complete\n\n"
    story = _load(tmp_path, header + STORY)
    assert story.title == "Rain"
    assert story.text[story.body_start :].startswith("Nell waited")


def test_an_archive_preface_of_labels_and_values_is_skipped(tmp_path):
    header = (
        "The Quiet Hour\n\nPosted originally on the Archive of Our Own at http://x.\n\n"
        "Rating:\n\nGeneral Audiences\n\nFandom:\n\nOriginal Work\n\n# The Quiet Hour\n\n"
        "by someone\n\nSummary\n\nA summary of it.\n\n"
    )
    story = _load(tmp_path, header + "# Chapter 1\n\n" + STORY.replace("\n", "\n\n"))
    assert [s.title for s in story.scenes] == ["Chapter 1"]
    assert not any("General" in c.name or "Audiences" in c.name for c in story.characters)


def test_prose_that_merely_starts_with_by_keeps_its_opening(tmp_path):
    text = "By the sea there stood a lighthouse.\n\nTom went up the stairs.\n" + STORY
    story = _load(tmp_path, text)
    assert story.text[story.body_start :].startswith("By the sea")


def test_a_story_about_notes_is_not_a_header(tmp_path):
    text = "The Letter\n\nShe read the notes twice. Notes: none.\n\n" + STORY
    story = _load(tmp_path, text)
    assert "She read the notes" in story.text[story.body_start :]
