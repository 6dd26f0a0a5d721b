"""The proposed preliminary-injunction order as the court reads it: each finding and each decretal command its
own numbered paragraph, whatever the number of marks, parties and courts."""

from __future__ import annotations

import pytest
import yaml
from docx import Document

from assembler.api import render_document
from assembler.assembly.assemble import assemble
from assembler.assembly.manifest import manifest_path
from assembler.checks.check import check_draft
from assembler.citing.citations import CitationFormatter
from assembler.text.markup import strip_markers
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


def test_a_finding_about_another_state_is_a_warning_printed_and_kept_in_the_manifest(builtin, tmp_path):
    out = tmp_path / "order.docx"
    # the bundled S.D.N.Y. answers, filed in N.D. Ill.: the jurisdiction finding speaks of New York buyers
    result = render_document(builtin, "pi-order", order_answers("ilnd"), out)
    assert any("'forum_contacts' names New York, but the court is in Illinois" in w for w in result.warnings)
    manifest = yaml.safe_load(manifest_path(out).read_text(encoding="utf-8"))
    assert any("forum_contacts" in w and "Illinois" in w for w in manifest["warnings"])


@pytest.mark.parametrize("contacts, warned", [
    ("Defendants sold goods to New York residents through their website", False),
    ("Defendants shipped goods to New Yorkers and to buyers in West Virginia", True),
    ("Defendants' agent in Washington, D.C. took orders from New York", False),
    ("Defendants advertised in Texas and New Jersey", True),
])
def test_only_states_other_than_the_forum_are_flagged(builtin, contacts, warned):
    draft = assemble(builtin, "pi-order", order_answers("nysd", forum_contacts=contacts))
    flagged = [w for w in draft.warnings if "'forum_contacts' names" in w]
    assert bool(flagged) is warned
    if "West Virginia" in contacts:
        assert "names West Virginia, but" in flagged[0]  # one state, not also Virginia


def test_the_bundled_order_names_no_other_state(builtin):
    assert not [w for w in assemble(builtin, "pi-order", order_answers()).warnings if "names" in w]


def test_a_schedule_a_defendant_without_a_schedule_is_refused_in_one_line(run_cli, tmp_path):
    answers = order_answers("ilnd", defendants=[{
        "name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
        "short_name": "Defendants", "kind": "other"}])
    answers.pop("enjoined", None)
    source = tmp_path / "a.yaml"
    source.write_text(yaml.safe_dump(answers), encoding="utf-8")
    out = tmp_path / "order.docx"
    code, stdout, stderr = run_cli("render", "pi-order", "--answers", source, "-o", out, "--no-layout")
    assert code == 2
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert "a.yaml" in stderr and "Schedule A" in stderr and "'schedule_a' lists none" in stderr
    assert not out.exists()


def test_several_sections_of_one_code_are_one_citation(builtin):
    formatter = CitationFormatter(builtin.registry)
    cited = strip_markers(formatter.cite("usc-28-1331", "usc-28-1338:(a)"))
    assert cited == "28 U.S.C. §§ 1331, 1338(a)"
    three = strip_markers(formatter.cite("usc-15-1114:(1)(a)", "usc-15-1125:(a)", "usc-28-1331", "frcp-65"))
    assert three == "15 U.S.C. §§ 1114(1)(a), 1125(a); 28 U.S.C. § 1331; Fed. R. Civ. P. 65"


def test_an_order_is_not_checked_against_a_memorandum_word_limit(builtin, tmp_path):
    out = tmp_path / "order.docx"
    render_document(builtin, "pi-order", order_answers(), out)
    report = check_draft(builtin, out, word_limit=50, layout=False)
    assert report.kind == "order" and report.applied == "Fed. R. Civ. P. 65"
    assert not [f for f in report.findings if "words" in f.message]
    assert any("word limits bind memoranda" in n for n in report.notes)
