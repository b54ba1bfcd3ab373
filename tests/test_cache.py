"""The parse cache: an entry gives back the report exactly; a broken entry is a miss."""

from __future__ import annotations

from nianbao import cache
from nianbao.load import discover, load_report
from nianbao.serialize import to_json
from tests.site_support import SEEDS


def test_a_cached_report_is_the_report(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path))
    for path in discover(SEEDS):
        report = load_report(path, path.name)
        key = cache.cache_key(path.read_bytes())
        cache.put(key, report)
        back = cache.get(key, report.id, report.source)
        assert back == report
        assert to_json(back, include_lines=True) == to_json(report, include_lines=True)


def test_a_broken_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("NIANBAO_CACHE", str(tmp_path))
    path = discover(SEEDS)[0]
    key = cache.cache_key(path.read_bytes())
    cache.put(key, load_report(path, path.name))
    entry = next(tmp_path.rglob("*.pickle"))
    entry.write_bytes(entry.read_bytes()[:100])
    assert cache.get(key, "x", "y") is None
    entry.write_bytes(b"not a pickle")
    assert cache.get(key, "x", "y") is None
