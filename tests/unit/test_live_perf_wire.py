"""The fast JSON path of the wire reader gives exactly what ``json.loads`` gives (objects, problems, errors)."""

from __future__ import annotations

import json
import random

import pytest

from cohost.live.wire import WireReader, fast_doc, loads_line

EDGE = [
    b'{"a": 1, "b": 2, "a": 3}', b'{"x": 1e400}', b'{"x": NaN}', b'{"x": -Infinity}',
    b'{"x": 99999999999999999999999}', b'{"meta": {"n": [1, -99999999999999999999]}}',
    b'{"x": 18446744073709551615}', b'{"x": 18446744073709551616}', b'{"x": -9223372036854775808}',
    b'{"x": -9223372036854775809}', b'{"x": 9223372036854775807.0}', b'{"x": 1e19}', b'{"t": "\\ud800"}',
    b'{"t": "\\ud83d\\ude00"}', b'{"x": -0.0}', b'{"x": 1.0}', b'{"x": 1E5}', b'  {"x": 1}  ', b'\xef\xbb\xbf{"x": 1}',
    b'{"x": "\x00"}', b'{"x": 1}x', b"[1, 2]", b'"s"', b"", b"\xff\xfe", b'{"x": 01}', b'{"x": .5}',
    b'{"x": 1.5e-400}', b'{"type": "chat", "text": "\\u0000\\t"}', b"null", b"12", b'{"x": true, "y": null}',
]


def _same(raw: bytes) -> None:
    try:
        expected = ("ok", json.dumps(json.loads(raw)))
    except Exception as exc:  # the same exception type, whatever it is
        expected = ("error", type(exc).__name__)
    try:
        got = ("ok", json.dumps(loads_line(raw)))
    except Exception as exc:
        got = ("error", type(exc).__name__)
    assert got == expected, raw[:80]


@pytest.mark.parametrize("raw", EDGE)
def test_loads_line_is_json_loads(raw: bytes) -> None:
    _same(raw)


def test_deep_nesting_behaves_as_json() -> None:
    for depth in (10, 999, 1000, 1010, 1024, 1100):
        _same(b'{"a":' * depth + b"1" + b"}" * depth)
        _same(b"[" * depth + b"]" * depth)


def test_random_numbers_parse_alike() -> None:
    rng = random.Random(5)
    for _ in range(20_000):
        x = rng.choice([rng.random() * 10 ** rng.randint(-30, 30), rng.uniform(1.7e9, 1.8e9),
                        rng.getrandbits(rng.randint(1, 80)) * rng.choice((1, -1))])
        for text in (repr(x), f"{x:.17g}", f"{x:.3f}"):
            raw = b'{"ts": ' + text.encode() + b', "meta": {"v": [' + text.encode() + b"]}}"
            assert repr(loads_line(raw)) == repr(json.loads(raw))


def test_fast_doc_refuses_what_it_cannot_read_exactly() -> None:
    from cohost.live.wire import _UNPARSED

    assert fast_doc(b'{"x": 123456789012345678901}') is _UNPARSED
    assert fast_doc(b'{"x": NaN}') is _UNPARSED
    assert fast_doc(b'{"x": 1.5}') == {"x": 1.5}


@pytest.mark.parametrize("raw", EDGE)
def test_reader_problems_are_unchanged_by_the_fast_path(raw: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import cohost.live.wire as wire

    line = b'{"type": "chat", "room": "r", "ts": 5, "text": "hi", "extra": ' + raw + b"}"
    for sample in (raw, line):
        fast = WireReader("r").read(sample, 7)
        monkeypatch.setattr(wire, "_fast_loads", None)
        slow = WireReader("r").read(sample, 7)
        monkeypatch.undo()
        assert repr(fast) == repr(slow)
