"""Signature blocks as the court reads them: "/s/" signatures under CM/ECF, the client by full legal name, the
bar number in the court's form, the place on the date line, a signed certificate of service, and an order's
judge line without "Hon."."""

from __future__ import annotations

import docx
import pytest

from assembler.api import render_document
from assembler.assembly.assemble import assemble
from samples import motion_answers, order_answers

FILER = {
    "firm": "Example & Partners LLP",
    "attorneys": [{"name": "Ann Counsel", "bar_number": "12345MO", "email": "ann@example.com"},
                  {"name": "Ben Second", "bar_number": "67890", "email": "ben@example.com"}],
    "address": ["1 Main Street, Suite 200", "New York, NY 10001"],
    "phone": "(212) 555-0100",
    "represents": ["Alibaba Holding"],
}


def _signature(builtin, court, **changes):
    draft = assemble(builtin, "rule-12b2-motion", motion_answers(court, **{"filer": FILER, **changes}))
    return draft.signature, draft


@pytest.mark.parametrize("court, first, second", [
    ("moed", "#12345(MO)", "#67890(MO)"),  # E.D. Mo. L.R. 2.01: number and state of admission
    ("nysd", "Bar No. 12345MO", "Bar No. 67890"),  # the default form
])
def test_counsel_sign_with_s_and_the_court_s_bar_number_form(builtin, court, first, second):
    signature, _ = _signature(builtin, court)
    lines = list(signature.lines)
    assert lines[:6] == ["Respectfully submitted,", "", "EXAMPLE & PARTNERS LLP", "", "By: /s/ Ann Counsel", first]
    assert lines[6:8] == ["Ben Second", second]
    # address, telephone, then e-mail addresses
    assert lines[8:13] == ["1 Main Street, Suite 200", "New York, NY 10001", "Tel.: (212) 555-0100",
                           "ann@example.com", "ben@example.com"]


def test_the_date_line_gives_the_place_from_the_filer_s_address(builtin):
    signature, _ = _signature(builtin, "nysd", filing_date="2026-12-01")
    assert signature.dated == "Dated: New York, New York, December 1, 2026"
    signature, _ = _signature(builtin, "moed", filer={**FILER, "address": ["One Example Plaza", "Suite 5"]})
    assert signature.dated == "Dated: ____________________"  # no city and ZIP to take the place from


@pytest.mark.parametrize("movants, expected", [
    (["Alibaba Holding"], "Attorneys for Defendant Alibaba Group Holding Limited"),
])
def test_counsel_appear_for_the_client_by_full_legal_name(builtin, movants, expected):
    signature, _ = _signature(builtin, "moed", movants=movants)
    assert signature.lines[-1] == expected


def test_two_movants_are_named_in_full_with_the_plural_role(builtin):
    answers = motion_answers("moed", filer=FILER)
    second = {"name": "Second Defendant Corp.", "short_name": "Second", "kind": "corporation",
              "organized_under": "Delaware", "principal_place_of_business": "Wilmington, Delaware"}
    answers["defendants"] = answers["defendants"] + [second]
    answers["movants"] = ["Alibaba Holding", "Second"]
    draft = assemble(builtin, "rule-12b2-motion", answers)
    assert draft.signature.lines[-1] == "Attorneys for Defendants Alibaba Group Holding Limited and Second Defendant Corp."


def test_the_certificate_of_service_is_signed(builtin, tmp_path):
    render_document(builtin, "rule-12b2-motion", motion_answers("moed", filer=FILER), tmp_path / "m.docx")
    paragraphs = [p.text for p in docx.Document(tmp_path / "m.docx").paragraphs]
    certificate = paragraphs.index("CERTIFICATE OF SERVICE")
    assert paragraphs[-1] == "/s/ Ann Counsel" and certificate < len(paragraphs) - 1
    assert "By: /s/ Ann Counsel" in paragraphs[:certificate]


@pytest.mark.parametrize("template_id, answers, judge", [
    ("pi-order", order_answers("nysd"), "J. PAUL OETKEN"),
    ("rule-12b2-proposed-order", motion_answers("moed"), "STEPHEN N. LIMBAUGH, JR."),
])
def test_an_order_ends_with_the_judge_s_line_without_hon(builtin, template_id, answers, judge):
    signature = assemble(builtin, template_id, answers).signature
    assert signature.dated is None
    assert signature.lines == ("_________________________________", judge, "United States District Judge")
    unassigned = assemble(builtin, template_id, {**answers, "judge": None}).signature
    assert unassigned.lines == ("_________________________________", "United States District Judge")
