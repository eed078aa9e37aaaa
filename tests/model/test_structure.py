"""Paragraphs and scenes: layouts and markers, one small text per rule."""

import pathlib
import tempfile

from reader.model.build import build_story
from reader.model.loader import load_text
from tests.model.helpers import story_of

PROSE = "The wind came off the harbour and rattled the shutters all night long."


def titles(text: str) -> list[str]:
    return [scene.title for scene in story_of(text).scenes]


def paragraph_texts(text: str) -> list[str]:
    story = story_of(text)
    return [story.text[p.start : p.end] for p in story.paragraphs]


def test_blank_line_paragraphs_keep_hard_wraps_together():
    text = "It was late and the\nlamps were out.\n\nShe waited by\nthe door."
    assert paragraph_texts(text) == [
        "It was late and the\nlamps were out.",
        "She waited by\nthe door.",
    ]


def test_one_paragraph_per_line():
    text = "First line of prose here.\nSecond line of prose here.\nThird one."
    assert len(paragraph_texts(text)) == 3


def test_indented_paragraphs_without_blank_lines():
    text = (
        "    It was late and the lamps were\n"
        "out all along the quay.\n"
        "    She waited by the door, counting\n"
        "the bells from the church.\n"
    )
    assert paragraph_texts(text) == [
        "It was late and the lamps were\nout all along the quay.",
        "She waited by the door, counting\nthe bells from the church.",
    ]


def test_separators_split_scenes():
    for mark in ["***", "* * *", "---", "~~~", "#", "o0o", "xXx", "-x-x-"]:
        text = f"{PROSE}\n\n{mark}\n\n{PROSE}"
        assert len(story_of(text).scenes) == 2, mark


def test_separator_lines_belong_to_no_beat():
    story = story_of(f"{PROSE}\n\n* * *\n\n{PROSE}")
    assert all("*" not in story.text[b.start : b.end] for b in story.beats)


def test_chapter_headings_become_titles():
    for heading in [
        "Chapter 12",
        "CHAPTER XII.",
        "Chapter Twelve: The Fall",
        "BOOK II",
        "Part One",
        "Prologue",
        "XII",
    ]:
        text = f"{heading}\n\n{PROSE}\n\nChapter 13\n\n{PROSE}"
        found = titles(text)
        assert len(found) == 2, heading
        assert found[0] == heading.rstrip("."), heading


def test_subtitle_line_joins_the_chapter_title():
    text = f"CHAPTER I.\n\nDown the Well\n\n{PROSE}\n\nCHAPTER II.\n\n{PROSE}"
    assert titles(text)[0] == "CHAPTER I: Down the Well"


def test_markdown_headings():
    text = f"# The Story\n\n## Arrival\n\n{PROSE}\n\n## Departure\n\n{PROSE}"
    assert titles(text) == ["Arrival", "Departure"]


def test_sentence_starting_like_a_heading_is_prose():
    text = f"Part of the problem was the cold, she thought.\n\n{PROSE}"
    assert len(story_of(text).scenes) == 1
    assert story_of(text).beats[0].kind == "narration"


def test_untitled_scene_gets_a_title_from_its_first_sentence():
    text = f"{PROSE}\n\n***\n\nMorning found the boats drawn up on the stones."
    found = titles(text)
    assert found[1].startswith("Morning found the boats")
    assert len(found[1].split()) <= 8


def test_table_of_contents_is_not_a_run_of_empty_scenes():
    text = f"Chapter 1\nChapter 2\nChapter 3\n\nChapter 1\n\n{PROSE}\n\nChapter 2\n\n{PROSE}"
    assert len(story_of(text).scenes) >= 2


def _unmarked_story() -> str:
    harbour = (
        "Nell hauled the nets across the harbour wall while the gulls screamed over the "
        "boats, and her brother coiled rope beside the tar barrels and the lobster pots."
    )
    city = (
        "The train pulled into the city station, where clerks hurried beneath the iron "
        "arches and newspaper sellers shouted headlines about banks and elections."
    )
    first = "\n\n".join(harbour for _ in range(8))
    second = "\n\n".join(city for _ in range(8))
    return first + "\n\nThree weeks later, " + city[0].lower() + city[1:] + "\n\n" + second


def test_unmarked_jump_in_time_and_place_splits_the_scene():
    story = story_of(_unmarked_story())
    assert len(story.scenes) == 2
    assert story.text[story.scenes[1].beats[0].start :].startswith("Three weeks later")


def test_continuous_action_is_never_cut():
    harbour = (
        "Nell hauled the nets across the harbour wall while the gulls screamed over the "
        "boats, and her brother coiled rope beside the tar barrels and the lobster pots."
    )
    paragraphs = [harbour] * 8 + ["Now " + harbour[0].lower() + harbour[1:]] + [harbour] * 8
    assert len(story_of("\n\n".join(paragraphs)).scenes) == 1


def test_gutenberg_header_and_licence_are_left_out_of_the_body():
    text = (
        "The Project Gutenberg eBook of Test\n\nTitle: A Test\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK A TEST ***\n\n"
        f"{PROSE}\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK A TEST ***\n\nLicence text here.\n"
    )
    story = story_of(text)
    assert [story.text[b.start : b.end] for b in story.beats] == [PROSE]
    assert story.beats[0].start == text.index(PROSE)


def test_a_short_sentence_after_a_heading_is_story_not_subtitle():
    story = story_of(f"CHAPTER I\n\n{PROSE}\n\nCHAPTER II\n\nMore.")
    assert story.text[story.beats[-1].start : story.beats[-1].end] == "More."


def test_chapter_heading_with_a_sentence_like_subtitle():
    assert titles(f"Chapter 1. In which a map is found\n\n{PROSE}")[0] == (
        "Chapter 1. In which a map is found"
    )


def test_letter_runs_are_not_separators():
    for line in ["Ooo.", "xxx", "ooo"]:
        assert len(story_of(f"{PROSE}\n\n{line}\n\n{PROSE}").scenes) == 1, line


def test_a_title_line_names_the_story_and_is_no_beat():

    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "x.txt"
        path.write_text(f"THE CARTOGRAPHER’S DAUGHTER\n\n{PROSE}\n\n{PROSE}\n", encoding="utf-8")
        story = build_story(load_text(path), str(path))
    assert story.title == "The Cartographer’s Daughter"
    assert story.text[story.beats[0].start : story.beats[0].end] == PROSE
