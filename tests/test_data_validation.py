"""A firm's typo in its library data is one line naming the file, the key and the problem, exit 2, and no
draft written — never a traceback. One test per malformed-data case that once ended in a traceback (QA Q16),
plus the limit that was silently accepted (``limit_words: lots``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assembler.library.courtrules import rules_for
from assembler.library.loading import BUILTIN_ROOT, load_library, verify_library
from assembler.library.templates import find_template
from factories import make_library
from samples import EXAMPLES, motion_answers

PI = EXAMPLES / "alibabacoin-pi-order.yaml"
MOTION = EXAMPLES / "cepia-motion.yaml"


def _firm_templates(root: Path) -> Path:
    """A firm library carrying copies of the PI order's template and the shared interview files."""
    make_library(root)
    for name in ("pi-order", "_shared"):
        shutil.copytree(BUILTIN_ROOT / "templates" / name, root / "templates" / name)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _refused(run_cli, tmp_path: Path, *argv: str) -> str:
    """Run the command; assert the one-line refusal, and that no draft or manifest was left behind."""
    out = tmp_path / "out.docx"
    code, stdout, err = run_cli(*argv, "-o", out)
    assert code == 2, (stdout, err)
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert not out.exists() and not (tmp_path / "out.assembly.yaml").exists()
    return err


def test_a_latin1_clause_file_is_named_and_the_rest_of_the_library_still_loads(tmp_path, run_cli):
    root = make_library(tmp_path / "firm")
    text = (BUILTIN_ROOT / "clauses" / "boilerplate" / "so-ordered.yaml").read_text(encoding="utf-8")
    bad = root / "clauses" / "boilerplate" / "societe.yaml"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(text.replace("id: so-ordered", "id: societe").replace("title: ", "title: Société ", 1)
                    .encode("cp1252"))
    library = load_library(root)
    assert "so-ordered" in library.clauses  # the other files loaded
    assert any("societe.yaml: not UTF-8 text (byte 0xe9" in p for p in verify_library(library))
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert "societe.yaml: not UTF-8 text" in err and "save it as UTF-8" in err


def test_superseded_by_that_is_not_a_version_is_named(tmp_path, run_cli):
    root = make_library(tmp_path / "firm")
    source = BUILTIN_ROOT / "clauses" / "jurisdiction-analysis" / "general-jurisdiction-at-home.yaml"
    copy = root / "clauses" / "jurisdiction-analysis" / source.name
    copy.parent.mkdir(parents=True)
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    deprecated = next(v for v in data["versions"] if v["status"] == "deprecated")
    deprecated["superseded_by"] = "abc"
    copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    err = _refused(run_cli, tmp_path, "--library", root, "render", "rule-12b2-motion", "--answers", MOTION,
                   "--no-layout")
    assert f"{copy}: general-jurisdiction-at-home@{deprecated['version']}: superseded_by 'abc' must be a version" in err


@pytest.mark.parametrize("entry, message", [
    ("nysd: 5", "court-rules.yaml: nysd: expected a mapping of rule names to values"),
    ("nysd: {rule: X, limit_words: lots}", "court-rules.yaml: nysd: limit_words must be a whole number of words (got 'lots')"),
    ("nysd: {rule: X, type_size: twelve}", "court-rules.yaml: nysd: type_size must be a point size from 8 to 16"),
    ("nysd: {rule: X, spacing: triple}", "court-rules.yaml: nysd: spacing must be one of single, 1.5, double"),
    ("nysd: {rule: X, certificate: sometimes}", "court-rules.yaml: nysd: certificate must be true or false"),
    ("nysd: {rule: X, excluded: [exhibits]}", "court-rules.yaml: nysd: excluded must be a list drawn from caption"),
    ("nysd: {rule: X, limit_word: 5000}", "court-rules.yaml: nysd: unknown key(s) limit_word"),
    ("nysd: {limit_words: 5000}", "court-rules.yaml: nysd: missing 'rule'"),
    ("nysd: {rule: X, bar_number: '#{bar}'}", "court-rules.yaml: nysd: bar_number must be a form such as"),
])
def test_a_malformed_court_rules_entry_is_named_with_its_court_and_key(tmp_path, run_cli, entry, message):
    root = make_library(tmp_path / "firm")
    (root / "templates" / "court-rules.yaml").write_text(entry + "\n", encoding="utf-8")
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert message in err
    # checked when the file is read, so a paper for another court is refused too rather than built beside it
    assert message in _refused(run_cli, tmp_path, "--library", root, "render", "rule-12b2-motion", "--answers", MOTION,
                               "--no-layout")
    code, _, verify = run_cli("--library", root, "clauses", "verify")
    assert code == 1 and message in verify


def test_limit_words_lots_is_refused_by_check_too(tmp_path, run_cli, builtin):
    draft = tmp_path / "m.docx"
    from assembler.api import render_document

    render_document(builtin, "rule-12b2-motion", motion_answers("nysd"), draft)
    root = make_library(tmp_path / "firm")
    rules = (BUILTIN_ROOT / "templates" / "court-rules.yaml").read_text(encoding="utf-8")
    (root / "templates" / "court-rules.yaml").write_text(rules.replace("limit_words: 8750", "limit_words: lots"),
                                                         encoding="utf-8")
    code, out, err = run_cli("--library", root, "check", draft, "--no-layout")
    assert code == 2 and out == ""
    assert err.strip() == (f"error: {root / 'templates' / 'court-rules.yaml'}: nysd: limit_words must be a whole "
                           "number of words (got 'lots')")


def test_court_rules_are_typed_when_read(tmp_path):
    (tmp_path / "court-rules.yaml").write_text("default: {rule: R}\nmoed: {rule: L.R. 4.01(D), limit_pages: 15, "
                                               "spacing: 1.5, type_size: 13}\n", encoding="utf-8")
    rules = rules_for([tmp_path], "moed")
    assert (rules.limit_pages, rules.spacing, rules.type_size, rules.certificate) == (15, "1.5", 13, False)
    assert rules_for([tmp_path], "nysd").court == "default"


def test_a_bad_when_expression_is_named_at_load(tmp_path, run_cli):
    root = _firm_templates(tmp_path / "firm")
    template = root / "templates" / "pi-order" / "template.yaml"
    _edit(template, "when: schedule_a and not schedule_a_provisions\n", "when: schedule_a and (\n")  # pi-schedule-a's line
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert (f"{template}: section 'PRELIMINARY INJUNCTION', clause pi-schedule-a: when: 'schedule_a and (' is not a "
            "valid condition") in err
    code, _, verify = run_cli("--library", root, "clauses", "verify")
    assert code == 1 and "is not a valid condition" in verify


def test_a_bad_when_in_an_interview_question_is_named_at_load(tmp_path):
    root = _firm_templates(tmp_path / "firm")
    _edit(root / "templates" / "_shared" / "case.yaml", "when: \"kind != 'individual'\"", "when: \"kind !=\"")
    with pytest.raises(Exception) as caught:
        find_template(load_library(root).template_dirs, "pi-order")
    assert "case.yaml: question 'organized_under': when: 'kind !=' is not a valid condition" in str(caught.value)


def test_a_bad_pattern_regex_is_named_at_load(tmp_path, run_cli):
    root = _firm_templates(tmp_path / "firm")
    interview = root / "templates" / "pi-order" / "interview.yaml"
    _edit(interview, "type: registration", 'type: text\n        pattern: "([0-9]{7}"')
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert (f"{interview}: question 'registration_number': pattern '([0-9]{{7}}' is not a valid regular expression: "
            "missing ), unterminated subpattern") in err


@pytest.mark.parametrize("old, new, message", [
    ("signature: judge", "signature: clerk", "signature must be one of counsel, judge (got 'clerk')"),
    ("schedule_a: true", "schedule_a: yes please", "schedule_a must be true or false"),
    ("schedule_a: true", "schedule_a: true\nfooter: x", "template: unknown key(s) footer"),
    ("- pi-duration", "- pi-duration@^x", "clause pi-duration@^x: '^x' is not a version or range"),
    ("when: schedule_a", "when: schedule_a\n        optional: maybe", "optional must be true or false"),
])
def test_a_malformed_template_is_named_at_load(tmp_path, run_cli, old, new, message):
    root = _firm_templates(tmp_path / "firm")
    _edit(root / "templates" / "pi-order" / "template.yaml", old, new)
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert "template.yaml: " in err and message in err


@pytest.mark.parametrize("old, new, message", [
    ("min: 1\n    prompt: Plaintiffs", "min: one\n    prompt: Plaintiffs", "question 'plaintiffs': min must be a whole number"),
    ("required: false\n    prompt: Assigned judge", "required: no way\n    prompt: Assigned judge",
     "question 'judge': required must be true or false"),
    ("choices: [corporation, llc", "choices: [[corporation], llc", "question 'kind': choices must be a list of text"),
])
def test_a_malformed_interview_spec_is_named_at_load(tmp_path, run_cli, old, new, message):
    root = _firm_templates(tmp_path / "firm")
    _edit(root / "templates" / "_shared" / "case.yaml", old, new)
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert "case.yaml: " in err and message in err


def test_a_skeleton_that_is_not_a_word_file_is_named(tmp_path, run_cli):
    root = make_library(tmp_path / "firm")
    (root / "templates" / "skeleton.docx").write_text("letterhead", encoding="utf-8")
    err = _refused(run_cli, tmp_path, "--library", root, "render", "pi-order", "--answers", PI)
    assert "skeleton.docx: not a Word document (.docx)" in err


def test_argument_numerals_go_past_twelve():
    from assembler.assembly.assemble import roman

    assert [roman(n) for n in (1, 4, 9, 12, 13, 14, 40, 49)] == ["I", "IV", "IX", "XII", "XIII", "XIV", "XL", "XLIX"]
