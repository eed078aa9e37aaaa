"""Story text is shown literally: no markup, no escape sequences, no control characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.app.text import visible, wrap, wrap_cells, wrap_narrow

from .story import screen_text
from .test_keys import start

TRICKY = (
    "Tricks\n\n"
    "The sign said [bold]OPEN[/bold] and [link=http://x]click[/link].\n\n"
    '"Red \x1b[31malert\x1b[0m now," said the bell.\x07\n'
)


def test_visible_keeps_length_and_shows_controls():
    text = "a\x1b[31mb\x00c\td\ne\x7f"
    shown = visible(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x00" not in shown and "\x7f" not in shown
    assert "␛[31m" in shown


def test_wrap_fits_width_and_keeps_words():
    text = "the quick brown fox jumps over the lazy dog"
    lines = wrap(text, 10)
    assert all(end - start <= 10 for start, end in lines)
    assert " ".join(text[s:e] for s, e in lines) == text
    assert wrap("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]


async def test_markup_and_escapes_are_shown_literally(make_app, tmp_path):
    path = tmp_path / "tricks.txt"
    path.write_text(TRICKY, encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("v")
        screen = screen_text(app)
        assert "[bold]OPEN[/bold]" in screen
        assert "[link=http://x]click[/link]" in screen
        assert "␛[31malert␛[0m" in screen
        assert "bell.␇" in screen


@given(
    st.text(alphabet=st.sampled_from("ab cdéf“”—\n\t"), max_size=200),
    st.integers(min_value=1, max_value=30),
)
def test_fast_wrap_matches_the_word_wrap(text, width):
    shown = visible(text)
    assert wrap_narrow(shown, width) == wrap_cells(shown, width)


def test_wide_characters_wrap_by_cells():
    assert wrap("日本語日本語", 5) == [(0, 2), (2, 4), (4, 6)]
