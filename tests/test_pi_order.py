"""The proposed preliminary-injunction order as the court reads it: each finding and each decretal command its
own numbered paragraph, whatever the number of marks, parties and courts."""

from __future__ import annotations

import pytest
from docx import Document

from assembler.api import render_document
from samples import order_answers


def _marks(count: int) -> list[dict[str, str]]:
    words = ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO"]
    return [{"mark": words[i], "registration_number": f"{1234560 + i}", "goods": f"goods of class {i + 1}"}
            for i in range(count)]


def numbered_paragraphs(path, heading: str | None = None) -> list[str]:
    """Texts, without their numbers, of the numbered paragraphs under ``heading`` (or all of them); the numbers
    must run 1, 2, 3 ... through the whole order."""
    doc = Document(str(path))
    found, inside, expected = [], heading is None, 1
    for para in doc.paragraphs:
        if para.style.name.startswith("Heading"):
            inside = heading is None or para.text.strip() == heading
            continue
        if para.style.name == "Decretal":
            number, _, text = para.text.partition(".\t")
            assert number == str(expected), f"paragraph numbered {number!r}, expected {expected}: {para.text[:60]}"
            expected += 1
            if inside:
                found.append(text)
    return found


@pytest.mark.parametrize("count", [1, 2, 5])
def test_each_finding_is_its_own_numbered_paragraph_whatever_the_number_of_marks(builtin, tmp_path, count):
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(marks=_marks(count)), out)
    findings = numbered_paragraphs(out, "FINDINGS OF FACT AND CONCLUSIONS OF LAW")
    every = [p.text for p in Document(str(out)).paragraphs]
    assert not [p for p in every if "#." in p]

    success = next(i for i, p in enumerate(findings) if "is likely to succeed on its claim" in p)
    listing = findings[success]
    for mark in _marks(count):
        assert f"{mark['mark']} (U.S. Reg. No. {mark['registration_number']}), for {mark['goods']}" in listing
    assert listing.endswith(f"for goods of class {count}.")
    if count > 1:
        assert f"; and {_marks(count)[-1]['mark']} (U.S. Reg. No." in listing
    # the conduct finding follows as the next numbered paragraph, not run into the list of marks
    assert findings[success + 1].startswith("The record shows that ")
    assert "The record shows" not in listing
    # jurisdiction (subject matter, personal), likely success, conduct, harm, hardships, public interest
    assert sum("The record shows that" in p for p in findings) == 1
    assert any(p.startswith("The balance of hardships tips") for p in findings)


def test_conduct_typed_as_a_sentence_does_not_end_in_two_periods(builtin, tmp_path):
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(infringing_conduct="sold counterfeit goods."), out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "sold counterfeit goods. That use is likely" in text
    assert ".." not in text
