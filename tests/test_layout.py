"""A real client lays the drafts out: LibreOffice converts each one to PDF, and the pages read right.

CI installs LibreOffice (``.ci/run``), so these run there; on a developer's machine without ``soffice`` they
skip, unless ``CI`` is set, when a missing LibreOffice is a failure rather than a silent pass.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from assembler.api import render_document
from conftest import require_layout_tools, to_pdf
from samples import motion_answers, order_answers, sellers_order_answers

DOCUMENTS = {
    "rule-12b2-motion": motion_answers,
    "rule-12b2-notice": lambda: motion_answers("nysd"),  # E.D. Mo. takes a motion, not a notice
    "rule-12b2-motion-paper": motion_answers,
    "rule-12b2-proposed-order": motion_answers,
    "pi-order": order_answers,
}


@pytest.fixture(scope="module")
def laid_out(builtin, tmp_path_factory):
    """Every example draft (and the order for a third court) converted to PDF in one LibreOffice run."""
    require_layout_tools()
    folder = tmp_path_factory.mktemp("layout")
    drafts = [render_document(builtin, t, make(), folder / f"{t}.docx").docx_path for t, make in DOCUMENTS.items()]
    sellers = [{"name": f"Seller {n} Trading Co.", "store": f"store-{n}", "marketplace": "AliExpress",
                "url": f"https://example.com/store/{n}"} for n in range(1, 121)]
    drafts.append(render_document(builtin, "pi-order", sellers_order_answers("ilnd", sellers),
                                  folder / "ilnd-order.docx").docx_path)
    profile = tmp_path_factory.mktemp("lo-profile")
    to_pdf(folder, profile, *drafts)
    return folder


def pdf(folder: Path, name: str) -> tuple[int, list[str]]:
    """(page count, text of each page) of a converted draft."""
    path = folder / f"{name}.pdf"
    assert path.exists(), f"LibreOffice did not lay out {name}.docx"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, text.split("\f")[:pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_every_example_lays_out_with_its_caption_on_page_one(laid_out, name):
    pages, text = pdf(laid_out, name)
    assert pages >= 1
    first = squeeze(text[0])
    court = ("EASTERN DISTRICT OF MISSOURI" if name.startswith("rule-12b2") and name != "rule-12b2-notice"
             else "SOUTHERN DISTRICT OF NEW YORK")
    case_number = (motion_answers() if name.startswith("rule-12b2") else order_answers())["case_number"]
    assert "UNITED STATES DISTRICT COURT" in first and court in first
    assert case_number in first


def test_the_memorandum_runs_to_several_numbered_pages_and_ends_with_a_certificate(laid_out):
    pages, text = pdf(laid_out, "rule-12b2-motion")
    assert 5 <= pages <= 25
    # the footer's PAGE field is laid out on every page: i, ii, ... for the caption and tables, then 1, 2, ...
    # (LibreOffice may lay a blank sheet before page 1 after an odd roman page; the filing PDF drops it)
    footers = [lines[-1].strip() for lines in (t.strip().splitlines() for t in text) if lines]
    front = footers.index("1")
    assert front >= 2 and footers[:front] == ["i", "ii", "iii", "iv"][:front]
    assert footers[front:] == [str(n) for n in range(1, len(footers) - front + 1)]
    whole = squeeze(" ".join(text))
    assert "PRELIMINARY STATEMENT" in whole and "ARGUMENT" in whole and "CONCLUSION" in whole
    assert "CERTIFICATE OF SERVICE" in squeeze(text[-1])


def test_the_order_ends_with_the_judges_line_and_no_leftover_template_syntax(laid_out):
    _, text = pdf(laid_out, "pi-order")
    whole = squeeze(" ".join(text))
    assert "[PROPOSED] PRELIMINARY INJUNCTION ORDER" in whole
    assert "SO ORDERED" in whole and "United States District Judge" in whole
    assert "{{" not in whole and "{%" not in whole


def test_a_long_schedule_a_lays_out_as_a_table_across_pages_for_another_court(laid_out):
    pages, text = pdf(laid_out, "ilnd-order")
    whole = squeeze(" ".join(text))
    assert "NORTHERN DISTRICT OF ILLINOIS" in squeeze(text[0])
    assert "SCHEDULE A" in whole
    assert "Seller 1 Trading Co." in whole and "Seller 120 Trading Co." in whole
    assert pages > pdf(laid_out, "pi-order")[0]
