"""The scene model: pure Python, never imports Textual."""

from reader.model.build import build_story, load_story
from reader.model.story import Beat, Character, Paragraph, Scene, Story

__all__ = ["Beat", "Character", "Paragraph", "Scene", "Story", "build_story", "load_story"]
