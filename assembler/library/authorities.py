"""The authorities registry: every case, statute, rule and constitutional provision, kept once and checked.

A clause never types a citation; it cites a registry key (``cite('daimler:139')``). Fixing a wrong volume
here fixes it in every clause and every future draft. ``verified`` records whether someone checked the
citation against a reliable copy; an unverified entry is reported on every render until someone does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assembler.yamlio import read_yaml_file
from assembler.errors import AuthorityError
from assembler.findings import Finding

KINDS = ("case", "statute", "rule", "constitution", "other")
FAVOURS = ("plaintiff", "defendant", "neutral")
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Authority:
    key: str
    kind: str
    verified: bool
    source: str
    # cases
    name: str = ""
    # the name as Bluebook Tables T6/T10 abbreviate it in a citation sentence (R10.2.2), kept as checked data
    # rather than guessed in code; empty where no word of the name abbreviates
    citation_name: str = ""
    short_name: str = ""
    volume: str = ""
    reporter: str = ""
    page: str = ""
    court: str = ""
    year: str = ""
    parenthetical: str = ""
    # a state court's case cited in the official reporter, with the regional reporter after the pinpoint
    # (Bluebook R. 10.3.1, T1): "71 N.Y.2d 460, 467, 522 N.E.2d 40 (1988)"; short forms keep the official one
    parallel: str = ""
    # a code's publisher and year, or year alone, after the section (Bluebook R. 12.3.2): "(2016)",
    # "(McKinney 2025)"; empty where no edition has been checked
    edition: str = ""
    # statutes, rules, constitutional provisions, other
    code: str = ""
    title: str = ""
    section: str = ""
    text: str = ""
    # what a case holds, on the point the library cites it for, and which side that outcome helps
    holding: str = ""
    outcome: str = ""   # e.g. "jurisdiction upheld", "dismissal affirmed", "injunction granted"
    favours: str = ""   # plaintiff | defendant | neutral
    # pinpoints where a case whose outcome favours one side states a standard either side may cite
    standard_pins: tuple[str, ...] = ()
    # a case may come out differently on different points (Zazzle: long-arm statute met, due process not):
    # pinpoint -> the side the holding at that pinpoint favours; a pinpoint not listed takes ``favours``
    outcomes: tuple[tuple[str, str], ...] = ()
    # a decision not yet in a reporter is cited by docket number and full date (Bluebook R10.8.1(a)):
    # ``Fuld v. Palestine Liberation Org., No. 24-20 (U.S. June 20, 2025)``; volume, reporter and page stay empty
    docket: str = ""
    decided: str = ""   # "June 20, 2025", with ``docket``
    pinpoints_confirmed: tuple[str, ...] = ()
    origin: Path | None = field(default=None, compare=False)

    @property
    def is_case(self) -> bool:
        return self.kind == "case"

    @property
    def is_slip(self) -> bool:
        """A case cited by docket number because no reporter page is known yet."""
        return self.is_case and bool(self.docket) and not self.volume

    @property
    def reporter_cites(self) -> list[tuple[str, str, str]]:
        """Volume, reporter and first page of each report of the case: the one cited, then a parallel one."""
        found = [(str(self.volume), self.reporter, str(self.page))] if self.is_case and self.volume else []
        parts = self.parallel.split()
        if self.is_case and len(parts) >= 3:
            found.append((parts[0], " ".join(parts[1:-1]), parts[-1]))
        return found

    def favours_at(self, pin: str | None) -> str:
        """The side the point cited at ``pin`` favours: the ``outcomes`` entry whose pages contain it; else
        ``neutral`` where the case states a standard there (``standard_pins``); else the case's ``favours``."""
        if pin:
            for where, side in self.outcomes:
                if pin_within(pin, where):
                    return side
            if self.states_standard_at(pin):
                return "neutral"
        return self.favours

    @property
    def sort_name(self) -> str:
        """The name a Table of Authorities sorts by."""
        return (self.name if self.is_case else self.base_cite()).lower()

    @property
    def sort_key(self) -> tuple:
        """Cases alphabetically; statutes and rules with their numbers as numbers ("Fed. R. Civ. P. 4" before
        "Fed. R. Civ. P. 12", "15 U.S.C." before "28 U.S.C.")."""
        return natural_key(self.sort_name)

    def base_cite(self) -> str:
        """The citation without a pinpoint or (for cases) the name: ``571 U.S. 117`` or ``15 U.S.C. § 1114``."""
        if self.is_slip:
            return self.docket
        if self.is_case:
            return f"{self.volume} {self.reporter} {self.page}"
        if self.kind == "statute":
            # Illinois Compiled Statutes cite chapter, act and section without a section sign: 735 ILCS 5/2-209
            section = self.section if "/" in self.section else f"§ {self.section}"
            return " ".join(p for p in (self.title, self.code, section) if p)
        if self.kind == "rule":
            return f"{self.code} {self.section}".strip()
        return self.text

    def full_plain(self, pin: str | None = None) -> str:
        """The full citation as plain text (no italics), as a Table of Authorities or eyecite reads it."""
        if self.is_case:
            pin_text = f", {pin}" if pin else ""
            date = self.date_parenthetical()
            extra = f" ({self.parenthetical})" if self.parenthetical else ""
            parallel = f", {self.parallel}" if self.parallel else ""
            return f"{self.name}, {self.base_cite()}{pin_text}{parallel} ({date}){extra}"
        return self.statute_cite(pin)

    def statute_cite(self, pin: str | None = None) -> str:
        """A statute's or rule's citation: section, subdivision, then the code's edition where one is given."""
        edition = f" ({self.edition})" if self.edition else ""
        return self.base_cite() + (_statute_pin(pin) if pin else "") + edition

    def date_parenthetical(self) -> str:
        """``2d Cir. 2010``; a slip opinion gives the court and the exact date: ``U.S. June 20, 2025``."""
        if self.is_slip:
            return " ".join(p for p in (self.court or "U.S.", self.decided) if p)
        return " ".join(p for p in (self.court, self.year) if p)

    def is_pin_confirmed(self, pin: str | None) -> bool:
        """A page cited inside a confirmed range is confirmed (``168`` inside ``167-69``); a footnote only as
        itself. A statute's or rule's subdivision is part of the citation, not a pinpoint, so never unconfirmed."""
        if pin is None or not self.is_case:
            return True
        return any(pin_within(pin, confirmed) for confirmed in self.pinpoints_confirmed)

    def states_standard_at(self, pin: str | None) -> bool:
        """Whether ``pin`` falls where the case states a standard rather than decides for one side."""
        return pin is not None and any(pin_within(pin, standard) for standard in self.standard_pins)


_PAGES = re.compile(r"^(\d+)(?:[-\u2013](\d+))?$")


def natural_key(text: str) -> tuple:
    """A sort key that orders the numbers inside ``text`` by value: "§ 9" before "§ 10", "4(k)" before "12(b)"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.lower())
                 for part in re.split(r"(\d+)", text) if part)


def pin_within(pin: str, outer: str) -> bool:
    """``pin`` names only pages inside ``outer`` ("413-14" inside "413-14"; "168" inside "167-69"). Footnote
    and other pinpoints ("139 n.19") match only themselves."""
    if pin == outer:
        return True
    inner_pages, outer_pages = _page_span(pin), _page_span(outer)
    return bool(inner_pages and outer_pages and outer_pages[0] <= inner_pages[0] <= inner_pages[1] <= outer_pages[1])


def _page_span(pin: str) -> tuple[int, int] | None:
    match = _PAGES.match(pin.strip())
    if not match:
        return None
    first, last = match.group(1), match.group(2)
    if last is None:
        return int(first), int(first)
    # "413-14" is 413 to 414: the second number keeps the first's leading digits
    last_full = first[: len(first) - len(last)] + last if len(last) < len(first) else last
    return int(first), int(last_full)


def _statute_pin(pin: str) -> str:
    """``(1)(a)`` attaches directly to a section; ``, cl. 1`` or ``n.2`` after a space."""
    return pin if pin.startswith(("(", ",", ".")) else f" {pin}"


@dataclass
class Registry:
    authorities: dict[str, Authority] = field(default_factory=dict)

    def get(self, key: str) -> Authority:
        try:
            return self.authorities[key]
        except KeyError:
            raise AuthorityError(f"no authority '{key}' in the registry (clauses/authorities.yaml)") from None

    def __contains__(self, key: str) -> bool:
        return key in self.authorities

    def __iter__(self):
        return iter(sorted(self.authorities.values(), key=lambda a: (KINDS.index(a.kind), a.sort_key)))

    def __len__(self) -> int:
        return len(self.authorities)

    def layered(self, other: Registry) -> Registry:
        """A registry where ``other``'s entries (a firm's) win over this one's on equal keys."""
        return Registry({**self.authorities, **other.authorities})


_CASE_FIELDS = ("name", "short_name", "volume", "reporter", "page", "year")


def load_registry(*paths: Path) -> Registry:
    """Read a layer's registry files as one. Every problem is an :class:`AuthorityError` naming the file and key;
    a key listed in two files is refused, since two entries for one authority can disagree."""
    registry = Registry()
    for path in paths:
        for key, authority in _load_registry_file(path).authorities.items():
            if key in registry:
                raise AuthorityError(f"{path}: authority '{key}' is also listed in {registry.authorities[key].origin}")
            registry.authorities[key] = authority
    return registry


def _load_registry_file(path: Path) -> Registry:
    data = read_yaml_file(path, lambda problem: AuthorityError(f"{path}: authorities registry {problem}")) or {}
    entries = data.get("authorities") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise AuthorityError(f"{path}: expected a top-level 'authorities:' list")
    registry = Registry()
    for index, entry in enumerate(entries):
        authority = _parse_entry(path, index, entry)
        if authority.key in registry:
            raise AuthorityError(f"{path}: authority '{authority.key}' is listed twice")
        registry.authorities[authority.key] = authority
    return registry


def _parse_entry(path: Path, index: int, entry: Any) -> Authority:
    if not isinstance(entry, dict):
        raise AuthorityError(f"{path}: entry {index + 1} is not a mapping")
    key = str(entry.get("key", ""))
    where = f"{path}: authority '{key or index + 1}'"
    if not _KEY.match(key):
        raise AuthorityError(f"{where}: 'key' must be lower-case letters, digits and hyphens")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise AuthorityError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    if "verified" not in entry or not isinstance(entry["verified"], bool):
        raise AuthorityError(f"{where}: 'verified' must be true or false")
    slip = kind == "case" and entry.get("docket") and not entry.get("volume")
    if slip and not entry.get("decided"):
        raise AuthorityError(f"{where}: a case cited by 'docket' needs 'decided' (the full date, e.g. June 20, 2025)")
    required = (("name", "short_name", "year") if slip else _CASE_FIELDS) if kind == "case" else {"statute": ("code", "section"), "rule": ("code", "section")}.get(
        kind, ("text",)
    )
    missing = [name for name in required if not str(entry.get(name, "") or "").strip()]
    if missing:
        raise AuthorityError(f"{where}: missing {', '.join(missing)}")
    known = set(Authority.__dataclass_fields__) - {"origin"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise AuthorityError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if entry.get("favours") not in (None, "", *FAVOURS):
        raise AuthorityError(f"{where}: 'favours' must be one of {', '.join(FAVOURS)}")
    outcomes = entry.get("outcomes") or {}
    if not isinstance(outcomes, dict) or any(str(v) not in FAVOURS for v in outcomes.values()):
        raise AuthorityError(f"{where}: 'outcomes' must map pinpoints to one of {', '.join(FAVOURS)}")
    lists = ("pinpoints_confirmed", "standard_pins")
    for name in lists:
        if not isinstance(entry.get(name) or [], list):
            raise AuthorityError(f"{where}: '{name}' must be a list of pinpoints")
    values = {k: ("" if v is None else str(v)) for k, v in entry.items() if k not in ("verified", "outcomes", *lists)}
    pins = {name: tuple(str(p) for p in entry.get(name) or ()) for name in lists}
    return Authority(verified=entry["verified"], origin=path, **pins, **values,
                     outcomes=tuple((str(k), str(v)) for k, v in outcomes.items()))


# --- verification -----------------------------------------------------------------------------------------


def verify_registry(registry: Registry) -> list[Finding]:
    """Check every entry the way a cite-checker would, with eyecite and reporters-db.

    Errors: the full form does not parse as the right kind of citation, the reporter is unknown, the year is
    outside the reporter's span, the short name is not drawn from the case name. Warnings: entries marked
    unverified, and kinds eyecite cannot parse (court rules, constitutional provisions), checked by form only.
    """
    findings: list[Finding] = []
    for authority in registry:
        findings.extend(verify_authority(authority))
    findings.extend(short_form_collisions(registry))
    return findings


def short_form_collisions(registry: Registry) -> list[Finding]:
    """A short form must point at one case only (R. 10.9): "Brown" would name *Brown v. Lockheed* and *Goodyear
    Dunlop Tires Operations, S.A. v. Brown* alike. Errors where one case's short name is another's short name or
    one of its parties."""
    cases = [a for a in registry if a.is_case and a.short_name]
    found = []
    for case in cases:
        short = case.short_name.strip().lower()
        for other in cases:
            if other is case:
                continue
            parties = {p.strip().lower() for name in (other.name, other.citation_name) if name for p in name.split(" v. ")}
            if short == other.short_name.strip().lower() or short in parties:
                found.append(Finding(case.key, level="error",
                                     message=f"short name '{case.short_name}' also names '{other.key}' "
                                             f"({other.name}); give it one that cannot collide"))
                break
    return found


# A docket number as Bluebook R10.8.1(a) cites it: an appellate "No. 24-20", or a district court's own form
# ("No. 23 C 2965" in N.D. Ill., "No. 1:23-cv-02965", "No. 18-CV-2897").
_DOCKET = re.compile(r"No\. (?:\d{2}-\d+|(?:\d:)?\d{2}(?:-| )(?:cv|CV|C)(?:-| )\d+)")


def verify_authority(authority: Authority) -> list[Finding]:
    from eyecite import get_citations
    from eyecite.models import FullCaseCitation, FullLawCitation

    key, found = authority.key, []
    if not authority.verified:
        found.append(Finding(key, level="warning",
                             message="marked unverified: check it against an official reporter"))
    text = replace(authority, parallel="").full_plain()
    if authority.parallel:
        # the parallel report is checked as its own citation: eyecite reads one reporter per citation
        found += verify_authority(replace(authority, volume=authority.reporter_cites[-1][0],
                                                      reporter=authority.reporter_cites[-1][1],
                                                      page=authority.reporter_cites[-1][2], parallel="",
                                                      verified=True)) if len(authority.reporter_cites) == 2 else [
            Finding(key, level="error", message=f"parallel '{authority.parallel}' is not volume, reporter and page")]
    if authority.is_slip:
        if not _DOCKET.fullmatch(authority.docket):
            found.append(Finding(key, level="error",
                                 message=f"docket '{authority.docket}' is not in the form 'No. 24-20' "
                                         "(or a district court's 'No. 23 C 2965', 'No. 1:23-cv-02965')"))
        if not re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}, (\d{4})", authority.decided) or not authority.decided.endswith(authority.year):
            found.append(Finding(key, level="error", message=f"decided '{authority.decided}' is not a date like "
                                                             f"'June 20, 2025' in {authority.year}"))
        return found
    if authority.is_case:
        cites = [c for c in get_citations(text) if isinstance(c, FullCaseCitation)]
        if len(cites) != 1:
            return found + [Finding(key, level="error",
                                    message=f"eyecite does not read '{text}' as one case citation")]
        cite = cites[0]
        parsed = (cite.groups.get("volume"), cite.groups.get("reporter"), cite.groups.get("page"))
        if parsed != (authority.volume, authority.reporter, authority.page):
            found.append(Finding(key, level="error",
                                 message=f"eyecite reads '{text}' as {' '.join(map(str, parsed))}"))
        if not cite.all_editions:
            found.append(Finding(key, level="error",
                                 message=f"reporters-db does not know the reporter '{authority.reporter}'"))
        elif not any(_year_in_span(authority.year, ed.start, ed.end) for ed in cite.all_editions):
            spans = ", ".join(_span(ed.start, ed.end) for ed in cite.all_editions)
            found.append(Finding(key, level="error",
                                 message=f"year {authority.year} is outside {authority.reporter}'s span ({spans})"))
        if authority.short_name and not any(_short_name_in(authority.short_name, n) for n in (authority.name, authority.citation_name) if n):
            found.append(Finding(key, level="error",
                                 message=f"short name '{authority.short_name}' is not drawn from '{authority.name}'"))
    elif authority.kind == "statute":
        if not any(isinstance(c, FullLawCitation) for c in get_citations(text)):
            if _known_code(authority.code):
                # reporters-db knows the code, but its pattern misses some real section forms (223A, 78B-3-201)
                found.append(Finding(key, level="warning",
                                     message=f"eyecite's pattern for '{authority.code}' does not parse "
                                             f"'{text}'; its form was checked by hand"))
            else:
                found.append(Finding(key, level="error",
                                     message=f"eyecite does not read '{text}' as a statute citation"))
    elif authority.kind == "rule":
        if not re.match(r"^(Fed\. R\. (Civ|App|Evid|Crim)\. P\.|Fed\. R\. Evid\.|[A-Z][\w.]*,?( [\w.]+,?)*? (Local )?(Civ(il)?\. )?R\.)", text):
            found.append(Finding(key, level="error",
                                 message=f"'{text}' is not in the form of a court rule citation"))
    return found


def _known_code(code: str) -> bool:
    """Whether reporters-db lists ``code`` (or the code it begins with: "Mass. Gen. Laws" for "… ch. 223A,")."""
    from reporters_db import LAWS

    code = code.rstrip(", ")
    return any(code == name or code.startswith(name + " ") for name in LAWS)


def _year_in_span(year: str, start: Any, end: Any) -> bool:
    try:
        value = int(year)
    except ValueError:
        return False
    return (start is None or start.year <= value) and (end is None or value <= end.year)


def _span(start: Any, end: Any) -> str:
    return f"{start.year if start else '?'}–{end.year if end else 'present'}"


def _short_name_in(short: str, name: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"[\w'’&]+", s.lower())

    return all(word in words(name) for word in words(short))
