from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from assembler.library.loading import load_library  # noqa: E402

try:  # property tests draw the same examples on every run, so a green suite stays green on a clean checkout
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
    _hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass


@pytest.fixture(autouse=True)
def _no_firm_library(monkeypatch):
    """Tests choose their library explicitly; a developer's ASSEMBLER_LIBRARY must not leak in."""
    monkeypatch.delenv("ASSEMBLER_LIBRARY", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _private_layout_engine(tmp_path_factory):
    """The suite's warm LibreOffice is its own (not a developer's), idles out soon, and is stopped at the end."""
    os.environ["ASSEMBLER_LAYOUT_DIR"] = str(tmp_path_factory.mktemp("layout-engine"))
    os.environ.setdefault("ASSEMBLER_LAYOUT_IDLE", "60")
    os.environ["ASSEMBLER_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    from assembler.word.layout import default_engine

    default_engine().stop()


@pytest.fixture(scope="session")
def builtin():
    return load_library()


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from assembler.cli.main import main

    def run(*argv: str):
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def require_layout_tools() -> None:
    """Skip without LibreOffice and poppler on a developer's machine; in CI (``CI`` set) their absence fails."""
    missing = [tool for tool in ("soffice", "pdftotext", "pdfinfo") if not shutil.which(tool)]
    if missing and os.environ.get("CI"):
        pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install libreoffice-writer-nogui poppler-utils)")


def to_pdf(folder: Path, profile: Path, *documents: Path) -> None:
    """Lay documents out with LibreOffice headless, as a reader's word processor would."""
    from assembler.word.layout import to_pdf as convert

    convert(folder, profile, *documents)
