"""Every circuit with district courts has its own Rule 12(b)(2) standard, chosen by the court's circuit.

Several of the circuits' leading cases upheld jurisdiction; the memorandum cites them for the test they state,
never behind a supporting signal ("See") that would present their outcome as the movant's.
"""

from __future__ import annotations

import pytest

from assembler.assembly.assemble import assemble
from samples import motion_answers

# court -> (the circuit's leading test case as it reads in the memorandum, a phrase of that circuit's test)
CIRCUITS = {
    "mad": ("A Corp. v. All American Plumbing, Inc., 812 F.3d 54, 58 (1st Cir. 2016)", "relatedness"),
    "prd": ("A Corp. v. All American Plumbing, Inc.", "purposeful availment"),
    "paed": ("O'Connor v. Sandy Lane Hotel Co., 496 F.3d 312, 316 (3d Cir. 2007)", "purposefully directed"),
    "ded": ("Marten v. Godwin, 499 F.3d 290, 297-98 (3d Cir. 2007)", "expressly aimed"),
    "vaed": ("Consulting Engineers Corp. v. Geometric Ltd., 561 F.3d 273, 276 (4th Cir. 2009)", "constitutionally reasonable"),
    "txwd": ("Monkton Insurance Services, Ltd. v. Ritter, 768 F.3d 429, 431 (5th Cir. 2014)", "three steps"),
    "ohnd": ("Southern Machine Co. v. Mohasco Industries, Inc., 401 F.2d 374, 381 (6th Cir. 1968)", "substantial enough"),
    "ilnd": ("Curry v. Revolution Laboratories, LLC, 949 F.3d 385, 398 (7th Cir. 2020)", "fair play and substantial justice"),
    "cod": ("Dudnikov v. Chalk & Vermilion Fine Arts, Inc., 514 F.3d 1063, 1071-72 (10th Cir. 2008)", "brunt of the"),
    "flsd": ("Louis Vuitton Malletier, S.A. v. Mosseri, 736 F.3d 1339, 1350 (11th Cir. 2013)", "long-arm statute"),
    "dcd": ("GTE New Media Services Inc. v. BellSouth Corp., 199 F.3d 1343, 1347 (D.C. Cir. 2000)", "long-arm statute"),
}


def _standard(builtin, court: str, **changes) -> str:
    draft = assemble(builtin, "rule-12b2-motion", motion_answers(court, jurisdiction_theories=["general"], **changes))
    text = draft.plain_text()
    start = text.index("LEGAL STANDARD")
    return text[start:text.index("ARGUMENT", start)]


def _as_cited(builtin, text: str) -> str:
    """A citation sentence gives a case's T6/T10-abbreviated name where the registry records one."""
    for authority in builtin.registry:
        if authority.is_case and authority.citation_name and text.startswith(authority.name):
            return authority.citation_name + text[len(authority.name):]
    return text


@pytest.mark.parametrize("court", sorted(CIRCUITS))
def test_each_circuit_states_its_own_test_with_its_leading_case(builtin, court):
    leading, phrase = CIRCUITS[court]
    leading = _as_cited(builtin, leading)
    standard = _standard(builtin, court)
    assert leading in standard
    assert phrase in standard
    assert "burden" in standard and "prima facie" in standard


def test_the_standard_speaks_of_one_plaintiff_or_several(builtin):
    one = _standard(builtin, "ilnd")
    plaintiffs = motion_answers("ilnd")["plaintiffs"]
    several = _standard(builtin, "ilnd", plaintiffs=plaintiffs + [{"name": "Second Plaintiff LLC", "short_name": "Second", "kind": "llc"}])
    assert "Plaintiff must make a prima facie showing" in one
    assert "Plaintiffs must make a prima facie showing" in several


def test_a_case_that_upheld_jurisdiction_never_follows_a_supporting_signal(builtin):
    plaintiff_side = [a for a in builtin.registry if a.is_case and a.favours == "plaintiff"]
    assert {"curry", "oconnor", "dudnikov", "louis-vuitton-mosseri", "southern-machine"} <= {a.key for a in plaintiff_side}
    for court in CIRCUITS:
        standard = _standard(builtin, court)
        for authority in plaintiff_side:
            for name in {authority.name, authority.citation_name} - {""}:
                assert f"See {name}" not in standard, (court, authority.key)
            assert f"see also {authority.name}" not in standard, (court, authority.key)


def test_every_new_circuit_authority_records_its_holding_outcome_and_side(builtin):
    circuit_cases = [a for a in builtin.registry if a.origin and a.origin.name == "circuits.yaml"]
    assert len(circuit_cases) == 15
    for authority in circuit_cases:
        assert authority.verified and authority.holding and authority.outcome, authority.key
        assert authority.favours in ("plaintiff", "defendant", "neutral"), authority.key
        upheld = "upheld" in authority.outcome or "reversed and remanded" in authority.outcome or "vacated" in authority.outcome
        assert (authority.favours == "plaintiff") == upheld, authority.key
