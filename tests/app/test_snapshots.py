"""Snapshots of every screen at 80x24 and 40x12 (update with --snapshot-update)."""

from __future__ import annotations

import pytest

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((40, 12), id="40x12")]


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def keys(*pressed: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_reading_beats(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys(*["space"] * 6))


@pytest.mark.parametrize("size", SIZES)
def test_reading_prose(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys(*["space"] * 6, "v"))


@pytest.mark.parametrize("size", SIZES)
def test_search_dialog(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys("slash", *"key"))


@pytest.mark.parametrize("size", SIZES)
def test_search_results(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys("slash", *"the", "enter", "n"))


@pytest.mark.parametrize("size", SIZES)
def test_go_to_scene(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys("g", *"storm"))


@pytest.mark.parametrize("size", SIZES)
def test_bookmark_list(snap_compare, make_app, size):
    app = make_app()
    marks = keys("right_square_bracket", "b", "enter", "end", "b", "enter", "B")
    assert snap_compare(app, terminal_size=size, run_before=marks)


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare, make_app, size):
    app = make_app(path=None)
    assert snap_compare(app, terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_cast(snap_compare, make_app, size):
    app = make_app()
    assert snap_compare(app, terminal_size=size, run_before=keys("c"))


def test_reading_light_theme(snap_compare, make_app):
    """Speaker colours switch to their light-background shades."""
    app = make_app()

    async def run_before(pilot) -> None:
        pilot.app.theme = "textual-light"
        await keys(*["space"] * 14, "v")(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
