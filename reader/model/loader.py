"""Read a story file into text: decode any common encoding, strip front and back matter.

Bytes become one ``str`` with universal newlines. Offsets everywhere else index this
string, so nothing is removed from it: the Project Gutenberg header and licence, and a
fan-fiction download's header (byline, summary, tags), are reported as a body range
instead.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ReaderError
from reader.model.front_matter import fan_fiction_body

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

GUTENBERG_START = re.compile(
    r"^\*{3}\s*START OF (?:THE |THIS )?PROJECT GUTENBERG.*$", re.IGNORECASE | re.MULTILINE
)
GUTENBERG_END = re.compile(
    r"^(?:\*{3}\s*END OF (?:THE |THIS )?PROJECT GUTENBERG.*"
    r"|End of (?:the )?Project Gutenberg'?s? .*)$",
    re.IGNORECASE | re.MULTILINE,
)
GUTENBERG_TITLE = re.compile(r"^Title:\s*(.+)$", re.MULTILINE)
FIRST_LINE = re.compile(r"\s*([^\n]+)\n")
MARKDOWN_TITLE = re.compile(r"\A\s*#\s+(.+?)\s*#*\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class LoadedText:
    text: str
    body_start: int
    body_end: int
    title: str
    title_span: tuple[int, int] | None = None
    """Where a title line standing alone at the top of the body is (a heading, no beat)."""


def load_text(path: str | Path) -> LoadedText:
    """Read ``path`` (txt, md, html, epub) into decoded text with its body range."""
    path = Path(path)
    if not path.exists():
        raise ReaderError(f"{path}: no such file; check the path and try again")
    if path.is_dir():
        raise ReaderError(f"{path}: is a directory; give the path of a story file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReaderError(f"{path}: cannot be read ({error.strerror})") from None
    suffix = path.suffix.lower()
    if suffix == ".epub" or data[:4] == b"PK\x03\x04":
        from reader.model.formats import epub_to_text

        title, text = epub_to_text(data, path)
        return _converted(text, title, path)
    text = decode(data, path)
    if suffix in (".html", ".htm", ".xhtml") or _looks_like_html(text):
        from reader.model.formats import html_to_text

        title, text = html_to_text(text)
        if not text.strip():
            raise ReaderError(f"{path}: the page has no text; there is no story to show")
        return _converted(text, title, path)
    if not text.strip():
        raise ReaderError(f"{path}: the file is empty; there is no story to show")
    start, end = gutenberg_body(text)
    title = find_title(text, start, end)
    span = None
    if title is None:
        line = title_line(text, start, end)
        if line is not None:
            title, span = line
    story_start = fan_fiction_body(text, start, end)
    if story_start != start:
        span = None  # the title line is part of the header left out of the body
    return LoadedText(text, story_start, end, title or _title_from_path(path), span)


def _converted(text: str, title: str | None, path: Path) -> LoadedText:
    """HTML or EPUB as text: Gutenberg's editions carry the same header and licence."""
    start, end = gutenberg_body(text)
    stated = GUTENBERG_TITLE.search(text, 0, start) if start else None
    title = stated.group(1).strip() if stated else title
    start = fan_fiction_body(text, start, end)
    return LoadedText(text, start, end, title or _title_from_path(path))


def decode(data: bytes, path: Path | str = "input") -> str:
    """Decode bytes to text with universal newlines; refuse binary data."""
    text = None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    if text is None and data.count(b"\x00") > len(data) // 8 and _utf16_shape(data):
        # UTF-16 without a BOM (ASCII-heavy text is also valid UTF-8 full of NULs)
        odd_zeros = data[1:4000:2].count(0) > data[0:4000:2].count(0)
        text = data.decode("utf-16-le" if odd_zeros else "utf-16-be", errors="replace")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data, path)
    if "\x00" in text:
        raise ReaderError(
            f"{path}: looks like a binary file, not text; open a .txt, .md, .html or .epub story"
        )
    _refuse_binary(text, path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect(data: bytes, path: Path | str) -> str:
    if data.count(b"\x00") > len(data) // 8 and not _utf16_shape(data):
        raise ReaderError(
            f"{path}: looks like a binary file, not text; open a .txt, .md, .html or .epub story"
        )
    from charset_normalizer import from_bytes  # only legacy encodings need it: keep start-up fast

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise ReaderError(f"{path}: cannot tell the text encoding; save it as UTF-8 and retry")
    encoding = _prefer_western(data, best.encoding)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode(encoding, errors="replace")


LATIN_GUESSES = re.compile(
    r"cp125[07]|cp775|cp85[028]|cp437|iso8859_(?:[2-49]|1[0345])|mac_(?:latin2|roman|iceland)"
    r"|hp_roman8|latin_1"
)
WORD_INNER_SYMBOL = re.compile(r"(?<=[^\W\d_])[^\w\s'’\-–—.,;:!?\"“”‘)\]…]+(?=[^\W\d_])")


def _prefer_western(data: bytes, guess: str) -> str:
    """cp1252 (so latin-1) over a sibling Latin code page that decodes as plausibly.

    charset_normalizer often names cp1250 for latin-1 text (``à`` → ``ŕ``, ``£`` → ``Ł``);
    Windows-1252 and ISO-8859-1 are by far the commonest legacy encodings of fiction
    (Project Gutenberg's 8-bit files), so they win unless they put symbols inside words.
    """
    if not LATIN_GUESSES.fullmatch(guess.lower()):
        return guess
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return guess
    other = data.decode(guess, errors="replace")
    if len(WORD_INNER_SYMBOL.findall(western)) <= len(WORD_INNER_SYMBOL.findall(other)):
        return "cp1252"
    return guess


def _utf16_shape(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-heavy text is zero."""
    sample = data[:4000]
    even, odd = sample[0::2], sample[1::2]
    return bool(sample) and (even.count(0) > len(even) * 0.6 or odd.count(0) > len(odd) * 0.6)


def _refuse_binary(text: str, path: Path | str) -> None:
    sample = text[:20_000]
    if not sample:
        return
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v\x1b")
    if control > len(sample) * 0.05 or sample.count("\ufffd") > len(sample) * 0.05:
        raise ReaderError(
            f"{path}: looks like a binary file, not text; open a .txt, .md, .html or .epub story"
        )


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def gutenberg_body(text: str) -> tuple[int, int]:
    """The range of ``text`` between a Project Gutenberg header and its licence."""
    start, end = 0, len(text)
    header = GUTENBERG_START.search(text)
    if header:
        start = header.end()
    footer = GUTENBERG_END.search(text, start)
    if footer:
        end = footer.start()
    return start, end


def find_title(text: str, start: int, end: int) -> str | None:
    """A title the text states itself: a Gutenberg ``Title:`` line or a first ``# heading``."""
    found = GUTENBERG_TITLE.search(text, 0, max(start, min(end, start + 3000)))
    if found:
        return found.group(1).strip()
    heading = MARKDOWN_TITLE.match(text, start, min(end, start + 2000))
    if heading:
        return heading.group(1).strip()
    return None


def title_line(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """A first line standing alone like a title ("THE LIGHTHOUSE KEEPER") before the prose."""
    from reader.model.markers import heading_title, is_subtitle

    first = FIRST_LINE.match(text, start, min(end, start + 500))
    if not first:
        return None
    line = first.group(1).strip()
    if not is_subtitle(line) or heading_title(line) or len(line.split()) > 8:
        return None
    rest = text[first.end() : min(end, first.end() + 2000)]
    if len(rest.split()) < 20:
        return None
    span = (first.start(1), first.start(1) + len(first.group(1).rstrip()))
    return (title_case(line) if line.isupper() else line), span


def title_case(line: str) -> str:
    """THE CARTOGRAPHER’S DAUGHTER → The Cartographer’s Daughter (not Cartographer’S)."""
    small = {"a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "but", "for", "by"}
    words = line.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _title_from_path(path: Path) -> str:
    stem = re.sub(r"[_\-]+", " ", path.stem).strip()
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
    return stem[:1].upper() + stem[1:] if stem else path.name
