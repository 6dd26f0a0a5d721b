"""The words around the body of a paper, decided here so the Word writer only lays them out: the caption's
parties and court lines, counsel's signature block, the judge's line on an order, and the signature under a
certificate of service.

Signatures follow CM/ECF practice: an electronically filed paper is signed "/s/ Name" by the filing
attorney (Fed. R. Civ. P. 5(d)(3)(C) and each district's ECF rules), the certificate of service is signed the
same way, counsel are "Attorneys for Defendant" and the client's full legal name, and a bar number takes the
form the court's rules ask for (``bar_number`` in court-rules.yaml, e.g. E.D. Mo.'s "#12345(MO)"). An order
ends with a blank line for the judge's signature over "United States District Judge", without "Hon."; the
judge's name, when known, goes under the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assembler.library.courtrules import CourtRules
from assembler.library.courts import Court, state_name
from assembler.text.clausetext import join_and, longdate

SIGNATURE_LINE = "_________________________________"


@dataclass(frozen=True)
class CaptionSide:
    lines: tuple[str, ...]  # the parties' names as the caption sets them, each line ending in its comma
    role: str  # "Plaintiff", "Defendants"


@dataclass(frozen=True)
class Caption:
    court_lines: tuple[str, ...]
    versus: str
    plaintiffs: CaptionSide
    defendants: CaptionSide
    case_number: str
    judge: str


@dataclass(frozen=True)
class SignatureBlock:
    """What closes a paper: a dated line (counsel's papers) and the signature lines under it."""

    dated: str | None
    lines: tuple[str, ...]


def caption(context: dict[str, Any], court: Court) -> Caption:
    def side(parties: Any, override: str | None) -> CaptionSide:
        if override:
            lines = [override.upper() + ","]
        elif len(parties) > 2:
            lines = [f"{parties[0]['name'].upper()}, et al.,"]
        else:
            names = [p["name"].upper() for p in parties]
            lines = [f"{n}{',' if i < len(names) - 1 else ''}" for i, n in enumerate(names)]
            if len(lines) == 2:
                lines = [lines[0].rstrip(","), "and " + lines[1]]
            lines[-1] += ","
        return CaptionSide(tuple(lines), parties.word)

    division = context.get("division")
    return Caption(
        court_lines=tuple(court.caption_lines) + ((f"{division.upper()} DIVISION",) if division else ()),
        versus=court.versus,
        plaintiffs=side(context["plaintiffs"], context.get("caption_plaintiffs")),
        defendants=side(context["defendants"], context.get("caption_defendants")),
        case_number=str(context["case_number"]),
        judge=str(context.get("judge") or ""),
    )


def judge_signature(context: dict[str, Any]) -> SignatureBlock:
    judge = str(context.get("judge") or "")
    return SignatureBlock(None, (SIGNATURE_LINE, *((judge.upper(),) if judge else ()), "United States District Judge"))


def counsel_signature(context: dict[str, Any], court: Court, rules: CourtRules) -> SignatureBlock:
    filer = context.get("filer") or {}
    attorneys = filer.get("attorneys") or []
    lines = ["Respectfully submitted,", ""]
    if filer.get("firm"):
        lines += [str(filer["firm"]).upper(), ""]
    for index, attorney in enumerate(attorneys):
        name = str(attorney["name"])
        lines.append(f"By: /s/ {name}" if index == 0 else name)
        if attorney.get("bar_number"):
            lines.append(bar_number(str(attorney["bar_number"]), court, rules))
    lines += [str(line) for line in filer.get("address") or []]
    if filer.get("phone"):
        lines.append(f"Tel.: {filer['phone']}")
    lines += [str(a["email"]) for a in attorneys if a.get("email")]
    client = _client(context)
    if client:
        lines += ["", f"Attorneys for {client}"]
    dated = context.get("filing_date")
    place = signing_place(filer.get("address") or [])
    when = longdate(dated) if dated else "____________________"
    return SignatureBlock(f"Dated: {place + ', ' if place else ''}{when}", tuple(lines))


def service_signature(context: dict[str, Any]) -> tuple[str, ...]:
    """The filing attorney's "/s/" signature under the certificate of service."""
    attorneys = (context.get("filer") or {}).get("attorneys") or []
    return ("", f"/s/ {attorneys[0]['name']}") if attorneys else ("", SIGNATURE_LINE)


def bar_number(number: str, court: Court, rules: CourtRules) -> str:
    """The bar number in the court's form: ``{number}`` as answered, ``{digits}`` its leading digits,
    ``{state}`` the court's state postal code in capitals."""
    digits = re.match(r"\d*", number.strip()).group(0) or number.strip()
    return rules.bar_number.format(number=number.strip(), digits=digits, state=court.state_code.upper())


def signing_place(address: list[Any]) -> str:
    """"St. Louis, Missouri" from an address whose last line is "St. Louis, Missouri 63101" or "St. Louis, MO
    63101"; empty when the last line is not in that form."""
    if not address:
        return ""
    match = re.fullmatch(r"\s*(.+?),\s*([A-Za-z][A-Za-z .]+?)\.?\s+\d{5}(?:-\d{4})?\s*", str(address[-1]))
    if not match:
        return ""
    city, state = match.group(1).strip(), match.group(2).strip()
    return f"{city}, {state_name(state) or state}"


def _client(context: dict[str, Any]) -> str:
    """"Defendant Alibaba Group Holding Limited": the movants (or the parties the filer represents) by full legal
    name, with the role word that agrees with them."""
    movants = context.get("movants")
    if movants:
        return f"{movants.word} {join_and(p.name for p in movants)}"
    represented = [str(s) for s in (context.get("filer") or {}).get("represents") or []]
    if not represented:
        return ""
    for side in ("defendants", "plaintiffs"):
        parties = [p for p in context.get(side) or [] if p.short_name in represented]
        if parties and len(parties) == len(represented):
            role = context[side].role
            return f"{role}{'s' if len(parties) > 1 else ''} {join_and(p.name for p in parties)}"
    return join_and(represented)
