"""Screens of the reading app: the library, the reading screen and its dialogs."""
