"""Time to first screen in a real terminal (tmux): reader on a novel vs a minimal Textual app.

    python tests/e2e/measure_first_screen.py [STORY] [--runs N]

Prints the median seconds from starting the process to (a) the first thing on screen and
(b) the story's status line ("Beat 1/N"), next to a minimal Textual app's first screen.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

NOVEL = "/work/shared/corpus/pdnc/OliverTwist/novel_text.txt"
MINIMAL = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Minimal(App):\n"
    "    def compose(self):\n"
    "        yield Static('minimal ready')\n"
    "Minimal().run()\n"
)


def timed(command: list[str], marks: list[str], env: dict[str, str]) -> list[float]:
    """Seconds until each of ``marks`` is on screen."""
    tmux = shutil.which("tmux")
    if tmux is None:
        sys.exit("tmux is not installed")
    name = f"first-screen-{uuid.uuid4().hex[:8]}"
    exports = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
    started = time.perf_counter()
    subprocess.run(
        [
            tmux,
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "80",
            "-y",
            "24",
            f"env {exports} {shlex.join(command)}; sleep 30",
        ],
        check=True,
    )
    found: list[float] = []
    try:
        while len(found) < len(marks) and time.perf_counter() - started < 30:
            screen = subprocess.run(
                [tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            while len(found) < len(marks) and marks[len(found)] in screen:
                found.append(time.perf_counter() - started)
            time.sleep(0.005)
    finally:
        subprocess.run([tmux, "kill-session", "-t", name], capture_output=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("story", nargs="?", default=NOVEL)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    reader = str(Path(sys.executable).with_name("reader"))
    keeper = f"first-screen-keeper-{uuid.uuid4().hex[:8]}"
    # One idle session keeps the tmux server up between runs.
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 600"], check=True)
    try:
        measure(args, reader)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)


def measure(args: argparse.Namespace, reader: str) -> None:
    with tempfile.TemporaryDirectory() as data:
        env = {"READER_DATA_DIR": data, "TERM": "xterm-256color"}
        minimal = [
            timed([sys.executable, "-c", MINIMAL], ["minimal ready"], env)[0]
            for _ in range(args.runs)
        ]
        runs = [timed([reader, args.story], ["≡", "Beat 1/"], env) for _ in range(args.runs)]
    print(f"minimal Textual app, first screen: {statistics.median(minimal):.3f} s")
    print(f"reader, first paint (header):      {statistics.median(r[0] for r in runs):.3f} s")
    print(f"reader, story on screen:           {statistics.median(r[1] for r in runs):.3f} s")


if __name__ == "__main__":
    main()
