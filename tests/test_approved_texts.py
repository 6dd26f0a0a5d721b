"""Approved texts: whole papers, read once by a lawyer and kept word for word in ``tests/approved/``.

The other tests assert the sentences that matter across many setups; these catch everything else — a changed
clause, a stray word, a lost paragraph — in a few papers a court would read, across party setups and courts.
When a paper changes on purpose, the test fails with the difference and writes ``NAME.received.txt`` beside
the approved text; read the difference as the court would, then approve it with
``ASSEMBLER_APPROVE=1 python -m pytest tests/test_approved_texts.py`` and commit the approved text.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from party_matrix import Setup, rendered

APPROVED = Path(__file__).resolve().parent / "approved"

# name -> (template, party setup, court): one and several plaintiffs and defendants, individuals and entities,
# all or some defendants moving or enjoined, a notice court and a motion court, three circuits
PAPERS = {
    "memorandum-moed-1p-2d-entity-some": ("rule-12b2-motion", Setup(1, 2, "entity", "some"), "moed"),
    "memorandum-nysd-3p-1d-individual-all": ("rule-12b2-motion", Setup(3, 1, "individual", "all"), "nysd"),
    "notice-nysd-2p-2d-entity-all": ("rule-12b2-notice", Setup(2, 2, "entity", "all"), "nysd"),
    "motion-paper-moed-1p-3d-individual-some": ("rule-12b2-motion-paper", Setup(1, 3, "individual", "some"), "moed"),
    "proposed-order-cand-2p-1d-entity-all": ("rule-12b2-proposed-order", Setup(2, 1, "entity", "all"), "cand"),
    "pi-order-nysd-1p-1d-entity-all": ("pi-order", Setup(1, 1, "entity", "all"), "nysd"),
    "pi-order-nysd-2p-3d-individual-some": ("pi-order", Setup(2, 3, "individual", "some"), "nysd"),
}


def _text(name: str) -> str:
    template_id, setup, court = PAPERS[name]
    paper = rendered(template_id, setup, court)
    return f"{paper.caption}\n\n{paper.body}\n"


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_paper_reads_as_approved(name: str) -> None:
    approved, received = APPROVED / f"{name}.txt", APPROVED / f"{name}.received.txt"
    text = _text(name)
    if os.environ.get("ASSEMBLER_APPROVE") == "1":
        approved.write_text(text, encoding="utf-8")
        received.unlink(missing_ok=True)
    assert approved.exists(), f"no approved text for {name}: read the paper, then approve it (see the module doc)"
    expected = approved.read_text(encoding="utf-8")
    if text != expected:
        received.write_text(text, encoding="utf-8")
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True),
                                            f"approved/{name}.txt", f"approved/{name}.received.txt", n=1))
        pytest.fail(f"{name} no longer reads as approved:\n{diff}")
    received.unlink(missing_ok=True)
