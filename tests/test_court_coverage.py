"""`assembler courts` and the coverage behind it: for each of the 94 district courts, its circuit, its state's long-arm
statute (verified, unverified or none), its local rules (confirmed, unconfirmed or none, with the limit they set), and
whether each template can be assembled there, naming the missing piece where it cannot."""

from __future__ import annotations

import json

import pytest

from assembler.assembly.assemble import assemble
from assembler.errors import AssemblerError
from assembler.library.courts import district_courts
from assembler.library.coverage import court_coverage, template_service
from assembler.library.templates import find_template
from samples import everything


def _courts_json(run_cli, *options):
    code, out, err = run_cli("courts", "--format", "json", *options)
    assert code == 0 and err == ""
    return {row["court"]: row for row in json.loads(out)}


def test_the_json_lists_exactly_the_94_district_courts(run_cli):
    rows = _courts_json(run_cli)
    assert len(rows) == 94
    assert set(rows) == set(district_courts())


def test_northern_illinois_is_seventh_circuit_with_a_verified_illinois_long_arm_and_confirmed_local_rules(run_cli):
    row = _courts_json(run_cli)["ilnd"]
    assert row["circuit"] == "Seventh Circuit" and row["citation"] == "N.D. Ill."
    assert row["long_arm"] == {"status": "verified", "statute": "735 Ill. Comp. Stat. 5/2-209", "reach": "coextensive",
                               "checked": row["long_arm"]["checked"]}
    assert row["local_rules"]["status"] == "confirmed"
    assert row["local_rules"]["rule"].startswith("N.D. Ill. L.R. 7.1") and row["local_rules"]["limit"] == "15 pages"
    assert row["local_rules"]["motion_form"] == "motion"
    memo = row["templates"]["rule-12b2-motion"]
    assert memo["served"] and memo["summary"] == ("Seventh Circuit standard: verified; Illinois long-arm 735 Ill. Comp. "
                                                  "Stat. 5/2-209: verified; local rules " + row["local_rules"]["rule"]
                                                  + ": confirmed")
    assert row["templates"]["tro-order"]["served"]
    notice = row["templates"]["rule-12b2-notice"]
    assert not notice["served"]
    assert "the Northern District of Illinois takes a motion stating its grounds" in notice["summary"]
    assert "assemble rule-12b2-motion-paper instead" in notice["summary"]


def test_new_jersey_takes_a_notice_of_motion_and_its_page_limit_is_recorded(run_cli):
    row = _courts_json(run_cli)["njd"]
    assert row["circuit"] == "Third Circuit"
    assert row["long_arm"]["status"] == "verified" and row["long_arm"]["statute"] == "N.J. Ct. R. 4:4-4(b)(1)"
    assert row["local_rules"]["limit"] == "30 pages" and row["local_rules"]["motion_form"] == "notice"
    assert row["templates"]["rule-12b2-notice"]["served"]
    assert not row["templates"]["rule-12b2-motion-paper"]["served"]
    tro = row["templates"]["tro-order"]
    assert not tro["served"] and "none applies in the District of New Jersey (Third Circuit)" in tro["summary"]


def test_a_territory_is_served_with_its_unverified_long_arm_said_and_no_local_rules(run_cli):
    row = _courts_json(run_cli)["vid"]
    assert row["district"] == "District of the Virgin Islands" and row["circuit"] == "Third Circuit"
    assert row["long_arm"]["status"] == "unverified" and row["long_arm"]["statute"] == "V.I. Code Ann. tit. 5, § 4903"
    assert row["local_rules"]["status"] == "none" and row["local_rules"]["limit"] == ""
    memo = row["templates"]["rule-12b2-motion"]
    assert memo["served"]
    assert "Virgin Islands long-arm V.I. Code Ann. tit. 5, § 4903: unverified" in memo["summary"]
    assert "local rules: none" in memo["summary"]


def test_the_circuit_filter_takes_a_number_an_ordinal_or_a_name(run_cli):
    for typed in ("7", "7th", "ca7", "Seventh"):
        assert set(_courts_json(run_cli, "--circuit", typed)) == {
            "ilnd", "ilcd", "ilsd", "innd", "insd", "wied", "wiwd"}
    assert set(_courts_json(run_cli, "--circuit", "dc")) == {"dcd"}
    assert len(_courts_json(run_cli, "--circuit", "9")) == 15


def test_a_bad_filter_is_one_line_and_exit_2(run_cli):
    for option in (("--circuit", "13"), ("--court", "nyxd"), ("--template", "no-such-template")):
        code, out, err = run_cli("courts", *option)
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and err.startswith("error: ")
        assert "Traceback" not in err


def test_the_table_shows_the_court_its_statute_and_its_limit(run_cli):
    code, out, _ = run_cli("courts", "--court", "ilnd", "--template", "rule-12b2-motion")
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "1 district court" in flat
    for words in ("ilnd", "N.D. Ill.", "Seventh", "735 Ill.", "15 pages", "confirmed"):
        assert words in flat


# Coverage says a court is served exactly when the assembly succeeds, and refuses with the assembly's own words.
@pytest.mark.parametrize("court_id", ["ilnd", "njd", "ded", "txed", "flsd", "cand", "mad", "paed", "mnd", "nyed",
                                      "moed", "gud", "vid", "dcd"])
def test_coverage_agrees_with_the_assembly_in_every_template(builtin, court_id):
    (row,) = court_coverage(builtin, [court_id])
    for template_id, service in row.templates.items():
        try:
            assemble(builtin, template_id, everything(court_id))
        except AssemblerError as exc:
            assert not service.served and service.problem == str(exc), (template_id, str(exc))
        else:
            assert service.served, (template_id, service.problem)


def test_a_firm_clause_that_is_only_a_draft_leaves_the_standard_unverified(builtin, tmp_path):
    import shutil

    from assembler.library.loading import load_library

    clause_dir = tmp_path / "clauses" / "legal-standard"
    clause_dir.mkdir(parents=True)
    shutil.copy(builtin.clauses["pj-standard-3d-cir"].path, clause_dir)
    library = load_library(tmp_path)
    library.clauses["pj-standard-3d-cir"].versions[-1].status = "deprecated"  # no approved version left
    service = template_service(library, find_template(library.template_dirs, "rule-12b2-motion"),
                               district_courts()["paed"])
    assert not service.served
    assert "pj-standard-3d-cir" in service.problem and "no approved version" in service.problem


def test_clauses_list_for_a_court_says_which_templates_it_serves_and_on_what(run_cli):
    code, out, _ = run_cli("clauses", "list", "--court", "paed")
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert any(line.startswith("In the Eastern District of Pennsylvania (Third Circuit): long-arm 42 Pa. Cons. Stat. "
                               "§ 5322: verified") for line in lines)
    assert ("rule-12b2-motion: assembles — Third Circuit standard: verified; Pennsylvania long-arm 42 Pa. Cons. Stat. "
            "§ 5322: verified; local rules E.D. Pa. L.R. 7.1") in " ".join(lines)
    assert ("rule-12b2-notice: cannot be assembled — template rule-12b2-notice: the Eastern District of Pennsylvania "
            "takes a motion stating its grounds") in " ".join(lines)
    assert "tro-order: cannot be assembled — template tro-order needs one of pi-finding-jurisdiction-7th-cir" in " ".join(lines)


def test_clauses_list_as_json_stays_a_list_of_clauses(run_cli):
    code, out, _ = run_cli("clauses", "list", "--court", "paed", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and isinstance(rows, list) and {"id", "applies_to", "version"} <= set(rows[0])
    assert "pj-standard-3d-cir" in {r["id"] for r in rows} and "pj-standard-7th-cir" not in {r["id"] for r in rows}
