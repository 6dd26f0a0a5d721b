"""The clause library: loading, version resolution, freezing, layering and every malformed-file error."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.errors import UnknownClauseError
from assembler.library.loading import load_library, verify_library
from factories import clause, make_library, version


def lib(tmp_path: Path, *clauses, **kw):
    return load_library(make_library(tmp_path / "firm", *clauses, **kw))


def three_versions():
    return clause("standard", [
        version("1.0.0", "deprecated", "Old law.", superseded_by="2.0.0"),
        version("2.0.0", "approved", "Current law."),
        version("2.1.0", "approved", "Current law, reworded."),
        version("3.0.0", "draft", "Proposed new law."),
    ])


def test_latest_approved_is_the_default_never_a_draft_or_deprecated_one(tmp_path):
    library = lib(tmp_path, three_versions())
    assert str(library.resolve("standard")[1].version) == "2.1.0"


def test_a_pin_takes_exactly_that_version_even_deprecated(tmp_path):
    library = lib(tmp_path, three_versions())
    assert library.resolve("standard@1.0.0")[1].text == "Old law."


def test_a_range_takes_the_latest_approved_inside_it(tmp_path):
    library = lib(tmp_path, three_versions())
    assert str(library.resolve("standard@~2.0")[1].version) == "2.0.0"
    assert str(library.resolve("standard@^2")[1].version) == "2.1.0"
    with pytest.raises(UnknownClauseError, match="no approved version matching \\^3"):
        library.resolve("standard@^3")


def test_unknown_clause_and_version_are_named(tmp_path):
    library = lib(tmp_path, three_versions())
    with pytest.raises(UnknownClauseError, match="no clause 'nope'"):
        library.resolve("nope")
    with pytest.raises(UnknownClauseError, match="has no version 9.9.9 \\(it has 1.0.0, 2.0.0, 2.1.0, 3.0.0\\)"):
        library.resolve("standard@9.9.9")


def test_an_approved_version_edited_in_place_fails_verify_naming_it(tmp_path):
    data = three_versions()
    data["versions"][1]["text"] = "Current law, quietly changed."
    problems = verify_library(lib(tmp_path, data))
    assert len(problems) == 1 and "standard@2.0.0 is approved and frozen" in problems[0]


def test_whitespace_at_line_ends_does_not_unfreeze_a_version(tmp_path):
    data = three_versions()
    data["versions"][1]["text"] = "Current law.   \n"
    assert verify_library(lib(tmp_path, data)) == []


def test_a_draft_may_change_freely(tmp_path):
    data = three_versions()
    data["versions"][3]["text"] = "Anything at all."
    assert verify_library(lib(tmp_path, data)) == []


def test_a_firm_library_wins_over_the_builtin_one_on_equal_ids(tmp_path):
    firm = lib(tmp_path, clause("general-jurisdiction-at-home", [version(text="The firm's own text.")]))
    _, chosen = firm.resolve("general-jurisdiction-at-home")
    assert chosen.text == "The firm's own text."
    assert firm.clause("general-jurisdiction-at-home").layer != "built-in"


def test_firm_library_can_be_given_by_environment(tmp_path, monkeypatch):
    root = make_library(tmp_path / "firm", clause("firm-only-clause"))
    monkeypatch.setenv("ASSEMBLER_LIBRARY", str(root))
    assert "firm-only-clause" in load_library().clauses


@pytest.mark.parametrize(
    "raw, message",
    [
        ("id: x\n  bad: [", "not valid YAML at line"),
        ("- just a list", "must be a mapping"),
        ("id: ok-id\ntitle: T\ncategory: legal-standard\napplies_to: [all]\nprovenance: [x]\n", "missing required field 'versions'"),
    ],
)
def test_malformed_files_are_named_with_the_problem(tmp_path, raw, message):
    library = lib(tmp_path, raw={"legal-standard/broken.yaml": raw})
    assert len(library.problems) == 1
    problem = str(library.problems[0])
    assert "broken.yaml" in problem and message in problem


@pytest.mark.parametrize(
    "change, message",
    [
        ({"id": "Not_Kebab"}, "must be kebab-case"),
        ({"category": "poetry"}, "category 'poetry' must be one of"),
        ({"versions": [version("1.0")]}, "'1.0' is not a semantic version"),
        ({"versions": [version(status="final")]}, "status must be one of draft, approved, deprecated"),
        ({"versions": [version("1.0.0", "deprecated")]}, "a deprecated version needs 'superseded_by'"),
        ({"versions": [version("1.0.0", "deprecated", superseded_by="4.0.0")]}, "superseded by unknown version 4.0.0"),
        ({"versions": [version(), version()]}, "version 1.0.0 of sample-clause is listed twice"),
        ({"versions": [version(text="{{ cite('nope:1') }}")]}, "cites unknown authority key(s) nope"),
        ({"versions": [version(text="Hello {{ party_name }}")]}, "uses undeclared variable(s) party_name"),
        ({"versions": [version(text="Hello {{ party_name ")]}, "clause text line 1"),
        ({"versions": [version(text="{{ cite(key) }}")], "variables": ["key"]}, "literal authority keys"),
        ({"colour": "blue"}, "unknown field(s) colour"),
    ],
)
def test_every_clause_format_error_names_file_and_problem(tmp_path, change, message):
    library = lib(tmp_path, clause(**change) if "id" not in change else {**clause(), **change})
    assert library.problems, "the broken clause was accepted"
    assert message in str(library.problems[0])
    data = clause(**change) if "id" not in change else {**clause(), **change}
    broken_file = tmp_path / "firm" / "clauses" / str(data["category"]) / f"{data['id']}.yaml"
    assert str(library.problems[0]).startswith(f"{broken_file}: "), "the error does not begin with the file's path"


def test_duplicate_ids_in_one_library_are_refused(tmp_path):
    root = make_library(tmp_path / "firm", clause("twin"))
    other = root / "clauses" / "boilerplate"
    other.mkdir()
    (other / "twin-again.yaml").write_text((root / "clauses" / "legal-standard" / "twin.yaml").read_text())
    library = load_library(root)
    assert any("duplicate clause id 'twin'" in str(p) for p in library.problems)


def test_a_broken_file_does_not_hide_the_others(tmp_path):
    library = lib(tmp_path, clause("good-one"), raw={"legal-standard/bad.yaml": "id: [unclosed"})
    assert "good-one" in library.clauses and len(library.problems) == 1


CASE = """  - key: {key}
    kind: case
    name: Alpha Co. v. Beta Corp.
    short_name: Alpha
    volume: 1
    reporter: F.4th
    page: {page}
    court: 2d Cir.
    year: 2021
    verified: true
    source: test
"""


def test_a_registry_may_be_kept_in_several_files_by_subject(tmp_path):
    root = make_library(tmp_path / "firm")
    (root / "clauses" / "authorities").mkdir()
    (root / "clauses" / "authorities" / "second-circuit.yaml").write_text(
        "authorities:\n" + CASE.format(key="alpha", page=10), encoding="utf-8")
    library = load_library(root)
    library.require_clean()
    assert library.registry.get("alpha").page == "10"


def test_one_key_in_two_registry_files_is_refused_naming_both(tmp_path):
    root = make_library(tmp_path / "firm")
    (root / "clauses" / "authorities").mkdir()
    for name in ("a.yaml", "b.yaml"):
        (root / "clauses" / "authorities" / name).write_text("authorities:\n" + CASE.format(key="alpha", page=10),
                                                             encoding="utf-8")
    problems = [str(p) for p in load_library(root).problems]
    assert any("'alpha' is also listed in" in p and "a.yaml" in p and "b.yaml" in p for p in problems), problems
