"""The agency registry: name variants -> one agency with a stable, readable URL slug.

Loaded from content/agencies.toml. Agencies not listed still work: they keep the printed
name and get a slug derived from a hash of it, so their URLs are stable across builds.
Regions (an agency's ``region`` path and every path above it) get the slug of their
``[[region]]`` entry, or likewise one derived from a hash of the path.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

#: Shown when a report names no agency (the parser found none).
UNKNOWN_AGENCY = "未识别机关"
UNKNOWN_AGENCY_SLUG = "unknown-agency"

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Spaces and decoration that differ between printings of the same name.
_NOISE = re.compile(r"[\s\u3000·•“”\"'《》()（）]")


class RegistryError(ValueError):
    """content/agencies.toml is malformed (a maintainer error: the build stops early)."""


@dataclass(frozen=True, slots=True)
class Agency:
    """One agency, however its reports spell it."""

    name: str
    """Canonical name shown on the site."""
    slug: str
    """ASCII URL slug, e.g. "jinlin-district-government"."""
    region: tuple[str, ...] = ()
    """Region path, largest first, e.g. ("伊春市", "金林区")."""
    level: str = ""
    """Administrative level, free text, e.g. "区县政府部门"."""
    variants: tuple[str, ...] = ()
    """Other spellings found in reports."""
    listed: bool = True
    """False when the agency is not in the registry (name as printed, hash slug)."""


@dataclass(slots=True)
class Registry:
    """Lookup from any known spelling to its Agency."""

    agencies: list[Agency] = field(default_factory=list)
    _by_key: dict[str, Agency] = field(default_factory=dict)
    regions: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Region path (largest first) -> URL slug, from the ``[[region]]`` entries."""

    def add_region(self, path: tuple[str, ...], slug: str) -> None:
        if not path:
            raise RegistryError("地区条目的 path 不能为空")
        if not _SLUG.match(slug):
            raise RegistryError(f"地区“{' › '.join(path)}”的 slug “{slug}”不是小写字母、数字和连字符")
        if path in self.regions or slug in self.regions.values():
            raise RegistryError(f"地区“{' › '.join(path)}”或 slug “{slug}” 重复")
        self.regions[path] = slug

    def region_slug(self, path: tuple[str, ...]) -> str:
        """The region's slug: its ``[[region]]`` entry's, else a stable hash of the path."""
        found = self.regions.get(path)
        if found is not None:
            return found
        digest = hashlib.sha256("/".join(normalize_name(p) for p in path).encode("utf-8")).hexdigest()[:10]
        return f"region-{digest}"

    def add(self, agency: Agency) -> None:
        if not _SLUG.match(agency.slug):
            raise RegistryError(f"机关“{agency.name}”的 slug “{agency.slug}”不是小写字母、数字和连字符")
        if any(a.slug == agency.slug for a in self.agencies):
            raise RegistryError(f"slug “{agency.slug}” 重复")
        for spelling in (agency.name, *agency.variants):
            key = normalize_name(spelling)
            if key in self._by_key and self._by_key[key] is not agency:
                raise RegistryError(f"名称“{spelling}”同时属于两个机关")
            self._by_key[key] = agency
        self.agencies.append(agency)

    def resolve(self, printed: str | None) -> Agency:
        """The agency a printed name refers to (unlisted and missing names still resolve)."""
        if not printed or not printed.strip():
            return Agency(UNKNOWN_AGENCY, UNKNOWN_AGENCY_SLUG, listed=False)
        found = self._by_key.get(normalize_name(printed))
        if found is not None:
            return found
        name = printed.strip()
        return Agency(name, fallback_slug(name), listed=False)


def normalize_name(name: str) -> str:
    """Compare names without width, spacing or quote differences."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name))


def fallback_slug(name: str) -> str:
    """Stable slug for an unlisted agency: a hash of its normalized name."""
    digest = hashlib.sha256(normalize_name(name).encode("utf-8")).hexdigest()[:10]
    return f"agency-{digest}"


def load_registry(path: Path) -> Registry:
    """Read content/agencies.toml; a missing file means an empty registry.

    Every error names the file and the line (of the ``[[agency]]`` or ``[[region]]`` entry
    at fault), because a maintainer edits this file by hand."""
    registry = Registry()
    if not path.is_file():
        return registry
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RegistryError(f"{path}:{line}: 不是 UTF-8 编码的文本") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: {exc}") from exc  # the message ends "(at line N, column M)"
    _load_table(path, text, data, "agency", lambda e: registry.add(_agency(e)))
    _load_table(path, text, data, "region", lambda e: registry.add_region(*_region(e)))
    return registry


def _load_table(path: Path, text: str, data: dict, table: str, add) -> None:
    """Every ``[[table]]`` entry through ``add``; an error names the line of its entry."""
    entries = data.get(table, [])
    if not isinstance(entries, list):
        line = _line_of(text, table + r"\s*=")
        raise RegistryError(f"{path}:{line}: {table} 应写成 [[{table}]] 条目")
    header = re.compile(r"\s*\[\[\s*" + table + r"\s*\]\]")
    starts = [i + 1 for i, line in enumerate(text.split("\n")) if header.match(line)]
    for n, entry in enumerate(entries):
        try:
            add(entry)
        except RegistryError as exc:
            raise RegistryError(f"{path}:{starts[n] if n < len(starts) else 1}: {exc}") from exc


def _line_of(text: str, pattern: str) -> int:
    m = re.search(pattern, text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _agency(entry: object) -> Agency:
    if not isinstance(entry, dict):
        raise RegistryError("机关条目应是一个表格（[[agency]] 下的 name = …、slug = …）")
    try:
        return Agency(
            name=_text(entry, "name", entry["name"]),
            slug=_text(entry, "slug", entry["slug"]),
            region=tuple(_text(entry, "region", r) for r in _list(entry, "region")),
            level=_text(entry, "level", entry.get("level", "")),
            variants=tuple(_text(entry, "variants", v) for v in _list(entry, "variants")),
        )
    except KeyError as exc:
        raise RegistryError(f"机关条目缺少 {exc}") from exc


def _region(entry: object) -> tuple[tuple[str, ...], str]:
    if not isinstance(entry, dict):
        raise RegistryError("地区条目应是一个表格（[[region]] 下的 path = […]、slug = …）")
    try:
        return tuple(_text(entry, "path", r) for r in _list(entry, "path")), _text(entry, "slug", entry["slug"])
    except KeyError as exc:
        raise RegistryError(f"地区条目缺少 {exc}") from exc


def _text(entry: dict, key: str, value: object) -> str:
    if not isinstance(value, str):
        raise RegistryError(f"机关条目的 {key} 应是字符串，而不是 {value!r}")
    return value


def _list(entry: dict, key: str) -> list:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise RegistryError(f'机关条目的 {key} 应是字符串列表，例如 {key} = ["…"]')
    return value
