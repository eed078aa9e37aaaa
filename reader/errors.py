"""User-facing errors: the CLI prints ``str(error)`` on one line and exits 2."""


class ReaderError(Exception):
    """Bad input or usage that the person can fix (missing file, binary data, ...)."""
