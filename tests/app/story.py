"""A small fixed story for the app's tests (our own prose), and helpers to read the screen."""

from __future__ import annotations

STORY = """\
# The Lighthouse Keepers

## The Storm

The wind had been rising since noon, and by dusk the sea was white to the horizon.

"Bring the lamp up," said Mara. "We light it early tonight."

Tobias climbed the stair with the oil can knocking against his knee. "It is only
four o'clock," he said, "and already I cannot see the rocks."

"Then the ships cannot see them either."

A gull beat past the window, thrown sideways by the gale.

## The Visitor

Someone was knocking at the door below: three slow knocks, then silence.

"Who would come out here in this?" Tobias asked.

Mara took the lantern from its hook. "Somebody who needs the light more than we do."

The stranger on the step was soaked through, and held a brass key in his fist.

"I am looking for the keeper," he said. "I was told she keeps [more] than a lamp."

## Morning

By morning the storm had gone out to sea, leaving the shingle strewn with weed.

"Well," said Tobias, "the key is still on the table."

Mara turned it over in her hands and did not answer.
"""


def screen_text(app) -> str:
    """The screen as plain text, one line a row (what a person would read)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip).rstrip() for strip in strips)


def status(app) -> str:
    """The status line's text."""
    line = app.screen.query_one("#status")
    return f"{line.left}  {line.right}".strip()
