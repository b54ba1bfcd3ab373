"""Hugo as the yardstick: N Markdown pages carrying the same text as our N reports."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from benchmarks.measure import Run, du, measure

_CONFIG = 'baseURL = "https://example.org/"\ntitle = "年报"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
_SINGLE = "<!doctype html><html lang=zh><meta charset=utf-8><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}</html>\n"
_LIST = "<!doctype html><html lang=zh><meta charset=utf-8><title>{{ .Title }}</title><ul>{{ range .Paginator.Pages }}<li><a href='{{ .RelPermalink }}'>{{ .Title }}</a>{{ end }}</ul></html>\n"


def install_hugo() -> None:
    """Debian's hugo, installed when missing (needs root); says so when it cannot."""
    if shutil.which("hugo"):
        return
    print("hugo not found: installing Debian's hugo package (apt-get install -y hugo) ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True, env=env, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"could not install hugo ({exc}); the Hugo comparison will be skipped.", flush=True)


def hugo_version() -> str | None:
    if not shutil.which("hugo"):
        return None
    out = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    return out.split(" BuildDate")[0]


def hugo_site(seeds: Path, site: Path, timeout: float) -> dict | None:
    """Write the Hugo site and time a cold ``hugo --quiet``; None when hugo is missing."""
    if not shutil.which("hugo"):
        return None
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "content" / "reports").mkdir(parents=True)
    (site / "hugo.toml").write_text(_CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(_SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(_LIST, encoding="utf-8")
    for path in sorted(seeds.iterdir()):
        text = _decode(path.read_bytes())
        page = f'---\ntitle: "{path.stem}"\n---\n\n{text}'
        (site / "content" / "reports" / f"{path.stem}.md").write_text(page, encoding="utf-8")
    run: Run = measure(["hugo", "--quiet", "--source", str(site), "--destination", str(site / "public")], dict(os.environ), timeout)
    size, files = du(site / "public")
    return {"run": run, "out_bytes": size, "out_files": files}


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc).replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")
