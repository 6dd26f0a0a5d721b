from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from assembler.library import load_library  # noqa: E402


@pytest.fixture(autouse=True)
def _no_firm_library(monkeypatch):
    """Tests choose their library explicitly; a developer's ASSEMBLER_LIBRARY must not leak in."""
    monkeypatch.delenv("ASSEMBLER_LIBRARY", raising=False)


@pytest.fixture(scope="session")
def builtin():
    return load_library()


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from assembler.cli import main

    def run(*argv: str):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run
