"""The export schema (version 1, see docs/export-schema.md) as plain JSON data."""

from __future__ import annotations

from typing import Any

from reader.model.story import Story

SCHEMA_VERSION = 1


def story_to_dict(story: Story) -> dict[str, Any]:
    text = story.text
    return {
        "schema": SCHEMA_VERSION,
        "source": story.source,
        "title": story.title,
        "characters": [
            {"name": c.name, "aliases": list(c.aliases), "gender": c.gender, "lines": c.lines}
            for c in story.characters
        ],
        "scenes": [
            {
                "number": scene.number,
                "title": scene.title,
                "start": scene.start,
                "end": scene.end,
                "beats": [
                    {
                        "number": beat.number,
                        "kind": beat.kind,
                        "speaker": beat.speaker,
                        "start": beat.start,
                        "end": beat.end,
                        "text": text[beat.start : beat.end],
                    }
                    for beat in scene.beats
                ],
            }
            for scene in story.scenes
        ],
    }
