"""The reading screen: header, the story view, the status line and the footer."""

from __future__ import annotations

import sqlite3
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Header, LoadingIndicator
from textual.worker import Worker, WorkerState

from reader.app.session import Opening, Session, suggest_bookmark_name
from reader.app.widgets.status import StatusLine
from reader.app.widgets.story_view import StoryView
from reader.errors import ReaderError
from reader.model.build import build_story
from reader.model.story import Story

AUTOSAVE_SECONDS = 3.0
STORE_ERRORS = (OSError, sqlite3.Error, ReaderError)
"""What saving state can raise: reading goes on, with a notice."""


class ReadingScreen(Screen):
    """One story, read beat by beat."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "goto", "Scene"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "next_hit", "Next hit", show=False),
        Binding("N", "previous_hit", "Previous hit", show=False),
        Binding("b", "bookmark", "Mark"),
        Binding("B", "bookmarks", "Marks"),
        Binding("v", "toggle_view", "View"),
        Binding("c", "cast", "Cast", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("q", "quit_reader", "Quit"),
        Binding("escape", "back", "Clear search / library", show=False),
    ]

    def __init__(self, opening: Opening, from_library: bool = False) -> None:
        super().__init__()
        self.opening = opening
        self.from_library = from_library
        self.story: Story | None = None
        self.session: Session | None = None
        self.search_query = opening.search or ""
        self.attributing = False
        self.save_failed = False

    # -- building -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Container(id="page"):
            yield LoadingIndicator()
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.opening.loaded.title
        self.sub_title = "loading…"
        self.query_one(StatusLine).show("Loading…")
        if self.opening.story is not None:
            self.call_later(self._show, self.opening.story)
        else:
            # Paint the header and loading indicator first: the worker holds the GIL.
            self.call_after_refresh(self._load)

    def _load(self) -> None:
        """Build the model in a thread: paragraphs, scenes and beats first (fast), so the
        story is on screen at once; speakers are attributed next, in another worker."""
        opening = self.opening
        # A search (it may be "speaker:NAME") needs the speakers before the first screen.
        whole = opening.search is not None
        self.run_worker(
            lambda: build_story(opening.loaded, opening.source, attribute=whole),
            name="load",
            thread=True,
            exit_on_error=False,
        )

    def _attribute(self, story: Story) -> None:
        from reader.model.speakers import attribute_speakers

        self.run_worker(
            lambda: attribute_speakers(story), name="speakers", thread=True, exit_on_error=False
        )

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "speakers":
            if event.state == WorkerState.SUCCESS and self.view is not None:
                self.view.speakers_changed()
                self.attributing = False
                self._update_status()
            elif event.state == WorkerState.ERROR:
                self.attributing = False
                self.notify("Speakers could not be attributed", severity="warning")
                self._update_status()
            return
        if event.worker.name != "load":
            return
        if event.state == WorkerState.SUCCESS:
            self.attributing = self.opening.search is None
            await self._show(event.worker.result)
            if self.attributing:
                self._attribute(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, ReaderError) else repr(error)
            if self.from_library:
                self.notify(message, title="Cannot open", severity="error")
                self.dismiss()
            else:
                self.app.fail(error)

    async def _show(self, story: Story) -> None:
        self.story = story
        self.session = session = Session(getattr(self.app, "store", None), self.opening, story)
        start, hits, hit_index = self._start(story, session)
        view = StoryView(story, start, id="story")
        page = self.query_one("#page")
        await page.remove_children()
        await page.mount(view)
        view.focus()
        if hits:
            view.set_hits(hits, hit_index)
        try:
            session.remember()
            session.save_position(view.current)
        except STORE_ERRORS as error:
            self.notify(f"Cannot save the position: {error}", severity="warning")
        self._update_status()
        self.set_interval(AUTOSAVE_SECONDS, self._autosave)

    def _start(self, story: Story, session: Session):
        opening = self.opening
        hits, hit_index = [], -1
        start = None
        if opening.start is not None:
            start = opening.start
        elif opening.bookmark is not None:
            start = session.bookmark_beat(opening.bookmark)
        if opening.search:
            hits = story.search(opening.search)
            if hits:
                hit_index = 0
                if start is None:
                    start = hits[0].beat - 1
            else:
                self.notify(f"No matches for {opening.search!r}", severity="warning")
        if start is None:
            start = session.start_beat()
        return start, hits, hit_index

    @property
    def view(self) -> StoryView | None:
        views = self.query(StoryView)
        return views.first() if views else None

    # -- status ---------------------------------------------------------------------------

    def _update_status(self) -> None:
        view = self.view
        story = self.story
        if view is None or story is None:
            return
        total = len(story.beats)
        scenes = len(story.scenes)
        if total:
            beat = view.current + 1
            scene = story.scenes[view.scene_index()]
            number = scene.number
            self.sub_title = " ".join(scene.title.split())
        else:
            beat = number = 0
            self.sub_title = ""
        percent = beat * 100 // total if total else 100
        left = f"Scene {number}/{scenes}  Beat {beat}/{total}  {percent}%"
        right = []
        if view.hits:
            right.append(f"“{self.search_query}” {view.hit_index + 1}/{len(view.hits)}")
        elif self.search_query and self.opening.search is not None:
            right.append(f"“{self.search_query}” 0/0")
        if view.mode == "prose":
            right.append("prose")
        if self.attributing:
            right.append("finding speakers…")
        self.query_one(StatusLine).show(left, "  ".join(right))

    @on(StoryView.Moved)
    def _moved(self, event: StoryView.Moved) -> None:
        self._update_status()

    def _autosave(self) -> None:
        self.save_position()

    def save_position(self) -> None:
        view = self.view
        if self.session is not None and view is not None:
            try:
                self.session.save_position(view.current)
            except STORE_ERRORS as error:
                if not self.save_failed:
                    self.save_failed = True
                    self.notify(f"Cannot save the position: {error}", severity="warning")

    def on_unmount(self) -> None:
        self.save_position()

    # -- actions --------------------------------------------------------------------------

    def action_quit_reader(self) -> None:
        self.save_position()
        self.app.exit()

    def action_back(self) -> None:
        """Escape: clear the search highlights first; then back to the library."""
        view = self.view
        if view is not None and view.hits:
            self.run_search("")
            return
        if self.from_library:
            self.save_position()
            self.dismiss()

    def action_toggle_view(self) -> None:
        if self.view is not None:
            self.view.toggle_mode()
            self._update_status()

    def action_goto(self) -> None:
        from reader.app.screens.goto import GotoScreen

        if self.story is None or self.view is None:
            return

        def chosen(scene: int | None) -> None:
            if scene is not None and self.view is not None and self.story is not None:
                beats = self.story.scenes[scene].beats
                if beats:
                    self.view.go_to(beats[0].number - 1, "top")

        self.app.push_screen(GotoScreen(self.story, self.view.scene_index()), chosen)

    def action_search(self) -> None:
        from reader.app.screens.search import SearchScreen

        if self.story is None or self.view is None:
            return

        def searched(result: tuple[str, int | None] | None) -> None:
            if result is not None:
                self.run_search(*result)

        self.app.push_screen(SearchScreen(self.story, self.search_query), searched)

    def run_search(self, query: str, index: int | None = None) -> None:
        view = self.view
        if view is None or self.story is None:
            return
        self.search_query = query.strip()
        if not self.search_query:
            view.set_hits([])
            self._update_status()
            return
        hits = self.story.search(self.search_query)
        view.set_hits(hits)
        if not hits:
            self.notify(f"No matches for “{self.search_query}”", severity="warning")
            self._update_status()
            return
        if index is None:
            after = [i for i, hit in enumerate(hits) if hit.beat - 1 > view.current]
            index = after[0] if after else 0
        view.show_hit(index)
        self._update_status()

    def _step_hit(self, step: int) -> None:
        view = self.view
        if view is None:
            return
        if not view.hits:
            self.notify("No search results: press / to search", severity="information")
            return
        view.show_hit(view.hit_index + step)
        self._update_status()

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def action_bookmark(self) -> None:
        from reader.app.screens.bookmarks import BookmarkNameScreen

        session, view, story = self.session, self.view, self.story
        if session is None or view is None or story is None or not story.beats:
            return
        if session.store is None:
            self.notify("Bookmarks are not available in this build", severity="error")
            return
        index = view.current
        taken = {mark.name for mark in session.bookmarks()}
        suggestion = suggest_bookmark_name(story, index, taken)

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                session.add_bookmark(name, index)
            except (*STORE_ERRORS, ValueError) as error:
                self.notify(str(error), title="Bookmark not saved", severity="error")
                return
            self.notify(f"Bookmarked “{name}”", title="Bookmark")

        self.app.push_screen(BookmarkNameScreen(suggestion), named)

    def action_bookmarks(self) -> None:
        from reader.app.screens.bookmarks import BookmarksScreen

        session, view = self.session, self.view
        if session is None or view is None:
            return

        def chosen(bookmark) -> None:
            if bookmark is not None and self.view is not None:
                self.view.go_to(session.bookmark_beat(bookmark), "jump")

        self.app.push_screen(BookmarksScreen(session), chosen)

    def action_cast(self) -> None:
        from reader.app.screens.cast import CastScreen

        if self.story is not None and self.view is not None:
            self.app.push_screen(CastScreen(self.story, self.view.colours))

    def action_help(self) -> None:
        from reader.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
