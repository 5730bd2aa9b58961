"""Run the real ``cohost`` entry point in-process and capture what a user would see."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

from cohost.cli.app import main


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def json_lines(self) -> list[Any]:
        return [json.loads(line) for line in self.out.splitlines() if line.strip()]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0) if not isinstance(exc.code, str) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
