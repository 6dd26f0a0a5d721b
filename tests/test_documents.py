"""Rendering Word drafts: the right law for the court, text exactly as typed, safe metadata, a manifest,
and nothing written when anything is wrong."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

from assembler.api import render_document
from assembler.errors import AnswersError, ClauseRenderError, OutputExistsError
from assembler.library.loading import load_library
from factories import clause, make_library, version
from samples import EXAMPLES, motion_answers, order_answers, plain

TEMPLATES = ["rule-12b2-motion", "rule-12b2-notice", "rule-12b2-motion-paper", "rule-12b2-proposed-order", "pi-order"]


def text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return plain("\n".join(parts))  # the typesetting is tested in test_typography


def answers_for(template_id: str, **changes):
    if template_id == "pi-order":
        return order_answers(**changes)
    if template_id == "rule-12b2-notice":  # the example's E.D. Mo. takes a motion, not a notice (L.R. 4.01)
        return motion_answers(**{"court": "nysd", **changes})
    return motion_answers(**changes)


@pytest.mark.parametrize("template_id", TEMPLATES)
def test_every_template_renders_from_its_example(builtin, tmp_path, template_id):
    out = tmp_path / f"{template_id}.docx"
    result = render_document(builtin, template_id, answers_for(template_id), out)
    text = text_of(out)
    assert "UNITED STATES DISTRICT COURT" in text
    assert result.draft.court.district.upper() in text
    assert result.draft.caption.case_number in text
    assert result.draft.title in text
    assert "{{" not in text and "{%" not in text


def test_eastern_district_of_missouri_gets_eighth_circuit_law(builtin, tmp_path):
    render_document(builtin, "rule-12b2-motion", motion_answers("moed"), tmp_path / "m.docx")
    text = text_of(tmp_path / "m.docx")
    assert "Mo. Rev. Stat. § 506.500" in text.replace("\u00a0", " ")
    assert "8th Cir." in text and "five factors" in text
    # Second Circuit tests and New York's statute stay out (a Second Circuit case may still be cited as
    # persuasive authority, as Porina is for Rule 4(k)(2))
    assert "C.P.L.R." not in text and "Licci" not in text and "Chloé" not in text


def test_southern_district_of_new_york_gets_second_circuit_law(builtin, tmp_path):
    render_document(builtin, "rule-12b2-motion", motion_answers("nysd"), tmp_path / "m.docx")
    text = text_of(tmp_path / "m.docx").replace("\u00a0", " ")
    assert "N.Y. C.P.L.R. § 302(a)" in text and "2d Cir." in text
    assert "506.500" not in text and "five factors" not in text and "K-V Pharm" not in text


def test_a_court_with_no_long_arm_clause_is_a_clear_error_not_a_gap(builtin, tmp_path):
    import dataclasses

    from assembler.errors import TemplateError

    # a library whose long-arm table lacks Illinois has no clause for it: refused, never assembled with a gap
    library = dataclasses.replace(builtin, long_arm={k: v for k, v in builtin.long_arm.items() if k != "il"})
    with pytest.raises(TemplateError, match="none applies in the Northern District of Illinois"):
        render_document(library, "rule-12b2-motion", motion_answers("ilnd"), tmp_path / "m.docx")
    assert not list(tmp_path.iterdir())


def test_the_order_renders_for_a_court_outside_the_examples(builtin, tmp_path):
    render_document(builtin, "pi-order", order_answers("ilnd"), tmp_path / "o.docx")
    text = text_of(tmp_path / "o.docx")
    assert "NORTHERN DISTRICT OF ILLINOIS" in text
    assert "serious questions" not in text  # the Second Circuit's alternative stays in the Second Circuit


@pytest.mark.parametrize("theory, heading", [
    ("general", "Not Subject to General Jurisdiction"),
    ("attribution", "Cannot Be Attributed"),
    ("rule_4k2", "Rule 4(k)(2) Does Not Supply Jurisdiction"),
    ("consent_by_registration", "Consent to Jurisdiction"),
    ("specific", "Lacks Specific Jurisdiction"),
])
def test_argument_sections_follow_the_theories_asserted(builtin, tmp_path, theory, heading):
    on = motion_answers(jurisdiction_theories=[theory], related_entity="Alibaba.com")
    off_theories = [t for t in ("general", "specific") if t != theory] or ["general"]
    render_document(builtin, "rule-12b2-motion", on, tmp_path / "on.docx")
    render_document(builtin, "rule-12b2-motion", motion_answers(jurisdiction_theories=off_theories),
                    tmp_path / "off.docx")
    assert heading in text_of(tmp_path / "on.docx")
    assert heading not in text_of(tmp_path / "off.docx")


def test_argument_headings_are_word_headings_for_the_navigation_pane(builtin, tmp_path):
    render_document(builtin, "rule-12b2-motion", motion_answers(), tmp_path / "m.docx")
    styles = {p.style.name for p in Document(str(tmp_path / "m.docx")).paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "Body Text"} <= styles


def test_case_names_and_signals_are_italic(builtin, tmp_path):
    render_document(builtin, "rule-12b2-motion", motion_answers(), tmp_path / "m.docx")
    italic = {r.text for p in Document(str(tmp_path / "m.docx")).paragraphs for r in p.runs if r.italic}
    assert "Daimler AG v. Bauman" in italic and "See" in italic


def test_special_characters_come_out_exactly_as_typed(builtin, tmp_path):
    name = 'Société Générale & Fils <Chloé> "Le Bon" § 2'
    answers = order_answers()
    answers["plaintiffs"][0].update(name=name, short_name="Société & Fils")
    answers["infringing_conduct"] = 'sold "Chloé" goods marked <ALIBABA> & more'
    render_document(builtin, "pi-order", answers, tmp_path / "o.docx")
    text = text_of(tmp_path / "o.docx")
    assert name.upper() in text  # the caption sets party names in capitals
    assert "Société & Fils" in text
    assert 'sold "Chloé" goods marked <ALIBABA> & more' in text


def test_many_defendants_and_a_schedule_a_table(builtin, tmp_path):
    answers = order_answers("ilnd")
    answers["defendants"] = [
        {"name": f"Seller Entity {i}", "short_name": f"Seller {i}", "kind": "other"} for i in range(1, 61)
    ]
    answers["caption_defendants"] = "The Partnerships and Unincorporated Associations Identified on Schedule A"
    answers["schedule_a"] = [
        {"name": f"Seller Entity {i}", "store": f"store-{i}", "marketplace": "Amazon", "url": f"https://example.com/{i}"}
        for i in range(1, 61)
    ]
    render_document(builtin, "pi-order", answers, tmp_path / "o.docx")
    doc = Document(str(tmp_path / "o.docx"))
    schedule = doc.tables[-1]
    assert len(schedule.rows) == 61
    assert schedule.rows[60].cells[1].text == "Seller Entity 60"
    assert "THE PARTNERSHIPS AND UNINCORPORATED ASSOCIATIONS IDENTIFIED ON SCHEDULE A," in text_of(tmp_path / "o.docx")
    assert "sixty defendants identified by name" in text_of(tmp_path / "o.docx")


def test_no_schedule_a_without_sellers(builtin, tmp_path):
    render_document(builtin, "pi-order", order_answers(), tmp_path / "o.docx")
    assert "SCHEDULE A" not in text_of(tmp_path / "o.docx")


def test_the_injunction_names_each_mark_and_registration_in_the_order_itself(builtin, tmp_path):
    answers = order_answers(marks=[
        {"mark": "ALIBABA", "registration_number": "1234567", "goods": "online marketplace services"},
        {"mark": "ALIEXPRESS", "registration_number": "7654321", "goods": "retail store services"},
    ])
    render_document(builtin, "pi-order", answers, tmp_path / "o.docx")
    text = text_of(tmp_path / "o.docx")
    assert "(a) ALIBABA, U.S. Reg. No. 1,234,567; and (b) ALIEXPRESS, U.S. Reg. No. 7,654,321." in text  # USPTO form
    assert "as the plaintiff has defined" not in text and "having knowledge of the causes" not in text
    assert "in commerce in the United States" in text
    assert "$10,000.00" in text and "within 7 days" in text


def test_metadata_is_safe_to_file(builtin, tmp_path):
    out = tmp_path / "o.docx"
    render_document(builtin, "pi-order", order_answers(), out)
    props = Document(str(out)).core_properties
    assert props.title == "[PROPOSED] PRELIMINARY INJUNCTION ORDER"
    assert props.author == "Counsel for the Plaintiff LLP"
    assert props.comments == "" and props.keywords == ""
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        everything = b"".join(package.read(n) for n in names)
    assert b"python-docx" not in everything and b"Macintosh" not in everything
    assert not [n for n in names if n.startswith("customXml") or "thumbnail" in n]
    assert b"sha256" not in everything  # the answers digest lives in the manifest, not the draft


def test_the_manifest_records_exactly_what_the_draft_used(builtin, tmp_path):
    out = tmp_path / "m.docx"
    result = render_document(builtin, "rule-12b2-motion", motion_answers(), out)
    manifest = yaml.safe_load((tmp_path / "m.assembly.yaml").read_text())
    assert manifest["template"] == {"id": "rule-12b2-motion", "version": "2.0.1"}
    assert manifest["court"] == "moed"
    assert manifest["answers_digest"] == result.draft.answers_digest
    used = {(c["id"], c["version"], c["hash"]) for c in manifest["clauses"]}
    for clause_id in ("general-jurisdiction-at-home", "pj-standard-8th-cir"):
        latest = builtin.clause(clause_id).latest_approved
        assert (clause_id, str(latest.version), latest.hash) in used
    keys = {a["key"] for a in manifest["authorities"]}
    assert {"daimler", "kv-pharm", "mo-rev-stat-506-500"} <= keys
    for entry in manifest["authorities"]:
        assert entry["verified"] == builtin.registry.get(entry["key"]).verified, entry["key"]
    unconfirmed = set(manifest["unconfirmed_pinpoints"])
    assert "daimler:137" not in unconfirmed  # confirmed in the registry
    assert not any(pin.startswith(("frcp-", "mo-rev-stat-")) for pin in unconfirmed)  # subdivisions, not pinpoints
    assert unconfirmed == {f"{use.key}:{use.pin}" for use in result.draft.citations
                           if use.pin and not builtin.registry.get(use.key).is_pin_confirmed(use.pin)}


def test_missing_and_invalid_answers_are_all_reported_at_once_and_nothing_is_written(builtin, tmp_path):
    answers = order_answers()
    del answers["case_number"]
    answers["bond_amount"] = "lots"
    answers["marks"][0]["registration_number"] = "12-34"
    answers["defendants"][0]["short_name"] = "ABBC"
    with pytest.raises(AnswersError) as error:
        render_document(builtin, "pi-order", answers, tmp_path / "o.docx")
    message = str(error.value)
    assert "'case_number' is missing" in message
    assert "'bond_amount' must be an amount of dollars" in message
    assert "'marks[1].registration_number' must be a U.S. registration number of up to seven digits" in message
    assert "short name(s) ABBC used for more than one party" in message
    assert list(tmp_path.iterdir()) == []


def test_a_blank_party_name_is_an_error_not_a_blank(builtin, tmp_path):
    answers = motion_answers()
    answers["defendants"][0]["name"] = ""
    with pytest.raises(AnswersError, match=r"'defendants\[1\].name' is missing"):
        render_document(builtin, "rule-12b2-motion", answers, tmp_path / "m.docx")


def test_template_syntax_in_an_answer_is_refused(builtin, tmp_path):
    answers = order_answers(infringing_conduct="used {{ marks }} everywhere")
    with pytest.raises(AnswersError, match="template syntax"):
        render_document(builtin, "pi-order", answers, tmp_path / "o.docx")


def test_an_existing_draft_is_never_overwritten_without_force(builtin, tmp_path):
    out = tmp_path / "o.docx"
    out.write_bytes(b"the associate's edited draft")
    with pytest.raises(OutputExistsError):
        render_document(builtin, "pi-order", order_answers(), out)
    assert out.read_bytes() == b"the associate's edited draft"
    render_document(builtin, "pi-order", order_answers(), out, force=True)
    assert zipfile.is_zipfile(out)


def firm_with(tmp_path, text, variables, template_sections=None):
    root = make_library(tmp_path / "firm", clause("firm-clause", [version(text=text)], variables=variables),
                        authorities=yaml.safe_load((EXAMPLES.parent / "clauses" / "authorities.yaml").read_text()))
    folder = root / "templates" / "firm-doc"
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text(yaml.safe_dump({
        "id": "firm-doc", "version": "1.0.0", "title": "Firm doc", "description": "A test document.",
        "kind": "memorandum", "document_title": "TEST", "sections": template_sections or [{"clauses": ["firm-clause"]}],
    }))
    (folder / "interview.yaml").write_text(yaml.safe_dump({"include": [str(EXAMPLES.parent / "templates/_shared/case.yaml")]}))
    return load_library(root)


def test_a_missing_variable_names_clause_version_and_variable(tmp_path):
    library = firm_with(tmp_path, "The bond is {{ bond_amount }}.", ["bond_amount"])
    with pytest.raises(ClauseRenderError, match=r"clause firm-clause@1.0.0: needs answer 'bond_amount'"):
        render_document(library, "firm-doc", order_answers(), tmp_path / "x.docx")


def test_footnotes_are_real_word_footnotes(tmp_path):
    library = firm_with(tmp_path, "Jurisdiction is lacking.{{ fn('See ' ~ cite('daimler:137') ~ '.') }} More text.", [])
    out = tmp_path / "x.docx"
    render_document(library, "firm-doc", order_answers(), out)
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode()
        footnotes = package.read("word/footnotes.xml").decode()
    assert "w:footnoteReference" in document
    assert "Daimler AG v. Bauman" in footnotes and "571\u00a0U.S.\u00a0117, 137 (2014)" in footnotes


def test_an_unguarded_optional_answer_is_an_error_not_the_word_none(tmp_path):
    library = firm_with(tmp_path, "Before Judge {{ judge }}.", ["judge"])
    answers = order_answers()
    del answers["judge"]
    with pytest.raises(ClauseRenderError, match="firm-clause@1.0.0: could not be rendered: prints an optional answer"):
        render_document(library, "firm-doc", answers, tmp_path / "x.docx")
