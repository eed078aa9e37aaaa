"""Every command-line flag of the reading app, and the library (no PATH)."""

from __future__ import annotations

import pytest

from reader.app.app import ReaderApp
from reader.cli import main
from reader.errors import ReaderError
from reader.store import Store

from .story import screen_text, status
from .test_keys import start


@pytest.fixture
def no_app(monkeypatch):
    """Fail the test if the app would start: errors must come before it."""

    def refuse(self, *args, **kwargs):
        raise AssertionError("the app started")

    monkeypatch.setattr(ReaderApp, "run", refuse)


async def test_scene_flag_opens_at_best_match(make_app):
    app = make_app(scene="morning")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        assert status(app).startswith("Scene 3/3  Beat 20/24")
        assert app.screen.sub_title == "Morning"


def test_scene_flag_without_match_exits_2_before_the_app(story_path, no_app, capsys):
    assert main([str(story_path), "--scene", "zeppelin"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no scene matches 'zeppelin'" in err


async def test_search_flag_opens_on_first_hit(make_app):
    app = make_app(search="key")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        assert status(app).startswith("Scene 2/3  Beat 16/24")
        assert "“key” 1/2" in status(app)
        await pilot.press("n")
        assert "“key” 2/2" in status(app)


async def test_search_flag_without_hits_opens_at_start(make_app):
    app = make_app(search="zeppelin")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        assert status(app).startswith("Scene 1/3  Beat 1/24")


async def bookmark_beat_13(make_app, name: str) -> None:
    """Open the story, go to beat 13 (scene 2, two beats in), bookmark it as ``name``, quit."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("right_square_bracket", "space", "space", "b")
        await pilot.pause()
        app.screen.query_one("#name").value = name
        await pilot.press("enter", "home", "q")


async def test_bookmark_flag(make_app):
    await bookmark_beat_13(make_app, "stranger")
    again = make_app(bookmark="stranger")
    async with again.run_test(size=(80, 24)) as pilot:
        await start(again, pilot)
        assert status(again).startswith("Scene 2/3  Beat 13/24")


async def test_bookmark_flag_after_the_file_was_edited(make_app, story_path):
    await bookmark_beat_13(make_app, "stranger")
    story_path.write_text(
        "A line added at the top.\n\n" + story_path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    again = make_app(bookmark="stranger")
    async with again.run_test(size=(80, 24)) as pilot:
        await start(again, pilot)
        assert "Beat 14/25" in status(again)


def test_unknown_bookmark_exits_2_before_the_app(story_path, no_app, capsys):
    assert main([str(story_path), "--bookmark", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no bookmark named 'nowhere'" in err


async def test_resume_reopens_last_story_at_last_beat(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        await pilot.press("end", "left", "q")
    again = make_app(path=None, resume=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await start(again, pilot)
        assert status(again).startswith("Scene 3/3  Beat 23/24")
        assert again.screen.title == "The Lighthouse Keepers"


def test_resume_with_no_history_exits_2(no_app, capsys):
    assert main(["--resume"]) == 2
    assert "nothing to resume" in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path, no_app, capsys):
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_prepare_errors_are_reader_errors(story_path):
    with pytest.raises(ReaderError):
        from reader.app.launch import prepare

        prepare(str(story_path), scene="zeppelin", store=Store())


async def test_library_lists_seeds_and_recent_and_opens(make_app, story_path):
    first = make_app()
    async with first.run_test(size=(80, 24)) as pilot:
        await start(first, pilot)
        await pilot.press("right_square_bracket", "q")
    app = make_app(path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        screen = screen_text(app)
        assert "Recently read" in screen and "Bundled stories" in screen
        assert "beat 11/24 · 45% · keepers.md" in screen
        assert "A Short Note" in screen
        await pilot.press("enter")
        await start(app, pilot)
        assert status(app).startswith("Scene 2/3  Beat 11/24")
        await pilot.press("escape")
        await start(app, pilot)
        assert "Library" in screen_text(app)
        await pilot.press("down", "down", "enter")
        await start(app, pilot)
        assert app.screen.title == "A Short Note"


async def test_story_loads_in_a_worker_then_speakers(story_path, seeds_dir):
    """As launched: the model is built in a thread, speakers attributed after."""
    from reader.app.launch import prepare

    store = Store()
    app = ReaderApp(prepare(str(story_path), store=store), store=store, seeds_dir=seeds_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await start(app, pilot)
        assert status(app) == "Scene 1/3  Beat 1/24  4%"
        assert "The wind had been rising since noon" in screen_text(app)
        assert app.screen.story.characters, "speakers were attributed"


async def test_search_flag_for_a_speaker_as_launched(story_path, seeds_dir):
    """--search "speaker:NAME" needs the speakers before the first screen."""
    from reader.app.launch import prepare

    store = Store()
    opening = prepare(str(story_path), search="speaker:mara", store=store)
    app = ReaderApp(opening, store=store, seeds_dir=seeds_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await start(app, pilot)
        assert "“speaker:mara” 1/" in status(app)
        assert "Beat 1/24" not in status(app)


async def test_library_marks_a_recent_story_whose_file_is_gone(make_app, tmp_path):
    gone = tmp_path / "gone.md"
    gone.write_text("# Gone Soon\n\nA line of text.\n", encoding="utf-8")
    first = make_app(path=gone)
    async with first.run_test(size=(80, 24)) as pilot:
        await start(first, pilot)
        await pilot.press("q")
    gone.unlink()
    app = make_app(path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(app, pilot)
        assert "gone.md (the file is gone)" in screen_text(app)
        await pilot.press("enter")
        await start(app, pilot)
        assert "Library" in screen_text(app), "stays in the library, with a notice"
