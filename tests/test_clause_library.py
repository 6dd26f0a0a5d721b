"""The built-in clause library states current law, cites only through the registry, and renders everywhere
it claims to apply."""

from __future__ import annotations

import re

import pytest
from eyecite import get_citations
from eyecite.models import FullCaseCitation, FullLawCitation, IdCitation, ShortCaseCitation

from assembler.assembly.answers import build_context, validate
from assembler.citing.citations import CitationFormatter
from assembler.text.clausetext import render_text
from assembler.library.courts import court
from assembler.text.markup import strip_markers
from assembler.library.templates import find_template
from samples import everything

COURTS = ["nysd", "nyed", "moed", "mowd", "cand", "ilnd", "mad", "paed", "vaed", "txwd", "ohnd", "cod", "flsd", "dcd", "gand"]


def approved(library):
    for clause in library.clauses.values():
        for version in clause.versions:
            if version.status == "approved":
                yield clause, version


def context_for(library, court_id):
    questions = []
    for template_id in ("rule-12b2-motion", "pi-order", "tro-order"):
        questions += find_template(library.template_dirs, template_id).questions
    unique = list({q.name: q for q in questions}.values())
    context = build_context(validate(unique, everything(court_id)), unique)
    # what the assembly adds for a certificate of compliance
    return {**context, "word_count": "8,123", "court_rule": "S.D.N.Y. Local Civ. R. 7.1(c)", "word_limit": "8,750",
            "judge_limit": False}


def render(library, clause, version, court_id):
    from assembler.assembly.statelaw import LongArmCiter

    formatter = CitationFormatter(library.registry)
    forum = court(court_id)
    # what the assembly adds for the forum state: its long-arm entry (reach, registration rule) and cite_long_arm
    state_law = LongArmCiter(library.long_arm.get(forum.state_code), forum, formatter, False).context()
    return strip_markers(render_text(version.text, {**context_for(library, court_id), **state_law}, formatter.cite))


def test_the_library_has_the_coverage_the_motion_and_order_need(builtin):
    assert len(builtin.clauses) >= 24
    must_have = {
        "pj-standard-2d-cir", "pj-standard-8th-cir", "pj-standard-9th-cir", "two-step-new-york", "two-step-missouri",
        "general-jurisdiction-at-home", "specific-jurisdiction-due-process", "defendants-own-contacts",
        "eighth-circuit-five-factors", "ny-302a1-transacts-business", "website-and-online-sales",
        "affiliate-contacts-not-attributed", "rule-4k2", "consent-by-registration", "reasonableness-fair-play",
        "mtd-preliminary-statement", "mtd-conclusion", "notice-of-motion", "proposed-order-granting-mtd",
        "pi-recitals", "pi-finding-jurisdiction", "pi-standard-winter", "pi-standard-serious-questions-2d-cir",
        "pi-likelihood-of-success-lanham", "pi-irreparable-harm", "pi-balance-of-hardships", "pi-public-interest",
        "pi-restrained-acts", "pi-false-statements", "pi-persons-bound", "pi-security-bond", "pi-compliance-report",
        "pi-service", "pi-schedule-a", "so-ordered",
    }
    assert must_have <= set(builtin.clauses)
    categories = {c.category for c in builtin.clauses.values()}
    assert categories == {"legal-standard", "jurisdiction-analysis", "injunction-language", "findings", "boilerplate"}


@pytest.mark.parametrize("court_id", COURTS)
def test_every_approved_clause_renders_in_every_court_it_claims(builtin, court_id):
    ids = court(court_id).applicability_ids
    rendered = 0
    for clause, version in approved(builtin):
        if clause.applies_in(ids):
            text = render(builtin, clause, version, court_id)
            assert text.strip(), f"{clause.id}@{version.version} rendered empty in {court_id}"
            assert "{{" not in text and "{%" not in text
            rendered += 1
    assert rendered >= 20


def test_every_clause_claims_a_court_the_tests_cover(builtin):
    covered = set().union(*(builtin.coverage_ids(court(c)) for c in COURTS))
    for clause in builtin.clauses.values():
        assert clause.applies_in(covered), f"{clause.id} applies nowhere the tests render it"


def test_no_clause_source_types_a_citation_by_hand(builtin):
    for clause in builtin.clauses.values():
        for version in clause.versions:
            found = [c for c in get_citations(version.text)
                     if isinstance(c, (FullCaseCitation, ShortCaseCitation, FullLawCitation))]
            assert not found, f"{clause.id}@{version.version} types citations by hand: {found}"


@pytest.mark.parametrize("court_id", ["nysd", "moed", "cand"])
def test_every_rendered_citation_resolves_to_the_registry(builtin, court_id):
    cases = {cite for a in builtin.registry if a.is_case for cite in a.reporter_cites}
    volumes = {(a.volume, a.reporter) for a in builtin.registry if a.is_case}
    statutes = {(a.code, a.section) for a in builtin.registry if a.kind == "statute"}
    ids = court(court_id).applicability_ids
    seen = 0
    for clause, version in approved(builtin):
        if not clause.applies_in(ids):
            continue
        for cite in get_citations(render(builtin, clause, version, court_id)):
            seen += 1
            where = f"{clause.id}@{version.version}: {cite.matched_text()}"
            if isinstance(cite, FullCaseCitation):
                assert (cite.groups["volume"], cite.groups["reporter"], cite.groups["page"]) in cases, where
            elif isinstance(cite, ShortCaseCitation):
                assert (cite.groups["volume"], cite.groups["reporter"]) in volumes, where
            elif isinstance(cite, FullLawCitation):
                found = cite.groups["section"]
                assert any(found == section or found.startswith(section + ".") for _, section in statutes), where
            else:
                assert isinstance(cite, IdCitation), where
    assert seen > 20


def test_deprecated_versions_are_never_chosen_by_default(builtin):
    for clause_id in builtin.clauses:
        _, version = builtin.resolve(clause_id)
        assert version.status == "approved", clause_id


@pytest.mark.parametrize(
    "clause_id, why",
    [
        ("general-jurisdiction-at-home", "Daimler"),
        ("pi-irreparable-harm", "1116(a)"),
        ("defendants-own-contacts", "Walden"),
        ("pi-persons-bound", "65(d)(2)"),
        ("pi-restrained-acts", "Abitron"),
    ],
)
def test_displaced_seed_reasoning_survives_only_as_a_deprecated_superseded_version(builtin, clause_id, why):
    clause = builtin.clause(clause_id)
    old = clause.version("1.0.0")
    assert old.status == "deprecated" and old.superseded_by == "2.0.0"
    assert why in old.note
    assert clause.latest_approved.version > old.version


def test_the_current_general_jurisdiction_clause_states_the_at_home_rule(builtin):
    text = render(builtin, *builtin.resolve("general-jurisdiction-at-home"), "moed")
    assert "essentially at home" in text and "Daimler AG v. Bauman, 571 U.S. 117" in text
    assert "continuous and systematic presence" not in text
    assert "Alibaba Holding is a corporation organized under the laws of the Cayman Islands" in text
    assert "Neither paradigm forum is Missouri" in text


def test_facts_come_from_answers_not_from_the_seed_cases(builtin):
    for clause, version in approved(builtin):
        assert not re.search(r"Alibaba|Cepia|ZhuZhu", version.text), f"{clause.id} hard-codes a party"


def test_unverified_authorities_are_exactly_the_ones_marked(builtin):
    from assembler.library.authorities import verify_registry

    findings = verify_registry(builtin.registry)
    assert not [f for f in findings if f.level == "error"]
    assert {f.key for f in findings if "unverified" in f.message} == {a.key for a in builtin.registry if not a.verified}
    by_hand = {f.key for f in findings if "checked by hand" in f.message}
    assert by_hand == {"il-long-arm", "ma-long-arm", "ri-long-arm", "ut-long-arm", "vi-long-arm"}


def test_seed_citation_errors_are_corrected_in_the_registry(builtin):
    registry = builtin.registry
    assert registry.get("world-wide-vw").volume == "444"  # seed: 498 U.S.
    assert registry.get("nicastro").reporter == "U.S."  # seed: 131 S. Ct.
    assert "Papst" in registry.get("viasystems").name  # seed: "Pabst"
    assert registry.get("kv-pharm").name.startswith("K-V")  # seed: "KV"
    assert registry.get("dever").page == "1070"  # seed: 642, with pinpoints at 1072
