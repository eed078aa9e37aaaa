"""Story files decode from any common encoding; offsets index the decoded ``\\n`` text."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader import load_story
from reader.errors import ReaderError
from reader.model.loader import decode, load_text

STORY = (
    "Caf\u00e9 Rosalind opened at six, na\u00efve as ever about the rain.\n"
    "\n"
    "\u201cTwo coffees,\u201d said Oskar, \u201cand a towel.\u201d\n"
    "\n"
    "Rosalind laughed \u2014 she always did \u2014 and fetched both.\n"
)


def check_offsets(story) -> None:
    """Every beat is ``text[start:end]`` of the decoded text, which has only ``\\n``."""
    assert "\r" not in story.text and "\ufeff" not in story.text
    for beat in story.beats:
        assert story.beat_text(beat) == story.text[beat.start : beat.end]
        assert story.beat_text(beat) == story.beat_text(beat).strip()


def load_bytes(tmp_path, data: bytes, name: str = "story.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return load_story(path)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(STORY.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + STORY.encode("utf-8"), id="utf-8-bom"),
        pytest.param(b"\xff\xfe" + STORY.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + STORY.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(STORY.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(STORY.encode("cp1252"), id="cp1252"),
        pytest.param(STORY.encode("utf-8").replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(STORY.encode("utf-8").replace(b"\n", b"\r"), id="cr"),
        pytest.param(
            b"\xef\xbb\xbf" + STORY.encode("utf-8").replace(b"\n", b"\r\n"), id="bom-crlf"
        ),
    ],
)
def test_every_encoding_gives_the_same_text(tmp_path, data):
    story = load_bytes(tmp_path, data)
    assert story.text == STORY
    check_offsets(story)
    texts = [story.beat_text(b) for b in story.beats]
    assert "\u201cTwo coffees,\u201d" in texts
    assert texts[0].startswith("Caf\u00e9 Rosalind")


def test_cp1252_smart_quotes_and_dashes(tmp_path):
    text = (
        "\u201cWhere were you?\u201d asked Mireille. \u2018Out,\u2019 he said \u2014 "
        "and that was all\u2026\n\n\u201cOut where?\u201d\n"
    )
    story = load_bytes(tmp_path, text.encode("cp1252"))
    assert story.text == text
    assert [b.kind for b in story.beats][:2] == ["dialogue", "narration"]
    check_offsets(story)


@pytest.mark.parametrize(
    "text",
    [
        "Il \u00e9tait une fois, \u00e0 la fen\u00eatre, une reine qui cousait.\n",
        "He paid \u00a35 for a caf\u00e9 au lait and sat down by the window.\n",
        "Der M\u00fcller ging \u00fcber die Br\u00fccke. Gr\u00f6\u00dfer war nur der Mond.\n",
    ],
)
def test_latin1_is_not_misread_as_central_european(text):
    assert decode(text.encode("latin-1")) == text


def test_central_european_text_keeps_its_code_page():
    text = "Zażółć gęślą jaźń, powiedziała Łucja.\n"
    assert decode(text.encode("cp1250")) == text


def test_cyrillic_code_page():
    text = "Жила-была царица. Она сидела у окна.\n"
    assert decode(text.encode("cp1251")) == text


def test_mixed_newlines_become_one_kind():
    assert decode(b"a\r\nb\rc\nd") == "a\nb\nc\nd"


GUTENBERG = """\
The Project Gutenberg eBook of The Pilot's Daughter

This eBook is for the use of anyone anywhere at no cost and with almost no restrictions.

Title: The Pilot's Daughter

Author: Nobody In Particular

*** START OF THE PROJECT GUTENBERG EBOOK THE PILOT'S DAUGHTER ***

CHAPTER I

The tide turned at noon, and Hester went down to the quay.

"Not today," said her father. "The bar is breaking."

*** END OF THE PROJECT GUTENBERG EBOOK THE PILOT'S DAUGHTER ***

Section 1. General Terms of Use and Redistributing Project Gutenberg-tm electronic works

By reading or using any part of this Project Gutenberg-tm electronic work, you indicate
that you have read, understand, agree to and accept all the terms of this license.
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_gutenberg_header_and_licence_are_not_story(tmp_path, newline):
    story = load_bytes(tmp_path, GUTENBERG.replace("\n", newline).encode("utf-8"))
    assert story.text == GUTENBERG  # nothing removed: offsets index the full text
    assert story.title == "The Pilot's Daughter"
    assert story.text.index("CHAPTER I") >= story.body_start
    assert story.body_end <= story.text.index("Section 1. General Terms")
    everything = " ".join(story.beat_text(b) for b in story.beats)
    for boilerplate in ("eBook", "license", "Author:", "START OF", "END OF", "at no cost"):
        assert boilerplate not in everything
    assert story.beats[0].start > story.text.index("START OF")
    assert story.beat_text(story.beats[0]).startswith("The tide turned at noon")
    assert story.scenes[0].title.upper() == "CHAPTER I"
    check_offsets(story)


def test_gutenberg_offsets_in_export_index_the_full_text(tmp_path):
    path = tmp_path / "pilot.txt"
    path.write_bytes(GUTENBERG.replace("\n", "\r\n").encode("utf-8"))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    model = json.loads(out)
    for scene in model["scenes"]:
        for beat in scene["beats"]:
            assert GUTENBERG[beat["start"] : beat["end"]] == beat["text"]
    assert model["scenes"][0]["beats"][0]["start"] > GUTENBERG.index("START OF")


def test_missing_file(tmp_path):
    with pytest.raises(ReaderError, match="no such file"):
        load_text(tmp_path / "absent.txt")


def test_directory(tmp_path):
    with pytest.raises(ReaderError, match="directory"):
        load_text(tmp_path)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)) * 40, id="all-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(200) + b"IHDR" + bytes(range(256)) * 8, id="png"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(3000), id="elf"),
    ],
)
def test_binary_file(tmp_path, data):
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    with pytest.raises(ReaderError, match="binary"):
        load_text(path)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n", b"\xef\xbb\xbf\r\n"])
def test_empty_file(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(ReaderError, match="empty"):
        load_text(path)


def test_errors_are_one_line_without_traceback(tmp_path):
    path = tmp_path / "thing.txt"
    path.write_bytes(bytes(range(256)) * 40)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "export", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_old_style_gutenberg_footer_and_latin1(tmp_path):
    text = (
        "The Project Gutenberg EBook of Caf\u00e9 Stories\n\nTitle: Caf\u00e9 Stories\n\n"
        "*** START OF THIS PROJECT GUTENBERG EBOOK CAF\u00c9 STORIES ***\n\n"
        "Am\u00e9lie paid \u00a35 and left.\n\n"
        "End of Project Gutenberg's Caf\u00e9 Stories, by Anonymous\n\n"
        "*** END OF THIS PROJECT GUTENBERG EBOOK CAF\u00c9 STORIES ***\n\nLicence text.\n"
    )
    story = load_bytes(tmp_path, text.replace("\n", "\r\n").encode("latin-1"))
    assert story.text == text
    assert story.title == "Caf\u00e9 Stories"
    assert [story.beat_text(b) for b in story.beats] == ["Am\u00e9lie paid \u00a35 and left."]
    check_offsets(story)
