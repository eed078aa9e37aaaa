"""reader: a terminal fiction reader that knows who is speaking."""

from reader.model import load_story

__version__ = "0.1.0"
__all__ = ["__version__", "load_story"]
