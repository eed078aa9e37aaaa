"""The header block of a fan-fiction download: byline, summary, notes and tags, not story.

Archive and downloader exports (AO3, FanFicFare, FFN) open with the work's details before
its first chapter: "by lanternjaw", "Summary: ...", "Rating: General Audiences", "Words:
4,210". Read as prose, that block becomes a first scene called "by lanternjaw" and puts
"General Audiences" in the cast. Like a Gutenberg licence, it stays in the text (offsets
index the whole file) and is left out of the body range instead.
"""

from __future__ import annotations

import re

FIELD = re.compile(
    r"(?i:summary|notes?|author'?s? notes?|a/n|rating|rated|fandoms?|relationships?|pairings?"
    r"|characters?|additional tags|tags|warnings?|archive warnings?|categor(?:y|ies)|language"
    r"|words|word count|chapters|status|published|updated|completed|series|stats|disclaimer"
    r"|author|genres?|collections?|kudos|hits|bookmarks|comments|source|url|beta(?:'?d)?"
    r"|dedication)\s*(?::\s*(?P<value>.*)|$)"
)
"""A metadata line: "Summary: ...", "Rating:", or a bare "Summary" over its paragraph."""
BYLINE = re.compile(r"(?:by|By|BY)\s+\S.{0,60}$")
POSTED = re.compile(r"(?i)posted originally on|archive of our own|fanfiction\.net")
HEADER_LIMIT = 6000
"""A header longer than this is not a header: the story itself must have begun."""


def fan_fiction_body(text: str, start: int, end: int) -> int:
    """Where the story begins after a fan-fiction header at ``start``, or ``start``.

    The header is the opening run of lines that are a title, a byline, ``Field:`` lines
    and the values of fields that give theirs on the lines after ("Rating:" then "General
    Audiences", "Summary" then its paragraph). It counts with two fields, or a byline and
    a field, and ends at the first line that is none of these: a chapter heading or prose.
    """
    from reader.model.markers import heading_title

    limit = min(end, start + HEADER_LIMIT)
    pos = start
    fields = 0
    byline = False
    awaiting = False  # a field whose value is on the next line
    body = start
    seen = 0
    titled = False  # the line before was the title
    while pos < limit:
        newline = text.find("\n", pos, limit)
        line_end = limit if newline < 0 else newline
        line = text[pos:line_end].strip()
        following = line_end + 1
        if not line:
            pos = following
            continue
        field = FIELD.match(line)
        was_titled, titled = titled, False
        if field is not None or POSTED.search(line):
            fields += 1
            awaiting = field is not None and not (field.group("value") or "").strip()
        elif awaiting:
            awaiting = False  # "General Audiences" after "Rating:"
        elif BYLINE.match(line) and (seen <= 2 or was_titled):
            byline = True
        elif seen == 0 or (heading_title(line) and fields and not byline):
            titled = True  # the title, or the title again as a heading above the byline
        else:
            break
        seen += 1
        pos = following
        body = following
    if fields >= 2 or (byline and fields):
        while body < end and text[body] in " \t\n":
            body += 1
        return min(body, end)
    return start
