"""Federal district courts from courts-db: the caption's court name, the Bluebook abbreviation, the circuit.

courts-db names district courts in several styles ("District Court, S.D. New York", "United States District
Court for the Southern District of New York", "United States District Court, Oklahoma Eastern"); this module
turns each into the caption form Fed. R. Civ. P. 10(a) wants and adds the circuit, which courts-db records
only for some courts. The circuit comes from the state by 28 U.S.C. § 41.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assembler.errors import CourtError

# 28 U.S.C. § 41: the circuit of each state and territory, and its postal code.
_STATES: dict[str, tuple[str, str]] = {
    "Alabama": ("al", "ca11"), "Alaska": ("ak", "ca9"), "Arizona": ("az", "ca9"), "Arkansas": ("ar", "ca8"),
    "California": ("ca", "ca9"), "Colorado": ("co", "ca10"), "Connecticut": ("ct", "ca2"),
    "Delaware": ("de", "ca3"), "District of Columbia": ("dc", "cadc"), "Florida": ("fl", "ca11"),
    "Georgia": ("ga", "ca11"), "Guam": ("gu", "ca9"), "Hawaii": ("hi", "ca9"), "Idaho": ("id", "ca9"),
    "Illinois": ("il", "ca7"), "Indiana": ("in", "ca7"), "Iowa": ("ia", "ca8"), "Kansas": ("ks", "ca10"),
    "Kentucky": ("ky", "ca6"), "Louisiana": ("la", "ca5"), "Maine": ("me", "ca1"), "Maryland": ("md", "ca4"),
    "Massachusetts": ("ma", "ca1"), "Michigan": ("mi", "ca6"), "Minnesota": ("mn", "ca8"),
    "Mississippi": ("ms", "ca5"), "Missouri": ("mo", "ca8"), "Montana": ("mt", "ca9"), "Nebraska": ("ne", "ca8"),
    "Nevada": ("nv", "ca9"), "New Hampshire": ("nh", "ca1"), "New Jersey": ("nj", "ca3"),
    "New Mexico": ("nm", "ca10"), "New York": ("ny", "ca2"), "North Carolina": ("nc", "ca4"),
    "North Dakota": ("nd", "ca8"), "Northern Mariana Islands": ("mp", "ca9"), "Ohio": ("oh", "ca6"),
    "Oklahoma": ("ok", "ca10"), "Oregon": ("or", "ca9"), "Pennsylvania": ("pa", "ca3"),
    "Puerto Rico": ("pr", "ca1"), "Rhode Island": ("ri", "ca1"), "South Carolina": ("sc", "ca4"),
    "South Dakota": ("sd", "ca8"), "Tennessee": ("tn", "ca6"), "Texas": ("tx", "ca5"), "Utah": ("ut", "ca10"),
    "Vermont": ("vt", "ca2"), "Virgin Islands": ("vi", "ca3"), "Virginia": ("va", "ca4"),
    "Washington": ("wa", "ca9"), "West Virginia": ("wv", "ca4"), "Wisconsin": ("wi", "ca7"),
    "Wyoming": ("wy", "ca10"),
}
def state_names() -> tuple[str, ...]:
    """Every state, territory and the District of Columbia, as courts name them ("New York")."""
    return tuple(_STATES)


_CIRCUIT_NAMES = {
    "ca1": "First", "ca2": "Second", "ca3": "Third", "ca4": "Fourth", "ca5": "Fifth", "ca6": "Sixth",
    "ca7": "Seventh", "ca8": "Eighth", "ca9": "Ninth", "ca10": "Tenth", "ca11": "Eleventh", "cadc": "D.C.",
}
_CIRCUIT_CITES = {
    "ca1": "1st Cir.", "ca2": "2d Cir.", "ca3": "3d Cir.", "ca4": "4th Cir.", "ca5": "5th Cir.", "ca6": "6th Cir.",
    "ca7": "7th Cir.", "ca8": "8th Cir.", "ca9": "9th Cir.", "ca10": "10th Cir.", "ca11": "11th Cir.",
    "cadc": "D.C. Cir.",
}
_DIVISION = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}


@dataclass(frozen=True)
class Court:
    id: str
    district: str  # "Southern District of New York"
    citation: str  # "S.D.N.Y."
    state: str  # "New York"
    state_code: str  # "ny"
    circuit: str  # "ca2"

    @property
    def caption_lines(self) -> tuple[str, str]:
        return ("UNITED STATES DISTRICT COURT", self.district.upper())

    @property
    def circuit_name(self) -> str:
        """'Second Circuit' (or 'D.C. Circuit')."""
        return f"{_CIRCUIT_NAMES[self.circuit]} Circuit"

    @property
    def circuit_citation(self) -> str:
        return _CIRCUIT_CITES[self.circuit]

    @property
    def applicability_ids(self) -> set[str]:
        """What a clause's ``applies_to`` may name to cover this court: the court, its circuit, its state."""
        return {self.id, self.circuit, self.state_code}

    def as_context(self) -> dict[str, str]:
        return {
            "id": self.id, "district": self.district, "citation": self.citation, "state": self.state,
            "state_code": self.state_code, "circuit": self.circuit, "circuit_name": self.circuit_name,
            "circuit_citation": self.circuit_citation, "name": f"United States District Court for the {self.district}",
        }


def _district_name(raw: str, state: str) -> str | None:
    name = re.sub(r"^United States District Court(?: for the|,)?\s*|^District Court,?\s*", "", raw).strip()
    match = re.match(r"^([NSEWMC])\.\s?D\.\s+(.+)$", name)
    if match:
        return f"{_DIVISION[match.group(1)]} District of {match.group(2)}"
    match = re.match(r"^D\.\s+(.+)$", name)
    if match:
        return f"District of {match.group(1)}"
    match = re.match(r"^(Northern|Southern|Eastern|Western|Middle|Central) District of (.+)$", name)
    if match:
        return name
    match = re.match(r"^(.+) (Northern|Southern|Eastern|Western|Middle|Central)$", name)
    if match:
        return f"{match.group(2)} District of {match.group(1)}"
    if name.startswith("District of "):
        return name
    if name in ("Virgin Islands", "Northern Mariana Islands"):
        return f"District of the {name}"
    if name == state:
        return f"District of {state}"
    return None


@lru_cache(maxsize=1)
def district_courts() -> dict[str, Court]:
    """Every current federal district court courts-db knows, by id."""
    from courts_db import courts

    found: dict[str, Court] = {}
    for entry in courts:
        if entry.get("system") != "federal" or "District Court" not in entry.get("name", ""):
            continue
        if "ankruptcy" in entry["name"] or entry.get("active") is False or not entry["id"].endswith("d"):
            continue
        dates = entry.get("dates") or [{}]
        retired = str(entry.get("notes", "")).startswith(("Divided", "Subdivided")) and entry.get("active") is not True
        if dates[-1].get("end") or retired:
            continue
        state = entry.get("location", "")
        if state == "Washington D.C.":
            state = "District of Columbia"
        if state not in _STATES:
            continue
        district = _district_name(entry["name"], state)
        if district is None:
            continue
        citation = entry.get("citation_string") or ""
        if citation.endswith(("N.Y", "D.C")):
            citation += "."  # courts-db drops the final period of a few
        code, circuit = _STATES[state]
        circuit = f"ca{entry['federal_circuit']}" if entry.get("federal_circuit") else circuit
        found[entry["id"]] = Court(entry["id"], district, citation, state, code, circuit)
    return found


def court(court_id: str) -> Court:
    courts = district_courts()
    try:
        return courts[str(court_id).strip().lower()]
    except KeyError:
        hint = ""
        needle = str(court_id).lower()
        close = [c.id for c in courts.values() if needle in c.district.lower() or needle in c.id]
        if close:
            hint = f" (did you mean {', '.join(sorted(close)[:5])}?)"
        raise CourtError(f"'{court_id}' is not a federal district court id in courts-db, e.g. nysd, moed{hint}") from None


def search(text: str) -> list[Court]:
    """Courts whose district or abbreviation contains ``text`` (the interview's type-ahead)."""
    needle = text.lower().strip()
    return sorted(
        (c for c in district_courts().values() if needle in c.district.lower() or needle in c.citation.lower() or needle == c.id),
        key=lambda c: c.district,
    )
