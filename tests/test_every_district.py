"""A Rule 12(b)(2) memorandum in every federal district court: each court gets its circuit's standard and its
state's long-arm statute, cited from the long-arm table, and says so when that table's entry is unverified."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assembler.assembly.assemble import assemble
from assembler.errors import AssemblerError, ClauseRenderError
from assembler.library.courts import district_courts
from assembler.library.loading import load_library
from assembler.text.markup import strip_markers
from samples import motion_answers

STANDARD = {
    "ca1": "pj-standard-1st-cir", "ca2": "pj-standard-2d-cir", "ca3": "pj-standard-3d-cir", "ca4": "pj-standard-4th-cir",
    "ca5": "pj-standard-5th-cir", "ca6": "pj-standard-6th-cir", "ca7": "pj-standard-7th-cir", "ca8": "pj-standard-8th-cir",
    "ca9": "pj-standard-9th-cir", "ca10": "pj-standard-10th-cir", "ca11": "pj-standard-11th-cir", "cadc": "pj-standard-dc-cir",
}
OWN_CLAUSE = {"ny": "two-step-new-york", "mo": "two-step-missouri", "ca": "two-step-california", "fl": "two-step-florida",
              "ga": "two-step-georgia", "ma": "two-step-massachusetts"}


def _memorandum(library, court_id: str, **changes):
    answers = motion_answers(court_id, **{"jurisdiction_theories": ["specific"], **changes})
    draft = assemble(library, "rule-12b2-motion", answers)
    return draft, strip_markers(draft.plain_text())


@pytest.mark.parametrize("court_id", sorted(district_courts()))
def test_every_district_court_gets_its_circuits_standard_and_its_states_long_arm_statute(builtin, court_id):
    court = district_courts()[court_id]
    draft, text = _memorandum(builtin, court_id)
    used = [use.id for use in draft.clause_uses]
    assert STANDARD[court.circuit] in used
    entry = builtin.long_arm[court.state_code]
    key, _, pin = entry.statute.partition(":")
    statute = builtin.registry.get(key).base_cite()
    assert statute in text, f"{court_id}: {statute} missing"
    argued_by = OWN_CLAUSE.get(court.state_code, f"two-step-{entry.reach}")
    assert argued_by in used
    unverified = [w for w in draft.warnings if "long-arm entry" in w]
    if argued_by.startswith("two-step-") and argued_by.endswith(entry.reach) and not entry.verified:
        assert unverified == [f"the long-arm entry for {entry.name} in long-arm.yaml is unverified: check the "
                              "statute and its construction before filing"]
    else:
        assert unverified == []


def test_a_coextensive_state_collapses_into_due_process_with_the_case_that_says_so(builtin):
    _, text = _memorandum(builtin, "txsd")
    assert ("The long-arm statute of Texas, Tex. Civ. Prac. & Rem. Code Ann. § 17.042, reaches as far as the Due "
            "Process Clause allows. BMC Software Belgium, N.V. v. Marchand, 83 S.W.3d 789, 795 (Tex. 2002).") in text
    assert "merge into one" in text


def test_an_enumerated_state_without_its_own_clause_is_argued_act_by_act_and_agrees_with_the_movants(builtin):
    _, one = _memorandum(builtin, "ded")
    assert "Personal jurisdiction over a nonresident defendant in Delaware requires two separate showings" in one
    assert "Del. Code Ann. tit. 10, § 3104(c)" in one
    assert "as to Alibaba Holding and of showing" in one
    answers = motion_answers("ded")
    second = dict(answers["defendants"][0], name="Taobao China Holding Limited", short_name="Taobao")
    _, two = _memorandum(builtin, "ded", defendants=answers["defendants"] + [second],
                         movants=answers["movants"] + ["Taobao"])
    assert "as to each of Alibaba Holding and Taobao and of showing" in two


def test_a_territory_is_named_as_a_sentence_names_it(builtin):
    _, text = _memorandum(builtin, "vid")
    assert "in the Virgin Islands requires two separate showings" in text
    assert "V.I. Code Ann. tit. 5, § 4903(a)" in text


def test_florida_georgia_and_massachusetts_argue_their_own_statutes(builtin):
    _, fl = _memorandum(builtin, "flmd")
    assert "Fla. Stat. § 48.193(1)(a)" in fl and "Venetian Salami Co. v. Parthenais, 554 So. 2d 499, 502 (Fla. 1989)" in fl
    _, ga = _memorandum(builtin, "gand")
    assert "Ga. Code Ann. § 9-10-91(1)-(3)" in ga and "279 Ga. 672, 673 (2005)" in ga
    _, ma = _memorandum(builtin, "mad")
    assert "Mass. Gen. Laws ch. 223A, § 3(a)-(d)" in ma and "SCVNGR, Inc. v. Punchh, Inc., 478 Mass. 324, 328-31 (2017)" in ma
    assert "Id. at 330 n.9" in ma


def test_strict_refuses_an_unverified_state_entry_naming_the_state(builtin):
    assert not builtin.long_arm["ak"].verified
    with pytest.raises(ClauseRenderError, match=r"two-step-coextensive@1\.0\.1: cites the long-arm entry for Alaska, which "
                                                r"is unverified in long-arm\.yaml; --strict refuses it"):
        assemble(builtin, "rule-12b2-motion", motion_answers("akd", jurisdiction_theories=["specific"]), strict=True)


def test_render_warns_in_the_terminal_and_the_manifest_for_an_unverified_state(tmp_path, run_cli):
    answers = tmp_path / "alaska.yaml"
    answers.write_text(yaml.safe_dump(motion_answers("akd")), encoding="utf-8")
    out = tmp_path / "memo.docx"
    code, _, err = run_cli("render", "rule-12b2-motion", "--answers", answers, "-o", out, "--no-layout")
    assert code == 0
    assert "warning: the long-arm entry for Alaska in long-arm.yaml is unverified" in err
    manifest = yaml.safe_load(out.with_suffix(".assembly.yaml").read_text(encoding="utf-8"))
    assert any("long-arm entry for Alaska" in w for w in manifest["warnings"])
    code, _, err = run_cli("render", "rule-12b2-motion", "--answers", answers, "-o", tmp_path / "strict.docx",
                           "--no-layout", "--strict")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--strict refuses it" in err
    assert not (tmp_path / "strict.docx").exists()


def test_a_state_treating_registration_as_consent_is_refused_when_the_movant_is_registered(builtin):
    with pytest.raises(AssemblerError, match="Georgia makes a corporation's registration to do business there consent"):
        _memorandum(builtin, "gand", jurisdiction_theories=["specific", "consent_by_registration"],
                    registered_in_forum=True)
    draft, _ = _memorandum(builtin, "ilnd", jurisdiction_theories=["specific", "consent_by_registration"],
                           registered_in_forum=True)
    assert not any("registration" in w for w in draft.warnings)


def _firm(tmp_path: Path, text: str) -> Path:
    (tmp_path / "templates").mkdir(parents=True)
    (tmp_path / "templates" / "long-arm.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_each_bad_table_entry_is_one_line_naming_the_file_and_the_state(tmp_path):
    firm = _firm(tmp_path, """states:
  tx: {state: Texas, statute: tx-long-arm, reach: broad, reach_by: statute, registration: unsettled, verified: true, source: x, checked: '2026-11-25'}
  il: {state: Illinois, statute: no-such-statute, reach: coextensive, reach_by: statute, registration: unsettled, verified: true, source: x, checked: '2026-11-25'}
  nj: {state: New Jersey, reach: coextensive}
""")
    problems = [str(p) for p in load_library(firm).problems]
    path = firm / "templates" / "long-arm.yaml"
    assert f"{path}: state 'tx': 'reach' must be one of coextensive, enumerated, not 'broad'" in problems
    assert f"{path}: state 'il': 'statute' cites 'no-such-statute', which is not in the authorities registry" in problems
    assert f"{path}: state 'nj': missing statute, reach_by, registration, verified, source, checked" in problems
    assert all("\n" not in p for p in problems)


def test_a_firm_entry_replaces_the_built_in_one_for_its_state_only(tmp_path):
    firm = _firm(tmp_path, """states:
  ak: {state: Alaska, statute: ak-long-arm, reach: enumerated, reach_by: statute, registration: unsettled, verified: true, source: firm memo, checked: '2026-11-25'}
""")
    library = load_library(firm)
    assert library.long_arm["ak"].reach == "enumerated" and library.long_arm["ak"].verified
    assert library.long_arm["tx"].source == load_library().long_arm["tx"].source
    draft, text = _memorandum(library, "akd")
    assert "two-step-enumerated" in [u.id for u in draft.clause_uses]
    assert not any("long-arm entry" in w for w in draft.warnings)


def test_the_table_covers_every_state_and_territory_with_a_district_court(builtin):
    codes = {court.state_code for court in district_courts().values()}
    assert codes <= set(builtin.long_arm)
    assert len(builtin.long_arm) == 55
    pa = builtin.long_arm["pa"]
    assert pa.registration == "consent" and pa.registration_authority.startswith("pa-registration")
    assert builtin.registry.get("pa-registration").base_cite() == "42 Pa. Cons. Stat. § 5301"
    for entry in builtin.long_arm.values():
        if entry.verified:
            assert entry.source and entry.checked
