"""The command line: build (default), parse, check. ``python build.py --help``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .load import discover, load_bounded, load_reports
from .publish.commands import add_commands
from .serialize import to_json
from .site.console import finding_line, sorted_findings


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv.insert(0, "build")  # `python build.py [--seeds …]` means build
    args = _parser().parse_args(argv)
    return args.func(args)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="政府信息公开年报透明度看板：解析、检查并生成静态网站。")
    sub = p.add_subparsers(dest="command")
    b = sub.add_parser("build", help="build the site from seeds/ into _site/ (default)")
    b.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of input reports (default: seeds)")
    b.add_argument("--out", type=Path, default=Path("_site"), help="output folder (default: _site)")
    b.add_argument("--content", type=Path, default=Path("content"), help="Markdown pages and site data")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any report has an error finding")
    b.add_argument("-v", "--verbose", action="store_true", help="list warnings and infos too, not only errors")
    b.set_defaults(func=cmd_build)
    pa = sub.add_parser("parse", help="print one report as JSON (the contract in docs/report-model.md)")
    pa.add_argument("file", type=Path)
    pa.add_argument("--lines", action="store_true", help="include the source text lines")
    pa.set_defaults(func=cmd_parse)
    c = sub.add_parser("check", help="print every finding as file:line: severity rule: message")
    c.add_argument("paths", nargs="*", type=Path, default=[Path("seeds")])
    c.add_argument("--strict", action="store_true", help="exit 1 when any error finding exists")
    c.set_defaults(func=cmd_check)
    add_commands(sub)  # diff, serve: nianbao/publish/commands.py
    return p


def cmd_parse(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"build.py parse: {args.file}: no such file", file=sys.stderr)
        return 2
    report = load_bounded(args.file)  # under the per-input budget, like a build
    json.dump(to_json(report, include_lines=args.lines), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _expand(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    out = []
    for path in paths:
        if path.is_dir():
            out.extend((p, path) for p in discover(path))
        elif path.is_file():
            out.append((path, None))
        else:
            print(f"build.py check: {path}: no such file or folder", file=sys.stderr)
    return out


def cmd_check(args: argparse.Namespace) -> int:
    files = _expand(args.paths)
    reports = load_reports([p for p, _root in files])
    errors = 0
    for (path, _root), report in zip(files, reports, strict=True):
        for f in sorted_findings(report):
            print(finding_line(path.as_posix(), f))
            errors += f.severity == "error"
    print(f"{len(reports)} reports, {sum(len(r.findings) for r in reports)} findings, {errors} errors", file=sys.stderr)
    return 1 if args.strict and errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    from .site.build import build_site

    return build_site(seeds=args.seeds, out=args.out, content=args.content, strict=args.strict, verbose=args.verbose)
