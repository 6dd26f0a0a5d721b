"""The 94 district courts, each in its circuit (28 U.S.C. §§ 41, 81-131), and per-court caption style."""

from __future__ import annotations

import pytest

from assembler.errors import AssemblerError
from assembler.library.courts import court, district_courts
from party_matrix import Setup, rendered
from samples import motion_answers

# 28 U.S.C. § 41 with chapter 5's districts, written out independently of the data table.
CIRCUITS = {
    "cadc": ["dcd"],
    "ca1": ["med", "mad", "nhd", "prd", "rid"],
    "ca2": ["ctd", "nynd", "nysd", "nyed", "nywd", "vtd"],
    "ca3": ["ded", "njd", "paed", "pamd", "pawd", "vid"],
    "ca4": ["mdd", "nced", "ncmd", "ncwd", "scd", "vaed", "vawd", "wvnd", "wvsd"],
    "ca5": ["laed", "lamd", "lawd", "msnd", "mssd", "txnd", "txsd", "txed", "txwd"],
    "ca6": ["kyed", "kywd", "mied", "miwd", "ohnd", "ohsd", "tned", "tnmd", "tnwd"],
    "ca7": ["ilnd", "ilcd", "ilsd", "innd", "insd", "wied", "wiwd"],
    "ca8": ["ared", "arwd", "iand", "iasd", "mnd", "moed", "mowd", "ned", "ndd", "sdd"],
    "ca9": ["akd", "azd", "cand", "caed", "cacd", "casd", "gud", "hid", "idd", "mtd", "nvd", "nmid", "ord", "waed",
            "wawd"],
    "ca10": ["cod", "ksd", "nmd", "oknd", "oked", "okwd", "utd", "wyd"],
    "ca11": ["alnd", "almd", "alsd", "flnd", "flmd", "flsd", "gand", "gamd", "gasd"],
}


def test_there_are_94_district_courts():
    assert len(district_courts()) == 94


@pytest.mark.parametrize("circuit", sorted(CIRCUITS))
def test_each_circuit_has_exactly_its_districts(circuit):
    assert sorted(c.id for c in district_courts().values() if c.circuit == circuit) == sorted(CIRCUITS[circuit])


def test_every_id_is_a_courts_db_id():
    from courts_db import courts

    known = {entry["id"] for entry in courts}
    assert set(district_courts()) <= known


@pytest.mark.parametrize("court_id, district, citation, circuit_name", [
    ("njd", "District of New Jersey", "D.N.J.", "Third Circuit"),
    ("vtd", "District of Vermont", "D. Vt.", "Second Circuit"),
    ("mdd", "District of Maryland", "D. Md.", "Fourth Circuit"),
    ("mnd", "District of Minnesota", "D. Minn.", "Eighth Circuit"),
    ("pamd", "Middle District of Pennsylvania", "M.D. Pa.", "Third Circuit"),
    ("wvsd", "Southern District of West Virginia", "S.D. W. Va.", "Fourth Circuit"),
    ("vid", "District of the Virgin Islands", "D.V.I.", "Third Circuit"),
    ("dcd", "District of Columbia", "D.D.C.", "D.C. Circuit"),
])
def test_names_and_bluebook_abbreviations(court_id, district, citation, circuit_name):
    found = court(court_id)
    assert (found.district, found.citation, found.circuit_name) == (district, citation, circuit_name)


@pytest.mark.parametrize("court_id, successor", [("okd", "oknd"), ("ncd", "nced"), ("wvad", "wvnd")])
def test_abolished_undivided_districts_are_refused_naming_their_successors(court_id, successor):
    with pytest.raises(AssemblerError, match=f"not a current district court.*{successor}"):
        court(court_id)


def test_new_jersey_and_vermont_render_with_their_circuits_law(builtin):
    from assembler.assembly.assemble import assemble
    from samples import order_answers

    vermont = assemble(builtin, "pi-order", order_answers("vtd")).plain_text()
    new_york = assemble(builtin, "pi-order", order_answers("nysd")).plain_text()
    # the Second Circuit's law reaches a Vermont order exactly as it reaches a New York one
    assert "Polaroid" in new_york and "Polaroid" in vermont
    assert assemble(builtin, "pi-order", order_answers("njd")).court.district == "District of New Jersey"


def test_caption_style_and_division_are_the_courts():
    setup = Setup(1, 1, "entity", "all")
    missouri = rendered("rule-12b2-motion-paper", setup, "moed")  # E.D. Mo. takes a motion (L.R. 4.01)
    assert "\tv.\n" in missouri.caption + "\n" and "– against –" not in missouri.caption
    assert "EASTERN DISTRICT OF MISSOURI\nEASTERN DIVISION" in missouri.body
    new_york = rendered("rule-12b2-notice", setup, "nysd")
    assert "– against –" in new_york.caption and "DIVISION" not in new_york.body


def test_division_is_checked_against_the_court(builtin):
    from assembler.assembly.assemble import assemble

    with pytest.raises(AssemblerError, match="Northern, and Southeastern"):
        assemble(builtin, "rule-12b2-motion-paper", motion_answers("moed", division="Western"))
    with pytest.raises(AssemblerError, match="has no divisions"):
        assemble(builtin, "rule-12b2-notice", motion_answers("nysd", division="Eastern"))
    draft = assemble(builtin, "rule-12b2-motion-paper", motion_answers("ilnd", division="eastern division"))
    assert draft.caption.court_lines[-1] == "EASTERN DIVISION"
    unstated = assemble(builtin, "rule-12b2-motion-paper", motion_answers("moed", division=None))
    assert any("answer 'division'" in w for w in unstated.warnings)


@pytest.mark.parametrize("setup", [Setup(1, 1, "entity", "all"), Setup(2, 3, "individual", "some")],
                         ids=["one-each", "several"])
def test_an_eastern_district_of_texas_memorandum_names_its_division(setup):
    # E.D. Tex. papers name the division under the district (28 U.S.C. § 124(c)); typed as the user may type it
    texas = rendered("rule-12b2-motion-paper", setup, "txed", division="marshall")
    assert "EASTERN DISTRICT OF TEXAS\nMARSHALL DIVISION" in texas.body
    assert "\tv.\n" in texas.caption + "\n"
    assert not any("answer 'division'" in w for w in texas.draft.warnings)


@pytest.mark.parametrize("court_id, divisions", [
    ("txed", ("Beaumont", "Lufkin", "Marshall", "Sherman", "Texarkana", "Tyler")),   # § 124(c)
    ("txwd", ("Austin", "Del Rio", "El Paso", "Midland-Odessa", "Pecos", "San Antonio", "Waco")),   # § 124(d)
    ("cacd", ("Eastern", "Western", "Southern")),   # § 84(c)
    ("gand", ("Atlanta", "Gainesville", "Newnan", "Rome")),   # § 90(a)
    ("cand", ()),   # § 84(a) names only where court is held
])
def test_statutory_divisions(court_id, divisions):
    assert court(court_id).divisions == divisions


def test_a_division_another_court_has_is_refused_naming_the_courts_own(builtin):
    from assembler.assembly.assemble import assemble

    with pytest.raises(AssemblerError, match="Marshall, Sherman, Texarkana, and Tyler.*got 'Austin'"):
        assemble(builtin, "rule-12b2-motion-paper", motion_answers("txed", division="Austin"))
    texas = assemble(builtin, "rule-12b2-motion-paper", motion_answers("txed", division=None))
    assert any("answer 'division'" in w for w in texas.warnings)
