"""End to end: the installed ``reader`` in a real terminal (tmux), quit, then --resume."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.app.story import STORY

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
STATUS = re.compile(r"Scene (\d+)/(\d+)\s+Beat (\d+)/(\d+)\s+(\d+)%")


def reader_command() -> str:
    beside = Path(sys.executable).with_name("reader")
    found = str(beside) if beside.exists() else shutil.which("reader")
    if not found:
        pytest.skip("the reader command is not installed")
    return found


class Terminal:
    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name = name
        self.env = env

    def start(self, *args: str) -> None:
        exports = " ".join(shlex.quote(f"{key}={value}") for key, value in self.env.items())
        command = f"env {exports} {shlex.join(args)}; sleep 30"
        subprocess.run(
            [TMUX, "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", command],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(
            [TMUX, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run([TMUX, "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def wait_for(self, pattern: re.Pattern[str] | str, timeout: float = 20.0) -> re.Match[str]:
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            match = regex.search(self.screen())
            if match:
                return match
            time.sleep(0.1)
        raise AssertionError(f"{regex.pattern!r} never appeared; screen:\n{self.screen()}")

    def wait_until_gone(self, text: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text not in self.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} still on screen:\n{self.screen()}")

    def kill(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)


def test_read_quit_and_resume(tmp_path: Path) -> None:
    story = tmp_path / "keepers.md"
    story.write_text(STORY, encoding="utf-8")
    env = {"READER_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm-256color"}
    command = reader_command()
    first = Terminal(f"reader-e2e-{uuid.uuid4().hex[:8]}", env)
    second = Terminal(f"reader-e2e-{uuid.uuid4().hex[:8]}", env)
    try:
        first.start(command, str(story))
        opened = first.wait_for(STATUS)
        assert opened.group(3) == "1", "a new story opens at its first beat"
        first.keys("]", "Space", "Space")
        moved = first.wait_for(r"Scene 2/3\s+Beat 13/24")
        assert "Tobias asked." in first.screen()
        assert moved
        first.keys("q")
        first.wait_until_gone("Beat 13/24")

        second.start(command, "--resume")
        resumed = second.wait_for(STATUS)
        assert (resumed.group(1), resumed.group(3)) == ("2", "13")
        assert "The Lighthouse Keepers" in second.screen()
        second.keys("q")
        second.wait_until_gone("Beat 13/24")
    finally:
        first.kill()
        second.kill()
