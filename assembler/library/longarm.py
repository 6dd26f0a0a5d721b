"""Each state's long-arm statute as data (``templates/long-arm.yaml``), checked against the registry at load.

The statute decides how a memorandum argues specific jurisdiction: where the state's courts (or its circuit)
read the statute to reach the limits of due process, the statutory question collapses into the constitutional
one; where it reaches only the acts it enumerates, that is a separate step the plaintiff must clear first. The
table records which, with the authority that says so, the state's rule on consent by registration after
*Mallory*, and whether someone checked the entry against a public copy. Clauses select themselves by the reach
(``applies_to: [long-arm-coextensive]``), so adding a state is a data change, not a template change.

A firm library's ``templates/long-arm.yaml`` is layered over the built-in one, state by state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.errors import TemplateError
from assembler.library.authorities import Registry
from assembler.yamlio import YAMLError, load_yaml

LONG_ARM_FILE = "long-arm.yaml"
REACHES = ("coextensive", "enumerated")
REACHED_BY = ("statute", "rule", "state high court", "circuit")
REGISTRATION = ("consent", "not-consent", "unsettled")
_FIELDS = {"state", "article", "statute", "reach", "reach_by", "case", "registration", "registration_authority",
           "registration_note", "note", "verified", "source", "checked"}
_REQUIRED = ("state", "statute", "reach", "reach_by", "registration", "verified", "source", "checked")


@dataclass(frozen=True)
class LongArm:
    """One state's long-arm statute and how its courts read it."""

    code: str  # postal code: "il"
    state: str
    statute: str  # registry reference, "il-long-arm:(c)"
    reach: str  # coextensive | enumerated
    reach_by: str
    case: str | None  # registry reference of the case that reads the statute so
    registration: str  # consent | not-consent | unsettled
    registration_authority: str | None
    registration_note: str
    note: str
    verified: bool
    source: str
    checked: str
    origin: Path
    article: str = ""  # "the" for the Virgin Islands

    @property
    def name(self) -> str:
        """The place as a sentence names it: "Illinois", "the Virgin Islands"."""
        return f"{self.article} {self.state}".strip()

    @property
    def tag(self) -> str:
        """What a clause's ``applies_to`` names to cover every state of this reach."""
        return f"long-arm-{self.reach}"

    def as_context(self) -> dict[str, Any]:
        return {"state": self.state, "name": self.name, "reach": self.reach, "reach_by": self.reach_by, "has_case": bool(self.case),
                "registration": self.registration, "has_registration_authority": bool(self.registration_authority), "verified": self.verified}


def load_long_arm(template_dirs: list[Path], registry: Registry) -> tuple[dict[str, LongArm], list[TemplateError]]:
    """Every layer's table, later layers winning state by state, with one problem per bad entry (never a stop
    at the first: ``clauses verify`` lists them all)."""
    table: dict[str, LongArm] = {}
    problems: list[TemplateError] = []
    for directory in template_dirs:
        path = directory / LONG_ARM_FILE
        if not path.is_file():
            continue
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, YAMLError) as exc:
            problems.append(TemplateError(f"{path}: cannot be read: {' '.join(str(exc).split())}"))
            continue
        states = data.get("states") if isinstance(data, dict) else None
        if not isinstance(states, dict):
            problems.append(TemplateError(f"{path}: expected a top-level 'states:' mapping of postal codes"))
            continue
        for code, raw in states.items():
            try:
                table[str(code)] = _entry(path, str(code), raw, registry)
            except TemplateError as exc:
                problems.append(exc)
    return table, problems


def _entry(path: Path, code: str, raw: Any, registry: Registry) -> LongArm:
    where = f"{path}: state '{code}'"
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: expected a mapping")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise TemplateError(f"{where}: unknown field(s) {', '.join(unknown)}")
    missing = [name for name in _REQUIRED if raw.get(name) in (None, "")]
    if missing:
        raise TemplateError(f"{where}: missing {', '.join(missing)}")
    for name, allowed in (("reach", REACHES), ("reach_by", REACHED_BY), ("registration", REGISTRATION)):
        if raw[name] not in allowed:
            raise TemplateError(f"{where}: '{name}' must be one of {', '.join(allowed)}, not '{raw[name]}'")
    if not isinstance(raw["verified"], bool):
        raise TemplateError(f"{where}: 'verified' must be true or false")
    for name in ("statute", "case", "registration_authority"):
        ref = raw.get(name)
        if ref and str(ref).partition(":")[0].strip() not in registry:
            raise TemplateError(f"{where}: '{name}' cites '{ref}', which is not in the authorities registry")
    return LongArm(
        code=code, state=str(raw["state"]), statute=str(raw["statute"]), reach=raw["reach"], reach_by=raw["reach_by"],
        case=str(raw["case"]) if raw.get("case") else None, registration=raw["registration"],
        registration_authority=str(raw["registration_authority"]) if raw.get("registration_authority") else None,
        registration_note=str(raw.get("registration_note") or ""), note=str(raw.get("note") or ""),
        verified=raw["verified"], source=str(raw["source"]), checked=str(raw["checked"]), origin=path,
        article=str(raw.get("article") or ""),
    )
