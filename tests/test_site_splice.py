"""staged.splice: pieces the previous file holds are copied from it, runs of them at once."""

from __future__ import annotations

import io

import pytest

from nianbao.site.staged import Spliced, splice


def _old(tmp_path, pieces: list[tuple[str, bytes]]):
    path = tmp_path / "old"
    with open(path, "wb") as fh:
        index = splice(fh, open("/dev/null", "rb"), _spliced(pieces), {})
    return path, {k: (at, n) for k, at, n in index}


def _spliced(pieces: list[tuple[str, bytes]], never: frozenset = frozenset()) -> Spliced:
    def produce(key: str, data: bytes):
        def make() -> bytes:
            assert key not in never, f"piece {key} produced again"
            return data

        return make

    return Spliced(b"[", b",\n", b"]\n", [(k, produce(k, d)) for k, d in pieces])


@pytest.mark.parametrize("kernel", [True, False])
@pytest.mark.parametrize(
    "new",
    [
        ["a", "b", "x", "c", "d"],  # a new piece between two runs
        ["d", "c", "b", "a"],  # every piece moved
        ["b", "c", "a", "x"],
        ["x"],
        [],
    ],
)
def test_splice_equals_writing_every_piece(tmp_path, new, kernel):
    data = {"a": b"1", "b": b"22", "c": b"333", "d": b"4444", "x": b"55555"}
    old, before = _old(tmp_path, [(k, data[k]) for k in "abcd"])
    pieces = [(k, data[k]) for k in new]
    expected = _spliced(pieces).whole()
    with open(old, "rb") as src:
        if kernel:
            with open(tmp_path / "new", "wb") as fh:
                index = splice(fh, src, _spliced(pieces, frozenset("abcd")), before)
            got = (tmp_path / "new").read_bytes()
        else:  # no file descriptor: read and written
            buf = io.BytesIO()
            source = io.BytesIO(src.read())
            index = splice(buf, source, _spliced(pieces, frozenset("abcd")), before)
            got = buf.getvalue()
    assert got == expected
    assert [got[at : at + n] for _k, at, n in index] == [d for _k, d in pieces]
