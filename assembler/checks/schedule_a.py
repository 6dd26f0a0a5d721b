"""What an N.D. Ill. judge bounces in a Schedule A TRO or injunction, read from the order as it now stands.

Four rules, each tied to its source: a TRO issued without notice must state the Rule 65(b)(1) findings and its
Rule 65(b)(2) expiry; an asset restraint may reach only what an equitable accounting could award (Grupo
Mexicano), so it needs a cap and a way to modify it; an order that restrains the sellers "identified in
Schedule A" must annex Schedule A (Rule 65(d)(1)(C), (d)(2)); and a marketplace, processor or registrar is bound
only on actual notice and in active concert or participation (Rule 65(d)(2)(C)).
"""

from __future__ import annotations

import re
from typing import Any

from assembler.findings import Finding

_TRO = re.compile(r"TEMPORARY RESTRAINING ORDER", re.IGNORECASE)
_WITHOUT_NOTICE = re.compile(r"\bwithout notice\b|\bex parte\b", re.IGNORECASE)
_INJURY_FINDING = re.compile(r"immediate and irreparable (?:injury|harm)", re.IGNORECASE)
_CERTIFIED = re.compile(r"\bcertifi(?:ed|cation)\b", re.IGNORECASE)
_EXPIRY = re.compile(r"\bexpires?\b[^.]*?\b(\d+|fourteen|seven|ten)\s+days?\b", re.IGNORECASE)
_WORDS = {"seven": 7, "ten": 10, "fourteen": 14}
_ASSET = re.compile(r"\b(?:funds|assets|accounts?)\b", re.IGNORECASE)
_RESTRAIN = re.compile(r"\b(?:restrain\w*|freez\w*|shall not transfer|not transfer or dispose)\b", re.IGNORECASE)
_CAP = re.compile(r"\$\s?[\d,]+(?:\.\d\d)?", re.IGNORECASE)
_MODIFY = re.compile(r"\bmove to (?:modify|release)|\bmotion to (?:modify|release)|\bmodify or release\b", re.IGNORECASE)
_SCHEDULE_REF = re.compile(r"\b(?:identified|listed|named) (?:in|on) Schedule A\b", re.IGNORECASE)
_THIRD_PARTY = re.compile(r"\b(?:marketplaces?|payment processors?|Third Party Providers?|registr(?:y|ar|ies|ars))\b",
                          re.IGNORECASE)
# a paragraph binds a third party when the binding word governs it, in one clause (up to a semicolon): "an online
# marketplace ... is bound by it", "this Order binds ... payment processors"; not "an agreement that binds the
# United States" in a paragraph that elsewhere names the marketplace a seller gave its email address to
_BINDS_THIRD_PARTY = re.compile(
    r"\bbinds\b[^;]{0,300}?" + _THIRD_PARTY.pattern + "|" + _THIRD_PARTY.pattern
    + r"[^;]{0,300}?\b(?:is|are|shall be|be|remains?)\s+bound\b", re.IGNORECASE)


def schedule_a_findings(paragraphs: list[str], document: Any) -> list[Finding]:
    """Findings for a Schedule A TRO or injunction; ``paragraphs`` are the body's paragraph texts."""
    whole = " ".join(paragraphs)
    findings: list[Finding] = []
    heads = [p.text for p in document.paragraphs[:12]] + paragraphs[:8]
    if any(_TRO.search(p) and p.isupper() for p in heads):  # the title, not a recital of a TRO
        findings += _tro(whole)
    findings += _asset_restraint(paragraphs)
    if _SCHEDULE_REF.search(whole) and not _has_schedule(document):
        findings.append(Finding("Fed. R. Civ. P. 65(d)(1)(C), (d)(2)", "the order restrains the persons identified "
                                "in Schedule A, but no Schedule A listing them is annexed"))
    for paragraph in paragraphs:
        if _BINDS_THIRD_PARTY.search(paragraph):
            if "active concert or participation" not in paragraph or "actual notice" not in paragraph:
                findings.append(Finding("Fed. R. Civ. P. 65(d)(2)(C)", "binds marketplaces, processors or registrars "
                                        "without limiting it to those with actual notice who are in active concert "
                                        f"or participation: \"{paragraph[:90].strip()}…\""))
    return findings


def _tro(whole: str) -> list[Finding]:
    findings = []
    notice_given = re.search(r"\b(?:received|was given|were given|on) notice\b", whole, re.IGNORECASE)
    if _WITHOUT_NOTICE.search(whole) or not notice_given:
        if not (_INJURY_FINDING.search(whole) and _CERTIFIED.search(whole)):
            findings.append(Finding("Fed. R. Civ. P. 65(b)(1)", "a TRO without notice must find from specific facts "
                                    "that immediate and irreparable injury will result before the adverse party can "
                                    "be heard, and recite the movant's attorney's certification of the efforts to give "
                                    "notice and why it should not be required"))
    expiry = _EXPIRY.search(whole)
    if not expiry:
        findings.append(Finding("Fed. R. Civ. P. 65(b)(2)", "the TRO states no expiry (at most 14 days after entry)"))
    else:
        days = expiry.group(1).lower()
        if int(_WORDS.get(days, days) if not days.isdigit() else days) > 14:
            findings.append(Finding("Fed. R. Civ. P. 65(b)(2)", f"the TRO runs {days} days; at most 14 without consent"))
    return findings


def _asset_restraint(paragraphs: list[str]) -> list[Finding]:
    restraints = [p for p in paragraphs if _ASSET.search(p) and _RESTRAIN.search(p) and "proceeds" in p.lower()]
    if not restraints:
        return []
    findings = []
    if not any(_CAP.search(p) for p in restraints):
        findings.append(Finding("Grupo Mexicano, 527 U.S. 308", "the asset restraint has no cap: it may reach only "
                                "what an equitable accounting of profits could award, in a stated amount"))
    if not any(_MODIFY.search(p) for p in paragraphs if re.search(r"restrain|funds", p, re.IGNORECASE)):
        findings.append(Finding("Grupo Mexicano, 527 U.S. 308", "the asset restraint gives no route for a Defendant "
                                "or account holder to move to modify or release it"))
    return findings


def _has_schedule(document: Any) -> bool:
    """A 'SCHEDULE A' heading followed by a table with at least one seller row."""
    seen_heading = False
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t")).strip().upper()
            if text == "SCHEDULE A":
                seen_heading = True
        elif tag == "tbl" and seen_heading:
            return len([r for r in element.iterchildren() if r.tag.endswith("}tr")]) > 1
    return False
