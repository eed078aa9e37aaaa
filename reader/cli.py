"""The ``reader`` command line (see ../shared/DESIGN.md): one line and exit 2 on bad input."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError

SUBCOMMANDS = ("export", "scenes", "bookmarks")
EXIT_OK, EXIT_BUG, EXIT_USAGE = 0, 1, 2


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ReaderError(f"{message} (see 'reader --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="reader",
        description="Read fiction in the terminal, beat by beat, each speaker in colour.",
        epilog=(
            "commands: 'reader export PATH' prints the scene model as JSON; "
            "'reader scenes PATH [--find KEYWORD]' lists scenes; "
            "'reader bookmarks [PATH]' lists bookmarks. Run with no PATH for the library."
        ),
    )
    parser.add_argument("path", nargs="?", help="story file (txt, md, html, epub)")
    parser.add_argument("--scene", metavar="KEYWORD", help="open at the best-matching scene")
    parser.add_argument("--bookmark", metavar="NAME", help="open at a named bookmark")
    parser.add_argument("--search", metavar="QUERY", help="open with search results for QUERY")
    parser.add_argument(
        "--resume", action="store_true", help="reopen the last story at its last position"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def build_subparser(command: str) -> argparse.ArgumentParser:
    parser = OneLineParser(prog=f"reader {command}")
    if command == "export":
        parser.description = "Print the scene model of PATH as JSON (schema 1)."
        parser.add_argument("path")
    elif command == "scenes":
        parser.description = "List scenes: number, title and beat count, tab separated."
        parser.add_argument("path")
        parser.add_argument("--find", metavar="KEYWORD", help="only matching scenes, best first")
    else:
        parser.description = "List bookmarks: story, name and scene/beat, tab separated."
        parser.add_argument("path", nargs="?")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return run_subcommand(args[0], build_subparser(args[0]).parse_args(args[1:]))
        return run_app(build_parser().parse_args(args))
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run_subcommand(command: str, args: argparse.Namespace) -> int:
    if command == "bookmarks":
        from reader.bookmarks import print_bookmarks

        return print_bookmarks(args.path)
    from reader.model import load_story

    story = load_story(args.path)
    if command == "export":
        from reader.model.export import story_to_dict

        json.dump(story_to_dict(story), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    if args.find is not None:
        ranked = story.find_scenes(args.find)
        if not ranked:
            raise ReaderError(f"no scene matches {args.find!r}; try another keyword")
        scenes = [scene for scene, _score, _snippet in ranked]
    else:
        scenes = story.scenes
    lines = [f"{s.number}\t{_one_line(s.title)}\t{len(s.beats)}" for s in scenes]
    sys.stdout.write("\n".join(lines) + ("\n" if lines else ""))
    return EXIT_OK


def _one_line(title: str) -> str:
    return " ".join(title.replace("\t", " ").split())


def run_app(args: argparse.Namespace) -> int:
    if args.resume and args.path:
        raise ReaderError("--resume reopens the last story; give either --resume or a PATH")
    if not args.path and not args.resume and (args.scene or args.bookmark or args.search):
        raise ReaderError("--scene, --bookmark and --search need a story PATH")
    from reader.app.launch import launch

    return launch(
        path=args.path,
        scene=args.scene,
        bookmark=args.bookmark,
        search=args.search,
        resume=args.resume,
    )
