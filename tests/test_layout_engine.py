"""The warm LibreOffice: started once, reused by the next conversion, and never a dead end.

A second conversion must not start LibreOffice again (the same process id serves it); when the UNO bridge
is missing or the listener dies mid-run the draft is still converted, by a one-off LibreOffice, after one
warning line naming the cause; without LibreOffice at all the tables are left to Word's fields.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time

import pytest

from assembler.api import render_document
from assembler.errors import AssemblerWarning
from assembler.word import layout
from conftest import require_layout_tools
from samples import motion_answers, order_answers


def text_of(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return re.sub(r"\s+", " ", out.decode())


@pytest.fixture
def engine(tmp_path, monkeypatch):
    """A slot of its own, so the test sees exactly the LibreOffice it started."""
    require_layout_tools()
    monkeypatch.setenv("ASSEMBLER_LAYOUT_SLOT", f"test-{os.getpid()}-{time.monotonic_ns()}")
    warm = layout.default_engine()
    yield warm
    warm.stop()


@pytest.fixture
def order(builtin, tmp_path):
    answers = order_answers(plaintiffs=[{"name": "Chloé Société S.A.", "short_name": "Chloé", "kind": "corporation"}])
    return render_document(builtin, "pi-order", answers, tmp_path / "order.docx").docx_path.read_bytes()


@pytest.mark.layout
def test_the_second_conversion_reuses_the_running_libreoffice(engine, order):
    assert engine.pid() is None
    first = layout.convert_to_pdf(order)
    started = engine.pid()
    assert started is not None and os.path.exists(f"/proc/{started}")
    second = layout.convert_to_pdf(order, {"ExportNotes": False})
    assert engine.pid() == started  # no new LibreOffice was started for the second call
    for pdf in (first, second):
        assert "[PROPOSED] PRELIMINARY INJUNCTION ORDER" in text_of(pdf)
        assert "CHLOÉ SOCIÉTÉ S.A., Plaintiff" in text_of(pdf)


@pytest.mark.layout
def test_a_listener_that_dies_mid_run_falls_back_with_one_warning(engine, order):
    layout.convert_to_pdf(order)
    os.kill(engine.pid(), signal.SIGKILL)  # the LibreOffice this test started
    with pytest.warns(AssemblerWarning, match=r"listener died.*LibreOffice is started afresh") as caught:
        pdf = layout.convert_to_pdf(order)
    ours = [w for w in caught if issubclass(w.category, AssemblerWarning)]
    assert len(ours) == 1 and "\n" not in str(ours[0].message)
    assert "SO ORDERED" in text_of(pdf)
    assert engine.pid() is None  # the dead one is gone; the next call starts a fresh one


@pytest.mark.layout
def test_without_the_uno_bridge_a_memorandum_is_still_laid_out_after_one_warning_line(engine, monkeypatch,
                                                                                      run_cli, tmp_path):
    monkeypatch.setattr(layout, "_UNO_PYTHON", "")  # as on a machine without python3-uno
    out = tmp_path / "memo.docx"
    code, _, err = run_cli("render", "rule-12b2-motion", "--answers", "examples/cepia-motion.yaml", "-o", out)
    assert code == 0
    lines = [line for line in err.splitlines() if "UNO bridge" in line]
    assert lines == ["warning: no Python with LibreOffice's UNO bridge (on Debian: apt-get install python3-uno), "
                     "so no warm LibreOffice; LibreOffice is started afresh for this conversion"] * len(lines)
    assert lines
    assert "set from a LibreOffice layout" in out.with_suffix(".assembly.yaml").read_text()
    assert engine.pid() is None


def test_without_libreoffice_the_tables_are_left_to_words_fields(builtin, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice, no pdftotext
    assert layout.convert_to_pdf(b"not even a docx") is None
    result = render_document(builtin, "rule-12b2-motion", motion_answers(), tmp_path / "memo.docx", layout=True)
    assert "left to Word" in result.manifest["tables"]
