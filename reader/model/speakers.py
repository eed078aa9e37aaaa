"""Speaker attribution (placeholder until the attribution sieve lands)."""

from __future__ import annotations

from reader.model.story import Story


def attribute_speakers(story: Story) -> None:
    """Fill ``beat.speaker`` for dialogue beats and ``story.characters``."""
    story.characters = []
