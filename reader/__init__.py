"""reader: a terminal fiction reader that knows who is speaking."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "load_story"]

if TYPE_CHECKING:
    from reader.model import load_story


def __getattr__(name: str) -> Any:
    """``from reader import load_story`` without importing the model for ``--version``."""
    if name == "load_story":
        from reader.model import load_story

        return load_story
    raise AttributeError(name)
