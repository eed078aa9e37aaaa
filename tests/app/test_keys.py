"""Every key of the reading screen (DESIGN.md), pressed as a reader would."""

from __future__ import annotations

import pytest
from textual import events

from .story import screen_text, status


async def start(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("key", ["space", "right", "j", "enter"])
async def test_next_beat_keys(make_app, key):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        assert status(app).startswith("Scene 1/3  Beat 1/24  4%")
        await pilot.press(key, key)
        assert status(app).startswith("Scene 1/3  Beat 3/24  12%")
        assert "▌ said Mara." in screen_text(app)


@pytest.mark.parametrize("key", ["left", "k", "backspace"])
async def test_previous_beat_keys(make_app, key):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("space", "space", "space", key)
        assert "Beat 3/24" in status(app)
        await pilot.press(key, key, key)
        assert "Beat 1/24" in status(app), "stops at the first beat"


async def test_dialogue_label_and_unknown_speaker(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press(*["space"] * 5)
        screen = screen_text(app)
        assert "  Mara\n" in screen
        assert '▌ Unknown speaker\n▌ "It is only four o\'clock,"' in screen


async def test_page_down_and_up(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("pagedown")
        after_one = status(app)
        assert "Beat 1/24" not in after_one
        beat = int(after_one.split("Beat ")[1].split("/")[0])
        assert beat > 5
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        assert "Beat 24/24  100%" in status(app)
        await pilot.press("pageup")
        assert "Beat 24/24" not in status(app)
        await pilot.press("pageup", "pageup", "pageup", "pageup", "pageup")
        assert "Beat 1/24" in status(app)


async def test_scene_keys(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("right_square_bracket")
        assert status(app).startswith("Scene 2/3  Beat 11/24")
        assert app.screen.sub_title == "The Visitor"
        assert "▌ Someone was knocking at the door below" in screen_text(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert status(app).startswith("Scene 3/3  Beat 20/24")
        await pilot.press("left_square_bracket")
        assert status(app).startswith("Scene 2/3  Beat 11/24")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert status(app).startswith("Scene 1/3  Beat 1/24")


async def test_home_and_end(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("end")
        assert status(app).startswith("Scene 3/3  Beat 24/24  100%")
        assert "▌ Mara turned it over in her hands" in screen_text(app)
        await pilot.press("home")
        assert status(app).startswith("Scene 1/3  Beat 1/24  4%")


async def test_go_to_scene(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("g")
        await pilot.press(*"key")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = screen_text(app)
        assert "Go to scene" in screen
        assert "2 matching" in screen
        # Best first: "the key is still on the table" (Morning) vs "a brass key" (Visitor).
        await pilot.press("enter")
        await pilot.pause()
        assert "Go to scene" not in screen_text(app)
        assert status(app).startswith("Scene 2/3") or status(app).startswith("Scene 3/3")


async def test_go_to_scene_arrow_picks_another(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert "3 scenes" in screen_text(app)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert status(app).startswith("Scene 3/3  Beat 20/24")
        await pilot.press("g", "escape")
        assert status(app).startswith("Scene 3/3  Beat 20/24")


async def test_search_counts_and_n_N(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("slash", *"the")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "hits" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        first = status(app)
        # Beat 1 holds hits 1-3: enter jumps to the first hit *after* the current beat.
        assert "Beat 2/24" in first and "“the” 4/24" in first
        await pilot.press("n")
        assert "“the” 5/24" in status(app)
        await pilot.press("N", "N")
        assert "“the” 3/24" in status(app)
        assert "Beat 1/24" in status(app)
        await pilot.press("N", "N", "N")
        assert "“the” 24/24" in status(app), "N wraps to the last hit"
        await pilot.press("n")
        assert "“the” 1/24" in status(app), "n wraps to the first hit"


async def test_search_is_case_insensitive_and_highlighted(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("slash", *"BRASS KEY", "enter")
        await pilot.pause()
        assert "“BRASS KEY” 1/1" in status(app)
        assert "Beat 16/24" in status(app)
        view = app.screen.query_one("#story")
        assert view.hits and view.hit_index == 0


async def test_search_speaker_prefix(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("slash", *"speaker:tobias", "enter")
        await pilot.pause()
        assert "“speaker:tobias” 1/3" in status(app)
        assert "Beat 12/24" in status(app)


async def test_search_without_matches(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("slash", *"zebra", "enter")
        await pilot.pause()
        assert "Beat 1/24" in status(app)
        await pilot.press("n")
        assert "Beat 1/24" in status(app)


async def test_bookmark_add_list_jump_delete(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("right_square_bracket", "space", "b")
        await pilot.pause()
        screen = screen_text(app)
        assert "Add a bookmark" in screen
        assert "The Visitor · beat 12" in screen
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("end", "B")
        await pilot.pause()
        screen = screen_text(app)
        assert "Bookmarks" in screen and "The Visitor · beat 12" in screen
        await pilot.press("enter")
        await pilot.pause()
        assert status(app).startswith("Scene 2/3  Beat 12/24")
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert "No bookmarks yet" in screen_text(app)
        await pilot.press("escape")
        assert app.store.bookmarks(app.opening.fingerprint) == []


async def test_bookmark_with_own_name(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("end", "b")
        await pilot.pause()
        app.screen.query_one("#name").value = ""
        await pilot.press(*"the end", "enter")
        await pilot.pause()
        names = [m.name for m in app.store.bookmarks(app.opening.fingerprint)]
        assert names == ["the end"]


async def test_cast_screen(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        screen = screen_text(app)
        assert "Cast" in screen
        assert "Mara" in screen and "3 lines" in screen
        assert "Unknown speaker" in screen
        await pilot.press("escape")
        assert "Cast" not in screen_text(app).split("\n")[3]


async def test_help_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await start(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        screen = screen_text(app)
        for key in ("space", "backspace", "page down", "] / [", "home / end", "g", "n / N"):
            assert key in screen
        for action in ("next beat", "go to scene", "search", "bookmark", "cast", "quit"):
            assert action in screen
        await pilot.press("escape")
        assert "Keys" not in screen_text(app)


async def test_quit_saves_position(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("right_square_bracket", "space", "space", "q")
        await pilot.pause()
    assert app.store.position(app.opening.fingerprint).beat == 13
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await start(again, pilot)
        assert status(again).startswith("Scene 2/3  Beat 13/24")


async def test_prose_view_toggle(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("space", "space", "v")
        screen = screen_text(app)
        assert '▌ "Bring the lamp up," said Mara. "We light it early tonight."' in screen
        assert "prose" in status(app)
        assert "Beat 3/24" in status(app)
        await pilot.press("space")
        assert "Beat 4/24" in status(app)
        await pilot.press("v")
        assert "prose" not in status(app)
        assert '▌ "We light it early tonight."' in screen_text(app)


async def test_click_makes_a_beat_current(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        rows = screen_text(app).split("\n")
        row = next(i for i, line in enumerate(rows) if "said Mara." in line)
        await pilot.click("#story", offset=(6, row - 1))
        assert "Beat 3/24" in status(app)


async def test_mouse_wheel_scrolls_without_moving(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await start(app, pilot)
        view = app.screen.query_one("#story")
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollDown], "#story", offset=(5, 5))
        await pilot.pause()
        assert view.scroll_y > 0
        assert "Beat 1/24" in status(app)


async def test_command_palette_has_reader_commands(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"go to scene")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert "Go to scene" in screen_text(app)


async def test_position_is_saved_while_reading(make_app, monkeypatch):
    from reader.app.screens import reading

    monkeypatch.setattr(reading, "AUTOSAVE_SECONDS", 0.1)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("end")
        await pilot.pause(0.3)
        assert app.store.position(app.opening.fingerprint).beat == 24


async def test_resize_keeps_the_current_beat_in_view(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("right_square_bracket", "space", "space")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert "▌ Tobias asked." in screen_text(app)
        assert status(app).startswith("Scene 2/3  Beat 13/24")


async def test_current_beat_stays_on_screen_whatever_keys(make_app):
    """A fixed pseudo-random walk of navigation keys: the page always follows."""
    import random

    rng = random.Random(4)
    moves = ["space", "left", "pagedown", "pageup", "right_square_bracket"]
    moves += ["left_square_bracket", "home", "end", "v", "j", "k"]
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await start(app, pilot)
        view = app.screen.query_one("#story")
        for _ in range(40):
            await pilot.press(rng.choice(moves))
            assert "▌" in screen_text(app), "the current beat is on screen"
            assert f"Beat {view.current + 1}/24" in status(app)


LONG = "# Long\n\n" + " ".join(f"word{n}" for n in range(1, 121)) + '\n\n"And then?" she asked.\n'


async def test_next_reads_a_tall_beat_a_page_at_a_time(make_app, tmp_path):
    path = tmp_path / "long.md"
    path.write_text(LONG, encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=(40, 12)) as pilot:
        await start(app, pilot)
        assert "word1 " in screen_text(app) and "word120" not in screen_text(app)
        presses = 0
        while "word120" not in screen_text(app):
            await pilot.press("space")
            presses += 1
            assert status(app).startswith("Scene 1/1  Beat 1/"), "still on the long beat"
            assert presses < 10
        await pilot.press("space")
        assert "Beat 2/" in status(app)
        await pilot.press("left")
        assert "Beat 1/" in status(app)
        while "word1 " not in screen_text(app):
            await pilot.press("left")
            assert "Beat 1/" in status(app)
            presses -= 1
            assert presses > -10


async def test_a_huge_paragraph_renders_and_searches_quickly(make_app, tmp_path):
    """One paragraph of 40,000 words: only the visible lines are built."""
    import time

    words = ["the", "sea", "was", "white", "to", "horizon", "and", "lamp", "keeper"]
    body = " ".join(words[(n * 7) % len(words)] for n in range(40000))
    path = tmp_path / "huge.txt"
    path.write_text("Huge\n\n" + body + "\n", encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        began = time.perf_counter()
        await pilot.press("slash", *"lamp", "enter")
        await pilot.press("n", "n", "space", "end")
        assert time.perf_counter() - began < 5
        assert "“lamp”" in status(app)


@pytest.mark.parametrize("view", ["beats", "prose"])
async def test_paging_down_shows_every_line(make_app, tmp_path, view):
    """Page after page, nothing of the story is skipped (a tall paragraph included)."""
    import re

    from .story import STORY

    text = STORY.replace("## Morning", LONG.replace("# Long", "## Long") + "\n## Morning")
    path = tmp_path / "paged.md"
    path.write_text(text, encoding="utf-8")
    app = make_app(path=path)
    async with app.run_test(size=(40, 12)) as pilot:
        await start(app, pilot)
        if view == "prose":
            await pilot.press("v")
        seen = screen_text(app)
        for _ in range(40):
            if "100%" in status(app):
                break
            await pilot.press("pagedown")
            seen += screen_text(app)
        await pilot.press("pagedown")
        seen += screen_text(app)
        assert "100%" in status(app)
        body = text.split("\n", 1)[1]  # the title is in the header, cut at 40 columns
        shown = set(re.findall(r"[A-Za-z0-9]+", seen))
        missing = [word for word in re.findall(r"[A-Za-z0-9]+", body) if word not in shown]
        assert not missing
        seen = screen_text(app)
        for _ in range(40):
            if int(app.screen.query_one("#story").scroll_y) == 0:
                break
            await pilot.press("pageup")
            seen += screen_text(app)
        assert "Beat 1/" in status(app)
        shown = set(re.findall(r"[A-Za-z0-9]+", seen))
        missing = [word for word in re.findall(r"[A-Za-z0-9]+", body) if word not in shown]
        assert not missing, "paging up"


async def test_theme_from_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"textual-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
        assert "Beat 1/24" in status(app)


async def test_escape_or_an_empty_search_clears_the_hits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("slash", *"key", "enter")
        assert "“key” 1/2" in status(app)
        await pilot.press("escape")
        assert "“key”" not in status(app)
        assert "Beat 16/24" in status(app), "clearing the search does not move"
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one("#query").value == "", "the cleared query is gone"
        await pilot.press(*"lamp", "enter")
        assert "“lamp” 2/2" in status(app), "the first hit after the current beat"
        await pilot.press("slash", "ctrl+u", "enter")
        await pilot.pause()
        assert "“lamp”" not in status(app)


async def test_a_failing_store_does_not_stop_reading(make_app, monkeypatch):
    import sqlite3

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)

        def broken(*args, **kwargs):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(app.store, "save_position", broken)
        await pilot.press("space", "space")
        app.screen.save_position()
        await pilot.pause()
        assert "Beat 3/24" in status(app)
        assert any("Cannot save the position" in n.message for n in app._notifications)
        await pilot.press("q")
