"""EPUB and HTML stories load into the same scene model as plain text."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from ebooklib import epub
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import load_story
from reader.errors import ReaderError
from reader.model.formats import html_to_text

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>The Salt  Road &amp; Other Tales</title>
<style>p { margin: 0 }</style><script>document.write("<p>not story</p>")</script></head>
<body>
<h1>Chapter 1<br/>The Well</h1>
<p>The well had been dry since &ldquo;the summer of the&nbsp;locusts,&rdquo; as
   Tomas called it.</p>
<p>&ldquo;Lower the bucket anyway,&rdquo; said Agata.</p>
<hr/>
<div>He lowered it.<br/>Nothing came up but a smell of stone.</div>
<h2>Chapter 2</h2>
<p>Morning brought a&nbsp;cart and two strangers &amp; a dog.</p>
<!-- an editor's note that is not story -->
</body></html>
"""


def test_html_text_shape():
    title, text = html_to_text(HTML)
    assert title == "The Salt Road & Other Tales"
    assert text.startswith("# Chapter 1: The Well\n\nThe well had been dry since")
    assert "\u201cthe summer of the\u00a0locusts,\u201d as Tomas called it." in text
    assert "\n\n* * *\n\n" in text
    assert "He lowered it.\nNothing came up" in text
    assert "## Chapter 2" in text
    assert "not story" not in text and "editor's note" not in text and "margin" not in text
    assert "\n\n\n" not in text


def test_html_story_scenes_and_beats(tmp_path):
    path = tmp_path / "salt.html"
    path.write_text(HTML, encoding="utf-8")
    story = load_story(path)
    assert story.title == "The Salt Road & Other Tales"
    titles = [scene.title for scene in story.scenes]
    assert titles[0] == "Chapter 1: The Well"
    assert titles[-1] == "Chapter 2"
    assert len(story.scenes) == 3  # the <hr> splits chapter 1
    texts = [story.beat_text(b) for b in story.beats]
    assert "\u201cLower the bucket anyway,\u201d" in texts
    assert any(t.startswith("Morning brought a") for t in texts)
    for beat in story.beats:
        assert story.text[beat.start : beat.end] == story.beat_text(beat)
        assert "#" not in story.beat_text(beat) and "* * *" not in story.beat_text(beat)


def test_html_paragraphs_by_double_br_and_entities():
    html = (
        "<html><body>One &amp; two.<br><br>Three &lt;four&gt;.<br>\n<br/>Five&#8230;</body></html>"
    )
    title, text = html_to_text(html)
    assert title is None
    assert text == "One & two.\n\nThree <four>.\n\nFive\u2026\n"


def test_html_detected_by_content_without_suffix(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(HTML, encoding="utf-8")
    assert load_story(path).scenes[0].title == "Chapter 1: The Well"


def test_pre_keeps_its_lines():
    _, text = html_to_text("<body><p>Intro.</p><pre>  a poem\n    indented</pre></body>")
    assert text == "Intro.\n\n  a poem\n    indented\n"


def make_epub(path, chapters, title="The Lantern Ferry", nav_in_spine=True):
    book = epub.EpubBook()
    book.set_identifier("test-lantern-ferry")
    book.set_title(title)
    book.set_language("en")
    book.add_author("A. Tester")
    items = []
    for n, body in enumerate(chapters, start=1):
        item = epub.EpubHtml(title=f"Part {n}", file_name=f"part{n}.xhtml", lang="en")
        item.content = f"<html><head><title>Part {n}</title></head><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    # spine order deliberately differs from the order the files were added
    spine = list(reversed(items))
    book.spine = (["nav"] if nav_in_spine else []) + spine
    epub.write_epub(str(path), book)
    return path


CHAPTERS = [
    "<h1>The Far Shore</h1><p>They landed at dusk.</p><p>\u201cIs this it?\u201d asked Noor.</p>",
    "<h1>The Lantern</h1><p>The ferryman lit his lantern with a wet match.</p>"
    "<p>\u201cHold it high,\u201d he said, \u201cso the river sees us.\u201d</p>",
    "<p>Noor held it high.</p>",
]


def test_epub_spine_order_titles_and_beats(tmp_path):
    path = make_epub(tmp_path / "ferry.epub", CHAPTERS)
    story = load_story(path)
    assert story.title == "The Lantern Ferry"
    # spine is part3, part2, part1; part3 has no heading so it is its own untitled section
    titles = [scene.title for scene in story.scenes]
    assert titles[1:] == ["The Lantern", "The Far Shore"]
    assert titles[0].startswith("Noor held it high")
    texts = [story.beat_text(b) for b in story.beats]
    assert texts[0] == "Noor held it high."
    assert "\u201cHold it high,\u201d" in texts
    assert "\u201cIs this it?\u201d" in texts
    assert texts[-1] == "asked Noor."
    assert "Part 1" not in story.text  # the navigation document is not story
    assert [b.number for b in story.beats] == list(range(1, len(story.beats) + 1))


def test_epub_without_suffix_is_recognised(tmp_path):
    path = make_epub(tmp_path / "ferry.epub", CHAPTERS[:1], nav_in_spine=False)
    renamed = path.rename(tmp_path / "ferry.book")
    assert load_story(renamed).scenes[0].title == "The Far Shore"


def test_broken_epub_is_one_clear_error(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(b"PK\x03\x04 this zip was cut short")
    with pytest.raises(ReaderError, match="not a readable EPUB"):
        load_story(path)


def test_zip_without_epub_container_is_refused(tmp_path):
    path = tmp_path / "notes.epub"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "just a zip")
    with pytest.raises(ReaderError, match="not a readable EPUB"):
        load_story(path)


def test_epub_with_no_text_is_refused(tmp_path):
    path = make_epub(tmp_path / "blank.epub", ["<p>&nbsp;</p>"], nav_in_spine=False)
    with pytest.raises(ReaderError, match="no readable text"):
        load_story(path)


def test_drm_epub_is_refused(tmp_path):
    path = make_epub(tmp_path / "locked.epub", CHAPTERS[:1], nav_in_spine=False)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(
            "META-INF/encryption.xml",
            '<encryption><EncryptedData><CipherData><CipherReference URI="EPUB/part1.xhtml"/>'
            "</CipherData></EncryptedData></encryption>",
        )
    with pytest.raises(ReaderError, match="DRM"):
        load_story(path)


def test_cli_broken_epub_is_one_line_exit_2(tmp_path):
    path = tmp_path / "broken.epub"
    path.write_bytes(b"not a zip at all")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "scenes", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "EPUB" in result.stderr


def test_html_without_text_is_refused(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>T</title></head><body><p>&nbsp;</p></body></html>")
    with pytest.raises(ReaderError, match="no text"):
        load_story(path)


GUTENBERG_HTML = """<!DOCTYPE html>
<html><head><title>The Project Gutenberg eBook of The Pilot's Daughter, by Nobody</title></head>
<body>
<section class="pg-boilerplate pgheader" id="pg-header">
<h2>The Project Gutenberg eBook of <i>The Pilot's Daughter</i></h2>
<p>This ebook is for the use of anyone anywhere at no cost.</p>
<p><strong>Title</strong>: The Pilot's Daughter</p>
<p><strong>Author</strong>: Nobody In Particular</p>
<div id="pg-start-separator">
<span>*** START OF THE PROJECT GUTENBERG EBOOK THE PILOT'S DAUGHTER ***</span>
</div>
</section>
<h2>CHAPTER I</h2>
<p>The tide turned at noon, and Hester went down to the quay.</p>
<p>&ldquo;Not today,&rdquo; said her father.</p>
<section class="pg-boilerplate pgheader" id="pg-footer">
<div id="pg-end-separator">
<span>*** END OF THE PROJECT GUTENBERG EBOOK THE PILOT'S DAUGHTER ***</span>
</div>
<h2>Section 1. General Terms of Use</h2>
<p>By reading or using any part of this electronic work you accept this license.</p>
</section>
</body></html>
"""


def test_gutenberg_html_header_and_licence_are_not_story(tmp_path):
    path = tmp_path / "pg.html"
    path.write_text(GUTENBERG_HTML, encoding="utf-8")
    story = load_story(path)
    assert story.title == "The Pilot's Daughter"
    assert [scene.title for scene in story.scenes] == ["CHAPTER I"]
    everything = " ".join(story.beat_text(b) for b in story.beats)
    assert everything.startswith("The tide turned at noon")
    assert "license" not in everything and "no cost" not in everything
    assert story.body_start > 0 and story.body_end < len(story.text)


def test_gutenberg_epub_header_and_licence_are_not_story(tmp_path):
    header, footer = GUTENBERG_HTML.split("<h2>CHAPTER I</h2>")
    story_part, footer = footer.split('<section class="pg-boilerplate pgheader" id="pg-footer">')
    parts = [header.split("<body>")[1], "<h2>CHAPTER I</h2>" + story_part, "<section>" + footer]
    path = make_epub(tmp_path / "pg.epub", parts[::-1], title="The Pilot's Daughter")
    story = load_story(path)
    everything = " ".join(story.beat_text(b) for b in story.beats)
    assert everything.startswith("The tide turned at noon")
    assert "license" not in everything and "no cost" not in everything


def test_deeply_nested_unclosed_tags(tmp_path):
    html = "<html><body>" + "<div><p>Deep text.<font>x" * 3000 + "</body></html>"
    title, text = html_to_text(html)
    assert text.count("Deep text.") == 3000


CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)
XHTML = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
    '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
    "<head><title>page</title></head><body>{}</body></html>"
)
EPUB2_DOCS = {
    "title": '<div><h1 class="title">Hand Made</h1><p class="author">by Someone</p></div>',
    "toc": '<h2>Contents</h2><p><a href="ch1.xhtml">Chapter One</a></p>'
    '<p><a href="ch2.xhtml">Chapter Two</a></p><p><a href="notes.xhtml">Notes</a></p>',
    "ch1": '<h2><a id="p1"></a>Chapter One</h2><p>\u201cHello,\u201d said Ann.'
    '<sup><a href="notes.xhtml#n1">1</a></sup> She sat '
    '<a epub:type="noteref" href="notes.xhtml#n2">*</a>down.</p>',
    "ch2": "<h2>Chapter Two</h2><p>Later, the rain.</p>",
    "notes": '<p id="n1">1. A footnote about Ann.</p>',
}


def make_epub2(path):
    """A hand-made EPUB 2 as shops ship them: title page, contents page, notes off-spine."""
    manifest = "".join(
        f'<item id="{name}" href="Text/{name}.xhtml" media-type="application/xhtml+xml"/>'
        for name in EPUB2_DOCS
    )
    off_spine = ' linear="no"'
    spine = "".join(
        f'<itemref idref="{name}"{off_spine if name == "notes" else ""}/>' for name in EPUB2_DOCS
    )
    opf = (
        '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" '
        'version="2.0" unique-identifier="id"><metadata '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hand Made</dc:title>'
        '<dc:identifier id="id">hand-made</dc:identifier><dc:language>en</dc:language>'
        f"</metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", opf)
        for name, body in EPUB2_DOCS.items():
            zf.writestr(f"OEBPS/Text/{name}.xhtml", XHTML.format(body))
    return path


def test_epub2_front_matter_notes_and_note_marks_are_left_out(tmp_path):
    from reader.model.formats import epub_to_text

    path = make_epub2(tmp_path / "hand.epub")
    title, text = epub_to_text(path.read_bytes(), path)
    assert title == "Hand Made"
    assert text == (
        "## Chapter One\n\n\u201cHello,\u201d said Ann. She sat down.\n\n"
        "## Chapter Two\n\nLater, the rain.\n"
    )


PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<hr>", "<h1>", "</h1>", "<h3>",
    "</h3>", "<b>", "</b>", "<script>", "</script>", "<li>", "<!-- c -->",
    "&amp;", "&ldquo;", "&rdquo;", "&nbsp;", "&bogus;", "<", ">", " ", "\n", "\t", "word",
    "\u201cSpeech,\u201d", "she said.", "* * *", "#", "<sup><a href='#n'>1</a></sup>",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_html_to_text_never_fails_and_is_tidy(pieces):
    _title, text = html_to_text("".join(pieces))
    assert "\n\n\n" not in text
    assert text == "" or (text.endswith("\n") and not text.endswith("\n\n"))
    for block in text[:-1].split("\n\n") if text else []:
        assert block and block == block.strip()
        assert all(line == line.strip() and line for line in block.split("\n"))


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_html_stories_keep_the_offset_contract(tmp_path_factory, pieces):
    # the story's first paragraph comes first: an unclosed <script> swallows what follows
    html = "<html><body><p>First words.</p>" + "".join(pieces) + "</body></html>"
    path = tmp_path_factory.mktemp("h") / "page.html"
    path.write_text(html, encoding="utf-8")
    story = load_story(path)
    previous_end = 0
    for beat in story.beats:
        text = story.beat_text(beat)
        assert text == story.text[beat.start : beat.end] and text == text.strip()
        assert beat.start >= previous_end
        previous_end = beat.end
