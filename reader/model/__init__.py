"""The scene model: pure Python, never imports Textual.

Names are imported on first use so that reading a file (``reader.model.loader``) does not
pay for the whole pipeline at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.model.build import build_story, load_story
    from reader.model.story import Beat, Character, Paragraph, Scene, Story

__all__ = ["Beat", "Character", "Paragraph", "Scene", "Story", "build_story", "load_story"]
_HOMES = {"build_story": "build", "load_story": "build"}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(name)
    return getattr(import_module(f"reader.model.{_HOMES.get(name, 'story')}"), name)
