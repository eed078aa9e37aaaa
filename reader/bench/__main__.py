"""``python -m reader.bench {quotes,speakers,speed} [--pdnc DIR]``."""

from __future__ import annotations

import argparse
import sys

from reader.bench.pdnc import default_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.bench")
    parser.add_argument("which", choices=["quotes", "speakers", "speed"])
    parser.add_argument("--pdnc", help="PDNC folder (default: ../shared/corpus/pdnc)")
    parser.add_argument("--novel", action="append", help="only these novels (repeatable)")
    args = parser.parse_args(argv)
    root = args.pdnc or default_root()
    if root is None:
        print("reader.bench: no PDNC corpus found; pass --pdnc DIR", file=sys.stderr)
        return 2
    if args.which == "quotes":
        from reader.bench.quotes import run
    elif args.which == "speakers":
        from reader.bench.speakers import run
    else:
        from reader.bench.speed import run
    return run(root, args.novel)


if __name__ == "__main__":
    raise SystemExit(main())
