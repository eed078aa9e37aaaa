"""Option prompts of one or two lines (the option lists cut long lines, see reader.tcss)."""

from __future__ import annotations

from rich.text import Text


def one_line(*parts: tuple[str, str] | str) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for part in parts:
        if isinstance(part, tuple):
            text.append(*part)
        else:
            text.append(part)
    return text


def two_lines(first: Text, second: Text | None) -> Text:
    """``first`` over ``second`` (indented by the caller)."""
    if second is None or not second.plain:
        return first
    return Text("\n", no_wrap=True, overflow="ellipsis", end="").join([first, second])
