"""How the draft uses its authorities, judged against what the registry says each case held.

A case whose outcome favours the other side may be cited for the standard it states (its ``standard_pins``),
met head-on (*but see*, *cf.*, *but cf.*, *contra*, or a parenthetical that distinguishes it), or cited with no
signal after a sentence that states what it held ("In *Ford*, the Court held …": Bluebook R. 1.2), never as
support. A case the registry marks unverified must be checked before filing. Citations are found with
eyecite in the draft as it now stands, and matched to the registry by volume, reporter and first page; short
forms and *id.* count as citations of the case they refer back to.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterable
from typing import Any

from assembler.library.authorities import Authority, Registry

Flag = tuple[str, str]

# The side each document is written for: the movant's. A Rule 12(b)(2) paper is the defendant's; an
# injunction order is proposed by the plaintiff.
MOVANT_SIDE = {
    "rule-12b2-motion": "defendant", "rule-12b2-notice": "defendant", "rule-12b2-proposed-order": "defendant",
    "pi-order": "plaintiff", "tro-order": "plaintiff",
}
_AGAINST = re.compile(r"(?:^|[\s,(])(?:but\s+see|but\s+cf\.|cf\.|contra|compare)\s", re.IGNORECASE)
# where a new sentence begins (case names are full of abbreviations: "Co. v. Mont. Eighth Jud. Dist. Ct.")
_PERIOD_BREAK = (r"(?<=[a-z\"”)])(?<![Cc]f)(?<!e\.g)(?<!\bv)\.\s+(?=[A-Z][a-z]+\s+[a-z]|(?:The|This|That|It|In|Those|"
                 r"These|Plaintiffs?|Defendants?)\b)")
_SENTENCE_BREAK = re.compile(_PERIOD_BREAK + r"|\(\d{4}\)")  # or the end of an earlier citation
_NEW_SENTENCE = re.compile(_PERIOD_BREAK)
_QUOTED_IN = re.compile(r"\((?:quoting|citing|alteration in original|internal quotation marks omitted)\b[^()]*(?:\([^()]*\)[^()]*)*$",
                        re.IGNORECASE)
_DISTINGUISHING = re.compile(r"\b(?:distinguishing|distinguished|rejecting|declining|reversing|abrogated|overruled)\b",
                             re.IGNORECASE)
# a sentence that reports a holding; with no signal before the citation, the citation is its source
_STATES_HOLDING = re.compile(r"\b(?:held|holds|holding|upheld|found|concluded|ruled|wrote)\b", re.IGNORECASE)
_SUPPORTING = re.compile(r"(?:^|[\s,(;])(?:see|see\s+also|accord|e\.g\.)[\s,]", re.IGNORECASE)
# the pinpoint and court-and-year parenthetical, then an explanatory parenthetical that meets the case
_DISTINGUISHED = re.compile(r"^[\s,\d\-–n.]*(?:\([^)]*\d{4}\)\s*)?\([^)]*" + _DISTINGUISHING.pattern, re.IGNORECASE)


def _registry_index(registry: Registry) -> dict[tuple[str, str, str], Authority]:
    return {cite: a for a in registry if a.is_case for cite in a.reporter_cites}


def cited_authorities(text: str, registry: Registry) -> list[tuple[Any, Authority]]:
    """Each case citation in ``text`` (full, short or id.) with the registry authority it refers to."""
    from eyecite import get_citations, resolve_citations
    from eyecite.models import FullCaseCitation

    logging.getLogger("eyecite").setLevel(logging.ERROR)
    index = _registry_index(registry)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        citations = get_citations(text)
        groups = resolve_citations(citations)
    found: dict[int, tuple[Any, Authority]] = {}
    for resource, members in groups.items():
        full = getattr(resource, "citation", None)
        if not isinstance(full, FullCaseCitation):
            continue
        authority = index.get((full.groups.get("volume", ""), full.corrected_reporter(), full.groups.get("page", "")))
        if authority is None:
            continue
        for member in members:
            found[member.span()[0]] = (member, authority)
    return [found[start] for start in sorted(found)]


def _pin(citation: Any) -> str | None:
    pin = getattr(citation.metadata, "pin_cite", None)
    if pin:
        return pin.replace("at ", "").strip(" ,")
    return None


def _citation_clauses(before: str) -> list[str]:
    """The clauses of the citation sentence that ``before`` ends in, each up to a ";": the last as far back as
    its case name and signal, the earlier ones as far back as the sentence's start."""
    *earlier, last = before.split(";")
    clauses = [_SENTENCE_BREAK.split(last)[-1]]
    for clause in reversed(earlier):
        parts = _NEW_SENTENCE.split(clause)
        clauses.insert(0, parts[-1])
        if len(parts) > 1:
            break
    return clauses


def _governing_signal(clauses: list[str]) -> str | None:
    """The signal governing the last citation clause of a citation sentence: "against" (*but see*, *cf.* ...),
    "support" (*see*, *see also*, *e.g.*, *accord*) or None.

    A signal carries through a string citation until another replaces it (Bluebook R. 1.2): in "*But see* A;
    B." the *but see* governs B too, while in "*But see* A; *see also* B." B is cited as support."""
    for clause in reversed(clauses):
        if _AGAINST.search(clause):
            return "against"
        if _SUPPORTING.search(clause):
            return "support"
    return None


def adverse_as_support(text: str, cited: Iterable[tuple[Any, Authority]], side: str) -> list[Flag]:
    flags: list[Flag] = []
    met: dict[str, int] = {}  # authority key -> paragraph in which a citation of it was met with but see / cf.
    last_pin: dict[str, str | None] = {}
    previous_end, supported = 0, ""
    for citation, authority in cited:
        start = citation.full_span()[0]
        paragraph = text.count("\n\n", 0, start)
        # the words this citation is the source of: the text since the citation before it in the paragraph
        # (a string cite joined by "; " shares the words of its first member)
        between = text[max(previous_end, text.rfind("\n", 0, start) + 1):start]
        if between.strip(" ;") or not supported:
            supported = between
        previous_end = citation.full_span()[1]
        # a bare id. repeats the pinpoint before it; an id. or short form in a paragraph that met the case
        # with but see or cf. continues that discussion
        pin = _pin(citation) or (last_pin.get(authority.key) if type(citation).__name__ == "IdCitation" else None)
        last_pin[authority.key] = pin
        if authority.favours in ("", "neutral", side) or authority.states_standard_at(pin):
            continue
        # what comes before the reporter citation in the same citation clause: the case name, and before it
        # the signal, or "(quoting" when another court's opinion is the source of words quoted
        clauses = _citation_clauses(text[max(0, citation.span()[0] - 600): citation.span()[0]])
        if _QUOTED_IN.search(clauses[-1]):
            continue
        signal = _governing_signal(clauses)
        if signal == "against":
            met[authority.key] = paragraph
            continue
        parenthetical = getattr(citation.metadata, "parenthetical", None) or ""
        if _DISTINGUISHING.search(parenthetical) or _DISTINGUISHED.search(text[citation.span()[1]:citation.span()[1] + 200]):
            met[authority.key] = paragraph
            continue
        if met.get(authority.key) == paragraph:
            continue
        if signal is None and _STATES_HOLDING.search(supported):
            met[authority.key] = paragraph  # no signal, after the sentence that says what the case held
            continue
        outcome = f" ({authority.outcome})" if authority.outcome else ""
        flags.append(("authorities", f"{authority.short_name or authority.name}{outcome} favours the "
                                     f"{authority.favours}, but this {side}'s paper cites it in support, without "
                                     f"but see, cf. or a distinguishing parenthetical: \"{citation.matched_text()}\""))
    return flags


def unverified(cited: Iterable[tuple[Any, Authority]]) -> list[Flag]:
    flags, seen = [], set()
    for _, authority in cited:
        if not authority.verified and authority.key not in seen:
            seen.add(authority.key)
            flags.append(("authorities", f"{authority.full_plain()} is not verified in the registry: check it "
                                         "against a reliable copy before filing"))
    return flags


def authority_flags(text: str, registry: Registry, template_id: str | None) -> list[Flag]:
    """Both rules over the draft's body text; the adverse-authority rule needs to know whose paper it is."""
    cited = cited_authorities(text, registry)
    side = MOVANT_SIDE.get(template_id or "")
    return (adverse_as_support(text, cited, side) if side else []) + unverified(cited)
