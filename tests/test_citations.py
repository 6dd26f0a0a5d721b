"""The Bluebook rules the formatter follows across a whole document (full, short, Id.)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.library.authorities import load_registry
from assembler.citing.citations import CitationFormatter
from assembler.text.clausetext import render_text
from assembler.text.markup import CiteMark, Run, parse_runs, strip_markers
from factories import make_library


@pytest.fixture
def formatter(tmp_path: Path) -> CitationFormatter:
    root = make_library(tmp_path)
    return CitationFormatter(load_registry(root / "clauses" / "authorities.yaml"))


def plain(text: str) -> str:
    return strip_markers(text)


def test_first_mention_is_full_then_short(formatter):
    assert plain(formatter.cite("chloe:167")) == "Chloé v. Queen Bee of Beverly Hills, LLC, 616 F.3d 158, 167 (2d Cir. 2010)"
    formatter.cite("daimler:139")
    assert plain(formatter.cite("chloe:168")) == "Chloé, 616 F.3d at 168"


def test_id_only_when_the_previous_citation_is_that_same_authority(formatter):
    formatter.cite("chloe:167")
    assert plain(formatter.cite("chloe:168")) == "Id. at 168"
    assert plain(formatter.cite("chloe")) == "Id."


def test_an_intervening_authority_breaks_id(formatter):
    formatter.cite("chloe:167")
    formatter.cite("daimler:137")
    assert plain(formatter.cite("chloe:170")) == "Chloé, 616 F.3d at 170"


def test_a_statute_between_two_cites_breaks_id(formatter):
    formatter.cite("chloe:167")
    assert plain(formatter.cite("usc-15-1116:(a)")) == "15 U.S.C. § 1116(a)"
    assert plain(formatter.cite("chloe:171")) == "Chloé, 616 F.3d at 171"


def test_id_is_not_used_after_a_string_cite(formatter):
    formatter.cite("chloe:167", "daimler:139")
    assert plain(formatter.cite("daimler:140")) == "Daimler, 571 U.S. at 140"


def text_runs(text):
    return [item for item in parse_runs(text) if isinstance(item, Run)]


def test_each_authority_cited_leaves_an_invisible_mark_numbering_its_use(formatter):
    formatter.cite("chloe:167")
    items = parse_runs(formatter.cite("chloe:168", "daimler:139", signal="See"))
    assert [i.index for i in items if isinstance(i, CiteMark)] == [1, 2]
    assert [formatter.uses[i.index].key for i in items if isinstance(i, CiteMark)] == ["chloe", "daimler"]


def test_signal_and_case_names_are_italic_runs(formatter):
    runs = text_runs(formatter.cite("daimler:139", signal="See"))
    italic = [r.text for r in runs if r.italic]
    assert italic == ["See", "Daimler AG v. Bauman"]
    assert "".join(r.text for r in runs) == "See Daimler AG v. Bauman, 571 U.S. 117, 139 (2014)"


def test_id_after_a_signal_is_lower_case_and_italic(formatter):
    formatter.cite("daimler:137")
    runs = text_runs(formatter.cite("daimler:139", signal="See"))
    assert [(r.text, r.italic) for r in runs] == [("See id.", True), (" at 139", False)]


def test_state_runs_across_clauses_not_per_clause(formatter):
    first = render_text("As held in {{ cite('chloe:167') }}.", {}, formatter.cite)
    second = render_text("{{ cite('chloe:168') }}.", {}, formatter.cite)
    assert "616 F.3d 158, 167" in plain(first)
    assert plain(second) == "Id. at 168."


def test_rules_and_statutes_take_their_pinpoint_as_a_subdivision(formatter):
    assert plain(formatter.cite("frcp-12:(b)(2)")) == "Fed. R. Civ. P. 12(b)(2)"


def test_every_use_is_recorded_with_its_form_and_pinpoint_status(formatter):
    formatter.where = "clause-a@1.0.0"
    formatter.cite("chloe:167")
    formatter.cite("chloe:168")
    assert [(u.key, u.form, u.pin, u.pin_confirmed) for u in formatter.uses] == [
        ("chloe", "full", "167", True), ("chloe", "id", "168", False)
    ]
    assert formatter.uses[0].where == "clause-a@1.0.0"


def test_unknown_key_is_a_clear_error(formatter):
    from assembler.errors import AuthorityError

    with pytest.raises(AuthorityError, match="no authority 'nope'"):
        formatter.cite("nope")


# --- what the registry records about each authority ---------------------------------------------------------


def test_a_page_inside_a_confirmed_range_is_confirmed_and_a_footnote_only_as_itself():
    from assembler.library.authorities import Authority

    licci = Authority(key="licci", kind="case", verified=True, source="t", pinpoints_confirmed=("167-69", "139 n.19"))
    assert licci.is_pin_confirmed("168")
    assert licci.is_pin_confirmed("167-68")
    assert licci.is_pin_confirmed("168-69")
    assert not licci.is_pin_confirmed("166-68")
    assert not licci.is_pin_confirmed("170")
    assert licci.is_pin_confirmed("139 n.19")
    assert not licci.is_pin_confirmed("139 n.20")
    assert not licci.is_pin_confirmed("139")


def test_a_rule_subdivision_is_part_of_the_citation_not_a_pinpoint():
    from assembler.library.authorities import Authority

    rule = Authority(key="frcp-12", kind="rule", verified=True, source="t", code="Fed. R. Civ. P.", section="12")
    assert rule.is_pin_confirmed("(b)(2)")


def test_every_case_in_the_builtin_registry_says_what_it_held_and_for_whom(builtin):
    cases = [a for a in builtin.registry if a.is_case]
    assert len(cases) >= 40
    for case in cases:
        assert case.holding.endswith(".") and len(case.holding.split()) >= 12, case.key
        assert case.outcome, case.key
        assert case.favours in ("plaintiff", "defendant", "neutral"), case.key


def test_cases_cited_against_the_movant_record_that_they_favour_the_plaintiff(builtin):
    """The review's S1 items: these went against the defendant and may never support a movant."""
    for key in ("briskin", "creative-calling", "calder", "ford", "mallory", "chloe", "kreutter"):
        assert builtin.registry.get(key).favours == "plaintiff", key
    for key in ("walden", "daimler", "goodyear", "bnsf", "zazzle", "aybar", "brown-lockheed"):
        assert builtin.registry.get(key).favours == "defendant", key


def test_an_unknown_side_is_refused_naming_the_entry(tmp_path):
    from assembler.errors import AuthorityError
    from assembler.library.authorities import load_registry

    path = tmp_path / "authorities.yaml"
    path.write_text("authorities:\n  - key: x\n    kind: case\n    name: A v. B\n    short_name: A\n    volume: 1\n"
                    "    reporter: U.S.\n    page: 1\n    year: 1990\n    verified: true\n    source: t\n"
                    "    favours: movant\n", encoding="utf-8")
    with pytest.raises(AuthorityError, match=r"authority 'x': 'favours' must be one of plaintiff, defendant, neutral"):
        load_registry(path)


def test_t6_abbreviated_names_are_kept_as_data_and_short_forms_cannot_collide(builtin):
    registry = builtin.registry
    assert registry.get("winter").citation_name == "Winter v. Nat. Res. Def. Council, Inc."
    assert registry.get("ford").citation_name == "Ford Motor Co. v. Mont. Eighth Jud. Dist. Ct."
    assert registry.get("brown-lockheed").short_name == "Brown v. Lockheed"
    shorts = [a.short_name for a in registry if a.is_case]
    assert len(shorts) == len(set(shorts))
