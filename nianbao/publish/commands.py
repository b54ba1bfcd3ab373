"""The ``diff`` and ``serve`` subcommands, registered on the main parser by nianbao/cli.py.

Heavy imports happen inside the command functions, so ``build.py --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``diff`` and ``serve`` to the ``build.py`` subcommands."""
    d = sub.add_parser("diff", help="compare the published data of two sites or git refs (Markdown for a PR comment)")
    d.add_argument("old", help="a built site folder (data/reports.json), a folder with seeds/, or a git ref")
    d.add_argument("new", nargs="?", help="the same kinds; default: the working tree's --seeds and --content")
    d.add_argument("--seeds", type=Path, default=Path("seeds"), help="seeds folder for the default NEW side")
    d.add_argument("--content", type=Path, default=Path("content"), help="content folder for the default NEW side")
    d.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    d.add_argument("--old-label", help="name OLD this way in the output (default: as given)")
    d.add_argument("--new-label", help="name NEW this way in the output")
    d.set_defaults(func=cmd_diff)
    s = sub.add_parser("serve", help="serve the site on 127.0.0.1 and rebuild when sources change")
    s.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    s.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of input reports (default: seeds)")
    s.add_argument("--out", type=Path, default=Path("_site"), help="output folder (default: _site)")
    s.add_argument("--content", type=Path, default=Path("content"), help="Markdown pages and site data")
    s.add_argument("--prefix", default="/", help="serve under this sub-path, as GitHub Pages does (e.g. /repo/)")
    s.add_argument("--interval", type=float, default=1.0, help="seconds between checks for changes")
    s.set_defaults(func=cmd_serve)


def cmd_diff(args: argparse.Namespace) -> int:
    from .diff import DiffError, Side, compare, load_sources, read_side, to_json, to_markdown

    try:
        old = read_side(args.old)
        if args.new:
            new = read_side(args.new)
        else:
            new = Side(args.seeds.as_posix(), load_sources(args.seeds, args.content))
    except (DiffError, OSError, ValueError) as exc:
        print(f"build.py diff: {exc}", file=sys.stderr)
        return 2
    old.label, new.label = args.old_label or old.label, args.new_label or new.label
    diff = compare(old, new)
    sys.stdout.write(to_json(diff) if args.json else to_markdown(diff))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    return serve(seeds=args.seeds, out=args.out, content=args.content, port=args.port, interval=args.interval, prefix=args.prefix)
