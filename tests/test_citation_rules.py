"""`clauses verify` rules for what a clause cites: a case that came out for the other side only behind a contrary
signal (But see, Cf., But cf.), and only verified authorities in an approved version.

The rules are shown failing on the library's own superseded versions (the partner review's defects), run over
them explicitly, and passing on the versions that replaced them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.library.citerules import citation_problems, citations_in
from assembler.library.loading import load_library
from factories import AUTHORITIES, clause, make_library, version

MEMO_CLAUSES = (
    "affiliate-contacts-not-attributed", "consent-by-registration", "effects-test", "eighth-circuit-five-factors",
    "general-jurisdiction-at-home", "no-jurisdictional-discovery", "ny-302a1-transacts-business",
    "reasonableness-fair-play", "rule-4k2", "specific-jurisdiction-due-process", "two-step-missouri",
    "two-step-new-york", "website-and-online-sales", "pj-standard-2d-cir", "pj-standard-8th-cir",
    "pj-standard-9th-cir", "mtd-preliminary-statement", "notice-of-motion", "proposed-order-granting-mtd",
)


def _problems(builtin, ref: str) -> list[str]:
    clause_id, _, number = ref.partition("@")
    found = builtin.clause(clause_id)
    return citation_problems(builtin.registry, found, found.version(number))


@pytest.mark.parametrize("ref, key, signal", [
    ("website-and-online-sales@1.0.0", "briskin", "signal 'See generally'"),
    ("eighth-circuit-five-factors@1.0.0", "creative-calling:979-82", "signal 'See'"),
    ("rule-4k2@1.0.0", "ford:359-62", "signal 'See'"),  # "; Ford" continues the See before it
    ("specific-jurisdiction-due-process@1.0.0", "ford:359", "no signal"),
    ("reasonableness-fair-play@1.0.0", "chloe:164", "no signal"),
])
def test_the_superseded_versions_fail_the_signal_rule_naming_clause_version_authority_and_signal(builtin, ref, key, signal):
    assert builtin.clause(ref.partition("@")[0]).version(ref.partition("@")[2]).status == "deprecated"
    problems = _problems(builtin, ref)
    assert any(ref in p and f"'{key}'" in p and signal in p and "favours the plaintiff" in p for p in problems), problems


@pytest.mark.parametrize("clause_id", MEMO_CLAUSES)
def test_every_approved_memorandum_clause_keeps_both_rules(builtin, clause_id):
    for found in (v for v in builtin.clause(clause_id).versions if v.status == "approved"):
        assert citation_problems(builtin.registry, builtin.clause(clause_id), found) == []


def test_the_replacements_state_adverse_holdings_with_no_signal_or_meet_them_with_a_contrary_one(builtin):
    def cited(clause_id):
        return {(c.key, c.signal, c.holding) for c in citations_in(builtin.clause(clause_id).latest_approved.text)}
    website = cited("website-and-online-sales")
    assert ("briskin", "", True) in website and ("herbal-brands", "", True) in website
    assert ("chloe", "", True) in website and ("zazzle", "", True) in website
    assert ("fuld", "", True) in cited("rule-4k2")
    assert ("ford", "", True) in cited("specific-jurisdiction-due-process")
    assert ("mallory", "", True) in cited("consent-by-registration")
    assert ("calder", "But cf.", False) in cited("effects-test")  # meets the clause's own proposition


ADVERSE = {"key": "upheld-case", "kind": "case", "name": "Upheld Co. v. Forum Corp.", "short_name": "Upheld",
           "volume": 592, "reporter": "U.S.", "page": 351, "court": "", "year": 2021, "verified": True,
           "source": "test", "outcome": "jurisdiction upheld", "favours": "plaintiff"}


def _one_clause_library(tmp_path, text):
    authorities = {"authorities": [*AUTHORITIES["authorities"], ADVERSE]}
    root = make_library(tmp_path, clause("holding-clause", category="jurisdiction-analysis", argues_for="defendant",
                                         versions=[version(text=text)]), authorities=authorities)
    library = load_library(root)
    found = library.clause("holding-clause")
    return citation_problems(library.registry, found, found.versions[0])


def test_an_adverse_case_is_accepted_with_no_signal_only_where_the_clause_marks_its_holding(tmp_path):
    adverse = ADVERSE["key"]
    unmarked = _one_clause_library(tmp_path / "a", f"The court upheld jurisdiction. {{{{ cite('{adverse}') }}}}.")
    assert any(f"cites '{adverse}'" in p and "no signal" in p and "holding=True" in p for p in unmarked), unmarked
    marked = _one_clause_library(tmp_path / "b", f"The court upheld jurisdiction. {{{{ cite('{adverse}', holding=True) }}}}.")
    assert marked == []
    signalled = _one_clause_library(
        tmp_path / "c", f"The court upheld jurisdiction. {{{{ cite('{adverse}', signal='See', holding=True) }}}}.")
    assert any("holding=True" in p and "signal 'See'" in p and "with no signal" in p for p in signalled), signalled


def test_a_holding_citation_does_not_inherit_the_signal_of_a_string_before_it():
    text = "{{ cite('daimler:137', signal='See') }}; {{ cite('ford:361-62', holding=True) }}."
    assert [(c.key, c.signal, c.holding) for c in citations_in(text)] == [("daimler", "See", False), ("ford", "", True)]


def test_signals_are_read_as_a_cite_checker_reads_them():
    text = (
        "A. {{ cite('a:1', signal='See') }}; {{ cite('b:2') }}. B {{ em('But see') }} {{ cite('c') }}. "
        'C "quoted words," {{ cite(\'d:4\') }}. D (quoting {{ cite(\'e:5\') }}). E {{ cite(\'f:6\', \'g:7\', signal=\'Cf.\', paren=\'it\\\'s\') }}.'
    )
    found = [(c.key, c.pin, c.signal) for c in citations_in(text)]
    assert found == [("a", "1", "See"), ("b", "2", "See"), ("c", None, "But see"), ("d", "4", "(quoting)"),
                     ("e", "5", "(quoting)"), ("f", "6", "Cf."), ("g", "7", "Cf.")]


def _library(tmp_path: Path, text: str, **entry):
    authorities = {"authorities": [dict(a) for a in AUTHORITIES["authorities"]]}
    chloe = next(a for a in authorities["authorities"] if a["key"] == "chloe")
    chloe.update(favours="plaintiff", outcome="jurisdiction upheld", **entry)
    data = clause("argues", category="jurisdiction-analysis", versions=[version(text=text)])
    return load_library(make_library(tmp_path, data, authorities=authorities))


def test_a_case_that_favours_the_other_side_fails_with_see_and_passes_with_cf(tmp_path):
    failing = _library(tmp_path / "a", "Text. {{ cite('chloe:170', signal='See') }}.")
    problems = citation_problems(failing.registry, failing.clause("argues"), failing.clause("argues").latest)
    assert problems and "argues@1.0.0" in problems[0] and "'chloe:170'" in problems[0] and "signal 'See'" in problems[0]
    passing = _library(tmp_path / "b", "Text. {{ cite('chloe:170', signal='Cf.') }} (distinguished).")
    assert citation_problems(passing.registry, passing.clause("argues"), passing.clause("argues").latest) == []


def test_outcomes_key_a_case_to_the_pinpoint_it_is_cited_at(tmp_path):
    # a case that came out for the plaintiff overall but for the defendant on the point at 170-71
    lib = _library(tmp_path, "Text. {{ cite('chloe:171', signal='See') }}. More. {{ cite('chloe:167', signal='See') }}.",
                   outcomes={"170-71": "defendant"})
    problems = citation_problems(lib.registry, lib.clause("argues"), lib.clause("argues").latest)
    assert len(problems) == 1 and "'chloe:167'" in problems[0]


def test_an_unverified_authority_fails_an_approved_version(tmp_path):
    lib = _library(tmp_path, "Text. {{ cite('daimler:137') }}.")
    daimler = lib.registry.get("daimler")
    object.__setattr__(daimler, "verified", False)
    problems = citation_problems(lib.registry, lib.clause("argues"), lib.clause("argues").latest)
    assert problems == [f"argues@1.0.0 cites 'daimler', which is not verified in the registry ({daimler.source})"]


def test_a_clause_file_says_which_side_it_argues_for(tmp_path):
    root = make_library(tmp_path, clause("neutral-by-default"), clause("pi", category="findings"),
                        clause("told", argues_for="plaintiff"))
    lib = load_library(root)
    assert lib.clause("neutral-by-default").side == "neutral"
    assert lib.clause("pi").side == "plaintiff"
    assert lib.clause("told").side == "plaintiff"
    bad = make_library(tmp_path / "bad", clause("wrong", argues_for="movant"))
    assert any("argues_for 'movant'" in str(p) for p in load_library(bad).problems)


def test_clauses_verify_and_strict_rendering_refuse_an_approved_version_citing_against_its_side(tmp_path, run_cli):
    import shutil

    from assembler.library.loading import BUILTIN_ROOT
    from samples import EXAMPLES

    firm = tmp_path / "firm"
    shutil.copytree(BUILTIN_ROOT / "clauses" / "jurisdiction-analysis", firm / "clauses" / "jurisdiction-analysis")
    path = firm / "clauses" / "jurisdiction-analysis" / "website-and-online-sales.yaml"
    from assembler.library.clausefile import dump_clause, read_clause_data
    from assembler.library.clauses import content_hash

    data = read_clause_data(path)
    superseded = next(v for v in data["versions"] if v["version"] == "1.0.0")
    for newer in data["versions"]:
        if newer is not superseded:
            newer.update(status="deprecated", superseded_by="1.0.0")
    superseded.update(status="approved", hash=content_hash(superseded["text"]))
    superseded.pop("superseded_by", None)
    path.write_text(dump_clause(data), encoding="utf-8")
    code, _, err = run_cli("--library", firm, "clauses", "verify")
    assert code == 1 and "website-and-online-sales@1.0.0 argues for the defendant but cites 'briskin'" in err
    code, _, err = run_cli("--library", firm, "render", "rule-12b2-motion", "--answers", EXAMPLES / "cepia-motion.yaml",
                           "-o", tmp_path / "m.docx", "--strict", "--no-layout")
    assert code == 2 and "--strict refuses it" in err and "argues for the defendant" in err and not (tmp_path / "m.docx").exists()


def test_the_built_in_library_keeps_both_rules(builtin):
    from assembler.library.loading import verify_library

    assert verify_library(builtin) == []
