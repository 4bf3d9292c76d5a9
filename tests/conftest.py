"""Shared fixtures: run the CLI in-process and capture stdout, stderr and the exit code."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scholarcli.cli import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SAMPLES = Path(__file__).resolve().parent / "samples"
AS_OF = "2026-11-23"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    """Run `scholar ARGS` in this process, as the console script would."""
    runner = CliRunner()
    with runner.isolation(input=input, env=env) as (out, err, _):
        code = run([str(a) for a in args])
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


def seed(prefix: str) -> Path:
    """The seed dump whose name starts with `prefix` (e.g. "001")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture
def cli() -> Any:
    return invoke
