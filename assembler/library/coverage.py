"""Which district courts the library serves, and how far what it serves there has been checked.

For each of the 94 courts, :func:`court_coverage` reads the circuit, the forum state's long-arm entry
(``templates/long-arm.yaml``: verified, unverified or none, with the statute's citation) and the court's local
rules (``templates/court-rules.yaml``: confirmed from the rule's text, unconfirmed, or none recorded, with the
limit they set). For a court and a template, :func:`template_service` walks the template's clause slots as the
assembly will and names each piece the paper rests on: the circuit's own clauses, the long-arm statute, the
local rules, and the paper the court takes (a notice of motion or a motion). A piece that is missing means the
template cannot be assembled in that court, and the piece's detail says why in the words the refusal uses.

Plain data, no printing: ``assembler courts``, ``clauses list --court`` and the interview's court question
all read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from assembler.errors import AssemblerError
from assembler.library.courtrules import CourtRules, rules_table
from assembler.library.courts import Court, district_courts
from assembler.library.loading import Library
from assembler.library.longarm import LONG_ARM_FILE, LongArm
from assembler.library.templates import Section, Slot, Template, all_templates

# Pieces a template needs: these statuses mean it cannot be assembled in the court.
BLOCKING = ("missing", "refused")
PAPER_TEMPLATES = {"notice": "rule-12b2-notice", "motion": "rule-12b2-motion-paper"}
PAPERS = ("memorandum", *PAPER_TEMPLATES)  # the kinds a court's local rules on motions govern
_LONG_ARM_TAGS = ("long-arm-coextensive", "long-arm-enumerated")


@dataclass(frozen=True)
class LongArmCoverage:
    """The forum state's long-arm entry: ``verified``, ``unverified`` or ``none`` (no entry)."""

    status: str
    statute: str = ""  # "735 Ill. Comp. Stat. 5/2-209"
    reach: str = ""  # coextensive | enumerated
    checked: str = ""

    @property
    def label(self) -> str:
        return f"{self.statute}: {self.status}" if self.statute else self.status


@dataclass(frozen=True)
class LocalRuleCoverage:
    """The court's local-rule entry: ``confirmed`` (read from the rule's text on ``checked``), ``unconfirmed``, or
    ``none`` (no entry: the default, which sets no limit)."""

    status: str
    rule: str = ""
    limit: str = ""  # "15 pages", "8,750 words", or "" where no limit is recorded
    motion_form: str = ""  # notice | motion | "" (either)
    checked: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        if self.status == "none":
            return "none recorded"
        return f"{self.rule}, {self.limit or 'no limit recorded'}: {self.status}"


@dataclass(frozen=True)
class Piece:
    """One thing a template rests on in a court. ``status``: verified | unverified (clauses and the long-arm
    entry), confirmed | unconfirmed | none (local rules), missing | refused (the template cannot be assembled)."""

    name: str  # "Third Circuit standard", "Pennsylvania long-arm 42 Pa. Cons. Stat. § 5322", "local rules"
    status: str
    detail: str = ""  # clause versions, the rule and its limit, or why the piece is missing

    @property
    def blocking(self) -> bool:
        return self.status in BLOCKING

    def __str__(self) -> str:
        return f"{self.name}: {self.status}"


@dataclass(frozen=True)
class Service:
    """Whether the library can assemble ``template`` in ``court``, and the status of each piece it rests on."""

    template: str
    court: str
    pieces: tuple[Piece, ...]

    @property
    def served(self) -> bool:
        return not any(p.blocking for p in self.pieces)

    @property
    def problem(self) -> str:
        """Why the template cannot be assembled here (the first missing piece), or ""."""
        return next((p.detail for p in self.pieces if p.blocking), "")

    @property
    def summary(self) -> str:
        """'Third Circuit standard: verified; Pennsylvania long-arm 42 Pa. Cons. Stat. § 5322: verified; local
        rules E.D. Pa. L.R. 7.1(c): unconfirmed', or the reason the court is not served."""
        if not self.served:
            return f"not served: {self.problem}"
        return "; ".join(str(p) for p in self.pieces) or "served: no court-specific pieces"


@dataclass(frozen=True)
class Coverage:
    """One district court: its circuit, its state's long-arm entry, its local rules, and each template's service."""

    court: str  # courts-db id, "ilnd"
    district: str
    citation: str  # "N.D. Ill."
    state: str
    circuit: str  # "Seventh Circuit"
    long_arm: LongArmCoverage
    local_rules: LocalRuleCoverage
    templates: dict[str, Service] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """For ``--format json``: every field, and each template as ``served``, ``summary`` and its pieces."""
        data = asdict(self)
        data["templates"] = {tid: {"served": s.served, "summary": s.summary,
                                   "pieces": [asdict(p) for p in s.pieces]} for tid, s in self.templates.items()}
        return data


def long_arm_coverage(library: Library, court: Court) -> LongArmCoverage:
    entry = library.long_arm.get(court.state_code)
    if entry is None:
        return LongArmCoverage("none")
    return LongArmCoverage("verified" if entry.verified else "unverified", _statute(library, entry), entry.reach,
                           entry.checked)


def local_rule_coverage(rules: CourtRules) -> LocalRuleCoverage:
    if rules.is_default:
        return LocalRuleCoverage("none")
    return LocalRuleCoverage("confirmed" if rules.confirmed else "unconfirmed", rules.rule, limit_of(rules),
                             rules.motion_form or "", rules.checked, rules.source)


def limit_of(rules: CourtRules) -> str:
    """The length limit a court's rules set for a memorandum: "8,750 words", "15 pages", or ""."""
    if rules.limit_words:
        return f"{rules.limit_words:,} words"
    if rules.limit_pages:
        return f"{rules.limit_pages} pages"
    return ""


def paper_form_problem(template: Template, rules: CourtRules, court: Court) -> str:
    """Why the court does not take this template's paper ("takes a notice of motion (rule); assemble … instead"),
    or "" when it does, or when no rule on the form is recorded."""
    if template.kind not in PAPER_TEMPLATES or rules.motion_form in (None, template.kind):
        return ""
    wanted = "a notice of motion" if rules.motion_form == "notice" else "a motion stating its grounds"
    return (f"template {template.id}: the {court.district} takes {wanted} ({rules.motion_rule}); "
            f"assemble {PAPER_TEMPLATES[rules.motion_form]} instead")


def missing_clause_problem(template: Template, slot: Slot, court: Court) -> str:
    """The refusal when no clause of a slot applies in the court (the words the assembly uses)."""
    return (f"template {template.id} needs one of {', '.join(slot.refs)}, but none applies in the "
            f"{court.district} ({court.circuit_name}); add one to your firm library (--library)")


def template_service(library: Library, template: Template, court: Court,
                     rules: CourtRules | None = None) -> Service:
    """What ``template`` rests on in ``court``, piece by piece, judged as the assembly will choose its clauses
    (every slot counted, whatever the answers' conditions, so a court is never served for some matters only)."""
    if rules is None:
        from assembler.library.courtrules import rules_for

        rules = rules_for(library.template_dirs, court.id)
    pieces: list[Piece] = []
    refused = paper_form_problem(template, rules, court)
    if refused:
        pieces.append(Piece("paper", "refused", refused))
    circuit: list[str] = []
    unverified: list[str] = []
    needs_long_arm = False
    court_ids = library.coverage_ids(court)
    for slot in _slots(template.sections):
        chosen = None
        for ref in slot.refs:
            clause = library.clauses.get(ref.partition("@")[0])
            needs_long_arm = needs_long_arm or (clause is not None and _argues_long_arm(clause))
            if chosen is None and clause is not None and clause.applies_in(court_ids):
                chosen = clause, ref
        if chosen is None:
            if not slot.optional:
                pieces.append(Piece(" or ".join(slot.refs), "missing", missing_clause_problem(template, slot, court)))
            continue
        clause, ref = chosen
        try:
            _, version = library.resolve(ref)
        except AssemblerError as exc:
            pieces.append(Piece(clause.id, "missing", f"template {template.id}: {exc}"))
            continue
        if court.circuit in clause.applies_to:
            circuit.append(f"{clause.id}@{version.version}")
            if version.status != "approved" or _citation_problems(library, clause, version):
                unverified.append(f"{clause.id}@{version.version}")
    if circuit:
        standard_only = all(library.clauses[c.partition("@")[0]].category == "legal-standard" for c in circuit)
        name = f"{court.circuit_name} {'standard' if standard_only else 'law'}"
        detail = ", ".join(circuit) + (f" (not approved, or citing unverified authority: {', '.join(unverified)})"
                                       if unverified else "")
        pieces.insert(1 if refused else 0, Piece(name, "unverified" if unverified else "verified", detail))
    if needs_long_arm:
        pieces.append(_long_arm_piece(library, court))
    if template.kind in PAPERS:
        local = local_rule_coverage(rules)
        name = "local rules" if local.status == "none" else f"local rules {local.rule}"
        detail = (f"{local.limit or 'no limit recorded'}; checked {local.checked or 'never'}" if local.status != "none"
                  else "no local rules recorded for this court; no length limit is checked")
        pieces.append(Piece(name, local.status, detail))
    return Service(template.id, court.id, tuple(pieces))


def court_service(library: Library, template: Template) -> Callable[[str], Service]:
    """``template``'s service in a court, by court id: what the interview's court question asks as a court is typed."""
    from assembler.library.courts import court

    return lambda court_id: template_service(library, template, court(court_id))


def court_coverage(library: Library, court_ids: list[str] | None = None) -> list[Coverage]:
    """The coverage of every district court (or of ``court_ids``), in the order of the 94-court table's ids."""
    courts = district_courts()
    templates = all_templates(library.template_dirs)
    table = rules_table(library.template_dirs)
    found: list[Coverage] = []
    for court_id in court_ids if court_ids is not None else sorted(courts):
        court = courts[court_id]
        rules = table.get(court.id) or table.get("default") or CourtRules(court="default", rule="no court rules recorded")
        found.append(Coverage(
            court=court.id, district=court.district, citation=court.citation, state=court.state,
            circuit=court.circuit_name, long_arm=long_arm_coverage(library, court),
            local_rules=local_rule_coverage(rules),
            templates={t.id: template_service(library, t, court, rules) for t in templates},
        ))
    return found


def _long_arm_piece(library: Library, court: Court) -> Piece:
    entry = library.long_arm.get(court.state_code)
    if entry is None:
        return Piece(f"{court.state} long-arm", "missing",
                     f"{LONG_ARM_FILE} lists no long-arm statute for {court.state}; add it to your firm library "
                     "(--library)")
    status = "verified" if entry.verified else "unverified"
    detail = f"{entry.reach}; checked {entry.checked}" + ("" if entry.verified else "; --strict refuses it")
    return Piece(f"{entry.state} long-arm {_statute(library, entry)}", status, detail)


def _statute(library: Library, entry: LongArm) -> str:
    key = entry.statute.partition(":")[0].strip()
    return library.registry.get(key).base_cite() if key in library.registry else key


def _argues_long_arm(clause: Any) -> bool:
    """A clause chosen by the reach of the forum's long-arm statute: a template with one argues the statute."""
    return any(tag in clause.applies_to for tag in _LONG_ARM_TAGS)


def _citation_problems(library: Library, clause: Any, version: Any) -> list[str]:
    from assembler.library.citerules import citation_problems

    return citation_problems(library.registry, clause, version)


def _slots(sections: list[Section]) -> Iterator[Slot]:
    for section in sections:
        yield from section.slots
        yield from _slots(section.sections)
