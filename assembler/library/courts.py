"""The 94 federal district courts: the caption's court name, the Bluebook abbreviation, the circuit.

The courts are a checked table, ``library/data/district-courts.yaml``, made from 28 U.S.C. § 41 and
§§ 81-131 (and 48 U.S.C. for the three territorial courts), with courts-db's ids. courts-db alone got the
list wrong in ways a court paper cannot survive (D.N.J. missing, three districts abolished a century ago
offered, Vermont in the First Circuit); the table's header says what it corrects and where each fact was read.
It also carries how a court's caption differs (``versus``: "v." or "– against –") and a district's divisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assembler.errors import CourtError

TABLE = Path(__file__).with_name("data") / "district-courts.yaml"
# Districts abolished long ago that older data still lists, and what replaced them.
_ABOLISHED = {
    "okd": "the District of Oklahoma was divided in 1907 (now oknd, oked, okwd)",
    "ncd": "the District of North Carolina was divided in 1794 (now nced, ncmd, ncwd)",
    "wvad": "the District of West Virginia was divided in 1901 (now wvnd, wvsd)",
}

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


def state_name(text: str) -> str | None:
    """"Missouri" for "MO", "mo" or "Missouri"; None for anything else."""
    wanted = text.strip().lower()
    return next((name for name, (code, _) in _STATES.items() if wanted in (code, name.lower())), None)


def us_states_in(place: str | None) -> list[str]:
    """The U.S. states (and D.C. and territories) a place names: "Austin, Texas" -> ["Texas"]; "Delaware" ->
    ["Delaware"]; "the Cayman Islands" -> []. Longer names first, so "West Virginia" is not also "Virginia"."""
    import re

    found, rest = [], f" {place or ''} "
    for name in sorted(_STATES, key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        if pattern.search(rest):
            found.append(name)
            rest = pattern.sub(" ", rest)
    return found


_CIRCUIT_NAMES = {
    "ca1": "First", "ca2": "Second", "ca3": "Third", "ca4": "Fourth", "ca5": "Fifth", "ca6": "Sixth",
    "ca7": "Seventh", "ca8": "Eighth", "ca9": "Ninth", "ca10": "Tenth", "ca11": "Eleventh", "cadc": "D.C.",
}
_CIRCUIT_CITES = {
    "ca1": "1st Cir.", "ca2": "2d Cir.", "ca3": "3d Cir.", "ca4": "4th Cir.", "ca5": "5th Cir.", "ca6": "6th Cir.",
    "ca7": "7th Cir.", "ca8": "8th Cir.", "ca9": "9th Cir.", "ca10": "10th Cir.", "ca11": "11th Cir.",
    "cadc": "D.C. Cir.",
}


def circuit_id(text: str) -> str:
    """The circuit a user names: "7", "7th", "ca7", "Seventh" or "seventh circuit" -> "ca7"; "dc" -> "cadc". A
    :class:`CourtError` for anything else (the Federal Circuit has no district courts)."""
    wanted = " ".join(str(text).lower().replace(".", "").split()).removesuffix(" circuit").removesuffix(" cir")
    for circuit, name in _CIRCUIT_NAMES.items():
        number = circuit.removeprefix("ca")
        ordinals = {_CIRCUIT_CITES[circuit].split()[0].lower().replace(".", ""),  # "2d", as the Bluebook has it
                    number + {"1": "st", "2": "nd", "3": "rd"}.get(number, "th")}  # "2nd", as people type it
        if wanted in (circuit, number, name.lower().replace(".", ""), *ordinals):
            return circuit
    raise CourtError(f"'{text}' is not a circuit with district courts: give 1 to 11 or dc (e.g. 7, 7th, ca7, "
                     "seventh)")


# the places whose names take the article in a sentence ("jurisdiction in the District of Columbia")
_TAKES_THE = frozenset({"District of Columbia", "Virgin Islands", "Northern Mariana Islands"})


@dataclass(frozen=True)
class Court:
    id: str
    district: str  # "Southern District of New York"
    citation: str  # "S.D.N.Y."
    state: str  # "New York"
    state_code: str  # "ny"
    circuit: str  # "ca2"
    statute: str = ""  # "28 U.S.C. § 112": the statute that creates the district
    versus: str = "v."  # between the parties in the caption
    divisions: tuple[str, ...] = ()  # statutory divisions, for the caption's division line

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

    def division(self, typed: str) -> str | None:
        """The division named by ``typed`` ("eastern", "Eastern Division"), or None if the court has no such one."""
        wanted = " ".join(str(typed).split()).lower().removesuffix(" division")
        return next((d for d in self.divisions if d.lower() == wanted), None)

    @property
    def place(self) -> str:
        """The state or territory as a sentence names it: "Missouri", "the District of Columbia"."""
        return f"the {self.state}" if self.state in _TAKES_THE else self.state

    def as_context(self) -> dict[str, str]:
        # clause text says "in {{ court.state }}": the place as a sentence names it
        return {
            "id": self.id, "district": self.district, "citation": self.citation, "state": self.place,
            "state_code": self.state_code, "circuit": self.circuit, "circuit_name": self.circuit_name,
            "circuit_citation": self.circuit_citation, "name": f"United States District Court for the {self.district}",
        }


@lru_cache(maxsize=1)
def district_courts() -> dict[str, Court]:
    """The 94 district courts, by courts-db id, from the checked table."""
    import yaml

    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    default = data.get("default_caption") or {}
    found: dict[str, Court] = {}
    for court_id, entry in data["courts"].items():
        caption = {**default, **(entry.get("caption") or {})}
        found[court_id] = Court(
            court_id, entry["district"], entry["citation"], entry["state"], _STATES[entry["state"]][0],
            entry["circuit"], entry.get("statute", ""), caption.get("versus", "v."), tuple(entry.get("divisions") or ()),
        )
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
        if needle in _ABOLISHED:
            raise CourtError(f"'{court_id}' is not a current district court: {_ABOLISHED[needle]}") from None
        raise CourtError(f"'{court_id}' is not one of the 94 federal district court ids, e.g. nysd, moed, njd{hint}") from None


def search(text: str) -> list[Court]:
    """Courts whose district or abbreviation contains ``text`` (the interview's type-ahead)."""
    needle = text.lower().strip()
    return sorted(
        (c for c in district_courts().values() if needle in c.district.lower() or needle in c.citation.lower() or needle == c.id),
        key=lambda c: c.district,
    )
