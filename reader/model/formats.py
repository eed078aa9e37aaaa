"""EPUB and HTML to the plain text the scene model reads.

The scene model understands plain text: paragraphs separated by a blank line, Markdown
``#`` headings (they become scene titles) and separator lines such as ``* * *``. HTML is
turned into exactly that, so every later stage (offsets, quotes, scenes) works on one kind
of text:

* block elements (``<p>``, ``<div>``, ``<li>``, ``<blockquote>``, ...) are paragraphs,
  one blank line apart; ``<br>`` is a line break, and two in a row a paragraph break
  (old fiction sites separate paragraphs that way);
* ``<h1>``–``<h6>`` become ``#`` … ``######`` lines, ``<hr>`` becomes ``* * *``;
* ``<script>``, ``<style>`` and other non-content elements are dropped; entities are
  decoded (by BeautifulSoup); white space collapses as a browser would, except in ``<pre>``.

An EPUB is its spine documents in reading order (ebooklib), the navigation document left
out; a document that does not open with a heading starts after a ``* * *``, since a new
file in an EPUB is a new section.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Doctype, NavigableString, ProcessingInstruction, Tag

from reader.errors import ReaderError

SEPARATOR = "* * *"
BLOCKS = frozenset(
    """
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form header hgroup html li main menu nav ol p pre
    section summary table tbody td tfoot th thead tr ul
    """.split()
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
DROPPED = frozenset(
    "script style noscript template head title iframe object embed svg math rt rp button "
    "select textarea input audio video canvas map".split()
)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
"""HTML white space (not NBSP, which a browser keeps)."""
NUMBERED = re.compile(
    r"^(?:(?:chapter|book|part|volume|act|canto|section|episode|letter|stave)\s+\S+"
    r"|prologue|epilogue|interlude|[0-9]{1,4}|[IVXLCDM]+)\.?$",
    re.IGNORECASE,
)
"""A heading's first line that is only a number ("Chapter 1", "IV"): a subtitle follows."""
CONTENT_SUFFIXES = (".xhtml", ".html", ".htm", ".xml")


def html_to_text(html: str) -> tuple[str | None, str]:
    """The ``<title>`` (or None) and the body of an HTML document as plain text."""
    soup = BeautifulSoup(html, "html.parser")
    return _title(soup), _soup_text(soup)


def _soup_text(soup: BeautifulSoup) -> str:
    blocks = _Blocks()
    blocks.walk(soup.body or soup)
    return blocks.text()


def epub_to_text(data: bytes, path: Path | str) -> tuple[str | None, str]:
    """The metadata title and the spine documents of an EPUB, in reading order, as text."""
    from ebooklib import ITEM_DOCUMENT, ITEM_NAVIGATION, epub

    _check_drm(data, path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
    except Exception as error:  # ebooklib raises anything from KeyError to its own errors
        reason = getattr(error, "msg", None) or str(error) or type(error).__name__
        raise ReaderError(
            f"{path}: not a readable EPUB ({reason}); check the file or convert it to text"
        ) from None
    titles = book.get_metadata("DC", "title")
    title = " ".join(str(titles[0][0]).split()) if titles and titles[0][0] else None
    documents: list[str] = []
    for entry in book.spine:
        idref, linear = (entry[0], entry[1]) if isinstance(entry, tuple) else (entry, "yes")
        if str(linear).lower() == "no":
            continue  # footnotes, pop-ups: outside the reading order
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() == ITEM_NAVIGATION:
            continue
        if item.get_type() != ITEM_DOCUMENT and not item.get_name().endswith(CONTENT_SUFFIXES):
            continue
        if isinstance(item, epub.EpubNav):
            continue
        try:
            content = item.get_content()
        except Exception:  # a spine entry that points at a missing file
            continue
        soup = BeautifulSoup(_decode_xhtml(content), "html.parser")
        if _is_contents_page(soup):
            continue
        text = _soup_text(soup)
        if text.strip():  # not a cover image or a blank page
            documents.append(text)
    if len(documents) > 1 and _is_title_page(documents[0], title):
        documents = documents[1:]
    parts: list[str] = []
    for text in documents:
        if parts and not text.lstrip().startswith("#"):
            parts.append(SEPARATOR)
        parts.append(text.strip("\n"))
    if not parts:
        raise ReaderError(f"{path}: the EPUB has no readable text; there is no story to show")
    return title or None, "\n\n".join(parts) + "\n"


def _is_contents_page(soup: BeautifulSoup) -> bool:
    """An EPUB 2 table of contents page: mostly links to other files of the book."""
    links = [
        a
        for a in soup.find_all("a", href=True)
        if "://" not in a["href"] and not a["href"].startswith("#")
    ]
    if len(links) < 3:
        return False
    words = len((soup.body or soup).get_text(" ").split())
    linked = sum(len(a.get_text(" ").split()) for a in links)
    return words > 0 and linked >= 0.6 * words


def _is_title_page(text: str, title: str | None) -> bool:
    """A first document that only repeats the book's title (and author, publisher)."""
    if not title or len(text.split()) > 40:
        return False
    fold = " ".join(text.replace("#", " ").split()).casefold()
    return " ".join(title.split()).casefold() in fold


def _check_drm(data: bytes, path: Path | str) -> None:
    """Refuse a DRM-locked EPUB with a clear line instead of showing ciphertext."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "META-INF/encryption.xml" not in names:
                return
            encryption = zf.read("META-INF/encryption.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, RuntimeError) as error:
        raise ReaderError(
            f"{path}: not a readable EPUB ({error}); check the file or convert it to text"
        ) from None
    uris = re.findall(r"CipherReference\s+URI\s*=\s*[\"']([^\"']+)", encryption)
    if any(uri.lower().endswith(CONTENT_SUFFIXES) for uri in uris):
        raise ReaderError(
            f"{path}: the EPUB is DRM-protected and cannot be read; use a DRM-free copy"
        )


def _decode_xhtml(content: bytes) -> str:
    """XHTML bytes as text: UTF-8 (the EPUB rule), else the declared or UTF-16 encoding."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    head = content[:200].decode("ascii", "replace")
    declared = re.search(r"encoding\s*=\s*[\"']([\w.-]+)", head)
    for encoding in ("utf-8-sig", declared.group(1) if declared else "utf-8"):
        try:
            return content.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return content.decode("utf-8", "replace")


def _title(soup: BeautifulSoup) -> str | None:
    tag = soup.find("title")
    if tag is None:
        return None
    title = " ".join(tag.get_text(" ").split())
    return title or None


class _Blocks:
    """Walks the DOM, collecting paragraphs; inline text accumulates until a block ends."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.inline: list[str] = []

    def text(self) -> str:
        self.flush()
        return "\n\n".join(self.blocks) + "\n" if self.blocks else ""

    def flush(self) -> None:
        """End the current paragraph; a blank line inside it (``<br><br>``) splits it."""
        raw = "".join(self.inline)
        self.inline = []
        lines = [HTML_SPACE.sub(" ", line).strip() for line in raw.split("\n")]
        paragraph: list[str] = []
        for line in [*lines, ""]:
            if line:
                paragraph.append(line)
            elif paragraph:
                self.blocks.append("\n".join(paragraph))
                paragraph = []

    def walk(self, root: Tag) -> None:
        """Depth first, with an explicit stack: deeply nested (unclosed) tags are common."""
        stack: list[object] = [iter(root.children)]
        while stack:
            top = stack[-1]
            if top is _FLUSH:
                stack.pop()
                self.flush()
                continue
            child = next(top, None)  # type: ignore[call-overload]
            if child is None:
                stack.pop()
                continue
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.inline.append(HTML_SPACE.sub(" ", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = (child.name or "").lower().rsplit(":", 1)[-1]  # xhtml namespace prefix
            if name in DROPPED or name == "img" or _is_note_reference(child, name):
                continue
            if name == "br":
                self.inline.append("\n")
            elif name == "hr":
                self.flush()
                self.blocks.append(SEPARATOR)
            elif name in HEADINGS:
                self.flush()
                heading = _heading_text(child)
                if heading:
                    self.blocks.append(f"{'#' * HEADINGS[name]} {heading}")
            elif name == "pre":
                self.flush()
                text = child.get_text().strip("\n")
                if text.strip():
                    self.blocks.append(text.rstrip())
            elif name in BLOCKS:
                self.flush()
                stack.append(_FLUSH)
                stack.append(iter(child.children))
            else:
                stack.append(iter(child.children))


_FLUSH = object()
"""Stack marker: the block element whose children are above it has ended."""


NOTE_MARK = re.compile(r"^[\[(]?(?:\d{1,3}|[*†‡§¶]|[ivx]{1,4}|[a-z])[\])]?$")


def _is_note_reference(tag: Tag, name: str) -> bool:
    """A footnote mark (``<sup><a href="#n1">1</a></sup>``): not part of the sentence."""
    if name not in ("a", "sup"):
        return False
    kind = f"{tag.get('epub:type', '')} {tag.get('role', '')}"
    if "noteref" in kind:
        return True
    link = tag if name == "a" else tag.find("a", href=True)
    if link is None or not link.get("href"):
        return False
    return bool(NOTE_MARK.match(tag.get_text().strip())) and "#" in str(link.get("href"))


def _heading_text(tag: Tag) -> str:
    """A heading on one line: ``Chapter 1<br>The Storm`` → ``Chapter 1: The Storm``."""
    for br in tag.find_all("br"):
        br.replace_with("\n")
    for dropped in tag.find_all(list(DROPPED)):
        dropped.decompose()
    parts = [" ".join(p.split()) for p in tag.get_text().split("\n")]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) > 1 and NUMBERED.match(parts[0]) and not parts[0].endswith((":", ".", "—")):
        return f"{parts[0]}: {' '.join(parts[1:])}"
    return " ".join(parts)
