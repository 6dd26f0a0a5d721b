"""The QA report's hostile-input recipes (reviews/qa-report.md), re-run: each case is one change to a bundled
example, rendered through the command line, and its outcome classified as the report classified it.

A case is *refused* (exit 2, one line on stderr, nothing written), *rendered* (exit 0 and the text a court
should read), or a failure: a traceback, a wrong output, a valid input refused, or data lost. The tally test
requires every case to come out as the report says it should now: no traceback, no wrong output, no data
loss, every valid input accepted. ``CASES`` are the defects' recipes (section 3); ``REFUSALS`` what the report
found refused cleanly (section 4, kept so) and more of the same kinds.

Where each Q-item's recipe is tested, when not here: Q2 also tests/test_courts.py; Q3 also
tests/test_party_matrix.py and tests/test_pi_party_matrix.py; Q5 (Ctrl-C inside a list, a second Ctrl-C, an
unwritable folder), Q6, Q11, Q12 and Q20's permissions tests/test_files_and_interview_safety.py, and Q5's pasted
soft line break and Q7's skipped facts in the interview tests/test_interview.py; Q16 tests/test_data_validation.py
(one test per malformed file); Q18 tests/test_interview.py. Q21 (speed) is measured by benchmarks/bench.py, not
asserted by a test.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from samples import plain, EXAMPLES, example


@dataclass
class Case:
    q: str  # the QA report's item
    name: str
    template: str
    change: Callable[[dict[str, Any]], Any] | str  # a change to the answers, or the file's text as typed
    expect: str  # "refuse" or "render"
    says: list[str] = field(default_factory=list)  # refuse: in the error; render: in the draft's text
    never: list[str] = field(default_factory=list)  # render: never in the draft's text
    base: str = ""  # the example changed (default: the template's)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(answers: dict[str, Any]) -> None:
        target, *keys = path.split(".")
        node: Any = answers
        for key in [target, *keys][:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        last = [target, *keys][-1]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


def _drop(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda answers: answers.pop(name)


def _text_of(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    # the writer typesets quotes and spaces; the recipes are written as typed
    return plain("\n".join([p.text for p in document.paragraphs] + cells))


MEMO, ORDER, NOTICE = "rule-12b2-motion", "pi-order", "rule-12b2-notice"
SECOND_PLAINTIFF = {"name": "Alibaba Singapore Pte. Ltd.", "short_name": "Alibaba Singapore", "kind": "corporation"}
SCHEDULE_A_PARTY = {"name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
                    "short_name": "Defendants", "kind": "other"}
CEPIA = (EXAMPLES / "cepia-motion.yaml").read_text(encoding="utf-8")

CASES = [
    # Q1: literal "#." and merged findings; a typed closing period
    Case("Q1", "no literal #. in the order", ORDER, lambda a: None, "render", ["4.\t"], ["#.", ".."]),
    Case("Q1", "conduct typed as a sentence", ORDER, _set("infringing_conduct", "sold counterfeit goods."), "render",
         ["sold counterfeit goods. That use"], ["goods.."]),
    # Q2: the court list
    Case("Q2", "D.N.J. can be chosen", ORDER, _set("court", "njd"), "render", ["DISTRICT OF NEW JERSEY"]),
    Case("Q2", "Vermont is in the Second Circuit", ORDER, _set("court", "vtd"), "render", ["Polaroid"]),
    Case("Q2", "the District of Oklahoma is abolished", ORDER, _set("court", "okd"), "refuse",
         ["not a current district court", "oknd"]),
    Case("Q2", "the District of North Carolina is abolished", ORDER, _set("court", "ncd"), "refuse", ["nced"]),
    Case("Q2", "the District of West Virginia is abolished", ORDER, _set("court", "wvad"), "refuse", ["wvnd"]),
    # Q3: agreement
    Case("Q3", "one enjoined defendant", ORDER, _set("enjoined", ["ABBC"]), "render", [],
         ["ABBC are enjoined", "ABBC have used", "ABBC have not"]),
    Case("Q3", "two plaintiffs", ORDER, lambda a: a["plaintiffs"].append(dict(SECOND_PLAINTIFF)), "render",
         ["Alibaba and Alibaba Singapore"], ["Alibaba Singapore has shown", "Alibaba Singapore owns"]),
    Case("Q3", "a Schedule A party without Schedule A entries", ORDER,
         lambda a: a.update(court="ilnd", defendants=[dict(SCHEDULE_A_PARTY)], filer={**a["filer"]}), "refuse",
         ["Schedule A"]),
    Case("Q3", "an individual movant", MEMO, lambda a: a.update(
        defendants=[{"name": "Jack Ma", "short_name": "Ma", "kind": "individual",
                     "principal_place_of_business": "Hangzhou, China"}, *a["defendants"][1:]],
        movants=["Ma"], filer={**a["filer"], "represents": ["Ma"]}), "render",
         ["Ma is an individual domiciled in Hangzhou, China", "paradigm forum for general jurisdiction is the "
          "individual's domicile"],
         ["Ma\"), an entity", "Ma is neither organized under the laws of Missouri nor headquartered there"]),
    Case("Q3", "Schedule A sellers counted in words", ORDER, lambda a: a.update(schedule_a=[
        {"name": "Seller One", "marketplace": "Amazon"}, {"name": "Seller Two", "marketplace": "eBay"}],
        defendants=a["defendants"] + [{"name": "The Partnerships and Unincorporated Associations Identified on "
                                       "Schedule A", "short_name": "Schedule A Defendants", "kind": "other"}]), "render",
         ["the two defendants identified by name, online store and marketplace in Schedule A"], ["the 2 defendants"]),
    # Q4: "Id." and signals mid-sentence
    Case("Q4", "no capital Id. or See mid-sentence (E.D. Mo.)", MEMO, lambda a: None, "render", ["Id. at"],
         [", Id.", ',\" Id.', ", See "]),
    Case("Q4", "no capital Id. or See mid-sentence (S.D.N.Y.)", MEMO, lambda a: a.update(court="nysd", division=None),
         "render", ["Chloé"], [", Id.", ',\" Id.', ", See "]),
    # Q7: optional facts
    Case("Q7", "facts left out of the memorandum", MEMO, _drop("facts"), "render", ["PRELIMINARY STATEMENT"]),
    # Q8: control characters
    Case("Q8", "a soft line break in a name", MEMO, _set("plaintiffs.0.name", "Cepia\vL.L.C."), "refuse",
         ["'plaintiffs[1].name' contains a soft line break (U+000B)"]),
    Case("Q8", "a NUL in a fact", MEMO, _set("facts.0", "A fact with a NUL \x00 here."), "refuse",
         ["'facts[1]' contains a NUL (U+0000)"]),
    Case("Q8", "a bell and a form feed in a fact", MEMO, _set("facts.0", "Bell \x07 and form feed \x0c here."),
         "refuse", ["'facts[1]' contains a control character (U+0007)"]),
    # Q10: wrong answers become wrong text
    Case("Q10", "a duplicate key", MEMO, CEPIA + "court: nysd\n", "refuse", ["'court' is given twice"]),
    Case("Q10", "misspelt top-level answers", MEMO,
         CEPIA.replace("judge:", "judeg:") + "filling_date: 2026-12-15\n", "refuse",
         ["did you mean 'judge'", "did you mean 'filing_date'"]),
    Case("Q10", "Hon. typed before the judge", ORDER, _set("judge", "Hon. J. Paul Oetken"), "render",
         ["Hon. J. Paul Oetken"], ["Hon. Hon."]),
    Case("Q10", "an infinite bond", ORDER, _set("bond_amount", float("inf")), "refuse", ["'bond_amount'"]),
    Case("Q10", "a bond of 1,0,0", ORDER, _set("bond_amount", "1,0,0"), "refuse", ["'bond_amount'"]),
    Case("Q10", "a bidi override in a name", MEMO, _set("plaintiffs.0.name", "Cepia \u202eevil\u202c LLC"),
         "refuse", ["right-to-left"]),
    Case("Q10", "hostile but valid text", MEMO, _set("plaintiffs.0.name", "Cepia & <b>Sons</b> ]]> \"Chloé\" § 🙂"),
         "render", ["CEPIA & <B>SONS</B> ]]> \"CHLOÉ\" §"]),
    Case("Q10", "a non-party affiliate", MEMO, _set("related_entity", "Nobody Inc"), "refuse",
         ["'related_entity': Nobody Inc is not a party's short name"]),
    Case("Q10", "duplicate movants", MEMO, _set("movants", ["Alibaba Holding", "Alibaba Holding"]), "refuse",
         ["more than once"]),
    # Q14: registration numbers
    Case("Q14", "USPTO form with commas", ORDER, _set("marks.0.registration_number", "1,234,567"), "render",
         ["U.S. Reg. No. 1,234,567"], ["Reg. No. 1234567"]),
    Case("Q14", "a six-digit registration", ORDER, _set("marks.0.registration_number", "986503"), "render",
         ["U.S. Reg. No. 986,503"]),
    Case("Q14", "eight digits", ORDER, _set("marks.0.registration_number", "12345678"), "refuse",
         ["'marks[1].registration_number'"]),
    # Q15: tracebacks from answers
    Case("Q15", "an unquoted impossible date", MEMO, CEPIA + "filing_date: 2026-02-30\n", "refuse",
         ["'filing_date' must be a real date"]),
    Case("Q15", "a NaN bond", ORDER, _set("bond_amount", float("nan")), "refuse", ["'bond_amount'"]),
    # Q18: only what a document reads is required
    Case("Q18", "an order without counsel's details", ORDER, lambda a: (a.pop("filer"), a.pop("filing_date", None)),
         "render", ["SO ORDERED", "ALIBABA GROUP HOLDING LIMITED"], ["Counsel for the Plaintiff"]),
    Case("Q18", "a memorandum without counsel's details", MEMO, _drop("filer"), "refuse", ["'filer' is missing"]),
    # Q19: messages
    Case("Q19", "an unknown court id", ORDER, _set("court", "nyxd"), "refuse",
         ["not one of the 94 federal district court ids"]),
]


def _run(case: Case, run_cli, folder: Path) -> str:
    """The outcome as the QA report counts it: refused, rendered, traceback, wrong output, valid refused."""
    answers_file = folder / "a.yaml"
    if isinstance(case.change, str):
        answers_file.write_text(case.change, encoding="utf-8")
    else:
        answers = example(case.base or ("alibabacoin-pi-order.yaml" if case.template == ORDER else "cepia-motion.yaml"))
        case.change(answers)
        answers_file.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = answers_file.read_bytes()
    out = folder / "out.docx"
    try:
        code, _, err = run_cli("render", case.template, "--answers", answers_file, "-o", out, "--no-layout")
    except Exception:  # noqa: BLE001 - what the report calls a traceback
        return "traceback"
    if answers_file.read_bytes() != before:
        return "data loss"
    if code == 2:
        clean = err.startswith("error: ") and err.count("\n") == 1 and sorted(p.name for p in folder.iterdir()) == ["a.yaml"]
        if case.expect == "render":
            return "valid input refused"
        return "refused" if clean and all(s in err for s in case.says) else "wrong output"
    if code != 0:
        return "traceback"
    if case.expect == "refuse":
        return "wrong output"
    text = _text_of(out)
    ok = all(s in text for s in case.says) and not any(n in text for n in case.never)
    return "rendered" if ok else "wrong output"


_OUTCOMES: dict[str, str] = {}  # each recipe's outcome as its test found it, for the tally (not run twice)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.q}-{c.name}")
def test_each_recipe(case, run_cli, tmp_path):
    outcome = _OUTCOMES[f"case {case.q} {case.name}"] = _run(case, run_cli, tmp_path)
    assert outcome == ("refused" if case.expect == "refuse" else "rendered")




def test_q17_one_broken_draft_clause_blocks_nothing_that_does_not_use_it(run_cli, tmp_path):
    from assembler.library.loading import BUILTIN_ROOT

    source = BUILTIN_ROOT / "clauses" / "injunction-language" / "pi-security-bond.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["versions"] = [v for v in data["versions"] if v["status"] != "draft"]
    data["versions"].append({"version": "9.0.0", "status": "draft", "date": "2026-11-25", "author": "KM Lawyer",
                             "note": "unfinished", "text": "Security of {{ bond_amount | money ) }}."})
    folder = tmp_path / "firm" / "clauses" / "injunction-language"
    folder.mkdir(parents=True)
    (folder / "pi-security-bond.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    firm = tmp_path / "firm"
    for template, example_file in ((MEMO, "cepia-motion.yaml"), (ORDER, "alibabacoin-pi-order.yaml")):
        out = tmp_path / f"{template}.docx"
        code, _, err = run_cli("--library", firm, "render", template, "--answers", EXAMPLES / example_file, "-o", out,
                               "--no-layout")
        assert code == 0, err
        assert "pi-security-bond@9.0.0: clause text line 1" in err and "left out until it is fixed" in err
    code, out, err = run_cli("--library", firm, "clauses", "verify")
    assert code == 1 and "pi-security-bond@9.0.0" in out + err


def test_q10_a_non_party_client_is_warned_about(run_cli, tmp_path):
    answers = example("cepia-motion.yaml")
    answers["filer"]["represents"] = ["Ghost LLC"]
    answers["court"] = "nysd"  # a court that takes a notice of motion (E.D. Mo. takes a motion)
    answers.pop("division", None)
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(answers), encoding="utf-8")
    code, _, err = run_cli("render", NOTICE, "--answers", tmp_path / "a.yaml", "-o", tmp_path / "n.docx", "--no-layout")
    assert code == 0 and "warning: 'filer.represents': Ghost LLC is not a party's short name" in err


@pytest.fixture
def broken_libreoffice(tmp_path, monkeypatch):
    """Q13's recipe: a fake ``soffice`` that exits 1 first on PATH, and a warm listener that fails as it starts
    (its Python passes the UNO check, then dies), in a layout slot of the test's own."""
    import os
    import time

    from assembler.word import layout

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "soffice").write_text("#!/bin/sh\necho 'soffice: cannot open display' >&2\nexit 1\n")
    (bin_dir / "uno-python").write_text('#!/bin/sh\n[ "$1" = "-c" ] && exit 0\necho "listener: no office" >&2\nexit 1\n')
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("ASSEMBLER_UNO_PYTHON", str(bin_dir / "uno-python"))
    monkeypatch.setenv("ASSEMBLER_LAYOUT_SLOT", f"broken-{os.getpid()}-{time.monotonic_ns()}")
    monkeypatch.setattr(layout, "_UNO_PYTHON", None)
    if not layout.available():
        pytest.skip("needs pdftotext")
    work = tmp_path / "work"
    work.mkdir()
    return work


def test_q13_a_broken_libreoffice_is_a_warning_naming_the_cause(broken_libreoffice, run_cli):
    out = broken_libreoffice / "out.docx"
    code, _, err = run_cli("render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", out)
    assert code == 0, err
    assert "warning: the LibreOffice listener did not start (listener: no office)" in err
    assert ("warning: LibreOffice could not lay the draft out (soffice exited with status 1: soffice: cannot open "
            "display); the tables' page numbers are left to Word") in err
    assert "left to Word" in out.with_suffix(".assembly.yaml").read_text(encoding="utf-8")


def test_q13_strict_refuses_a_memorandum_laid_out_by_a_broken_libreoffice(broken_libreoffice, run_cli):
    out = broken_libreoffice / "out.docx"
    code, _, err = run_cli("render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", out, "--strict")
    assert code == 2
    assert err.splitlines()[-1] == ("error: LibreOffice could not lay the draft out (soffice exited with status 1: "
                                    "soffice: cannot open display); --strict refuses a memorandum whose tables have "
                                    "no page numbers (fix LibreOffice, or render with --no-layout)")
    assert list(broken_libreoffice.iterdir()) == []


# --- Q19: refusals that say what is wrong; Q20: what the files carry ---

def test_q19_an_unknown_court_rules_key_names_the_allowed_keys(run_cli, tmp_path):
    firm = tmp_path / "firm" / "templates"
    firm.mkdir(parents=True)
    (firm / "court-rules.yaml").write_text("moed:\n  word_limit: 5000\n", encoding="utf-8")
    code, _, err = run_cli("--library", tmp_path / "firm", "render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml",
                           "-o", tmp_path / "out.docx", "--no-layout")
    assert code == 2 and err.count("\n") == 1
    assert "court-rules.yaml: moed: unknown key(s) word_limit (known: rule, limit_words," in err
    assert "__init__" not in err and not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("name", ["nothere.docx", "nothere.pdf"])
def test_q19_check_on_a_missing_file_says_not_found(run_cli, tmp_path, name):
    code, _, err = run_cli("check", tmp_path / name)
    assert (code, err) == (2, f"error: {tmp_path / name}: not found\n")


def test_q20_no_word_comment_is_signed_with_the_generators_name(run_cli, tmp_path):
    import zipfile

    out = tmp_path / "memo.docx"
    assert run_cli("render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", out, "--no-layout")[0] == 0
    comments = zipfile.ZipFile(out).read("word/comments.xml").decode("utf-8")
    assert 'w:author="Drafting note"' in comments
    assert "assembler" not in comments.lower()


def test_q20_the_readme_first_commands_outputs_are_gitignored():
    root = EXAMPLES.parent
    ignored = {line.strip() for line in (root / ".gitignore").read_text(encoding="utf-8").splitlines()}
    readme = (root / "README.md").read_text(encoding="utf-8")
    first = readme.split("```sh\n", 1)[1].split("```", 1)[0]
    assert "-o memorandum.docx" in first and "assembler pdf memorandum.docx" in first
    assert {"/memorandum.docx", "/memorandum.assembly.yaml", "/memorandum.pdf"} <= ignored


# --- Section 4 of the report: what was refused cleanly, kept so -----------------------------------------------
# Each recipe sets up an empty folder and names the command to run there. Refused cleanly means: exit 2, one
# line on stderr beginning "error:", the line says what is wrong, and no file in the folder is created, changed
# or removed.

PI = "alibabacoin-pi-order.yaml"


@dataclass
class Refusal:
    q: str  # the report's category (section 4), or the Q-item the recipe comes from
    name: str
    setup: Callable[[Path], list[Any]]  # writes the folder's files; returns the command's arguments
    says: str  # in the error line
    env: dict[str, str] = field(default_factory=dict)


def _answers(change: Callable[[dict[str, Any]], Any] | str | bytes | None = None, base: str = "cepia-motion.yaml",
             template: str = MEMO, name: str = "a.yaml", extra: tuple[Any, ...] = ()) -> Callable[[Path], list[Any]]:
    """An answers file made from a bundled example with one change (or written as given), rendered."""
    def setup(folder: Path) -> list[Any]:
        path = folder / name
        if isinstance(change, bytes):
            path.write_bytes(change)
        elif isinstance(change, str):
            path.write_text(change, encoding="utf-8")
        else:
            answers = example(base)
            if change:
                change(answers)
            path.write_text(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return ["render", template, "--answers", path, "-o", folder / "out.docx", "--no-layout", *extra]
    return setup


def _order(change: Callable[[dict[str, Any]], Any] | str) -> Callable[[Path], list[Any]]:
    return _answers(change, base=PI, template=ORDER)


def _cepia_line(line: str, drop: str = "") -> str:
    """The cepia answers as typed, with one top-level line added (and a key's line taken out)."""
    kept = [l for l in CEPIA.splitlines() if not (drop and l.startswith(f"{drop}:"))]
    return "\n".join(kept) + f"\n{line}\n"


def _render_to(output: str, prepare: Callable[[Path], Any] | None = None, *extra: str) -> Callable[[Path], list[Any]]:
    """The cepia memorandum rendered to ``output`` (relative to the folder, or absolute)."""
    def setup(folder: Path) -> list[Any]:
        (folder / "a.yaml").write_text(CEPIA, encoding="utf-8")
        if prepare:
            prepare(folder)
        target = output if output.startswith("/") else f"{folder}/{output}"
        return ["render", MEMO, "--answers", folder / "a.yaml", "-o", target, "--no-layout", *extra]
    return setup


def _firm(files: dict[str, str], template: str = MEMO) -> Callable[[Path], list[Any]]:
    """A firm library holding only ``files`` (path: text), over which the cepia memorandum is rendered."""
    def setup(folder: Path) -> list[Any]:
        for relative, text in files.items():
            path = folder / "firm" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return ["--library", folder / "firm", "render", template, "--answers", EXAMPLES / "cepia-motion.yaml",
                "-o", folder / "out.docx", "--no-layout"]
    return setup


def _clause(text: str, variables: str = "[]", status: str = "approved") -> str:
    """A firm clause file with one approved version of ``text``, frozen by its hash."""
    from assembler.library.clauses import content_hash

    return (f"id: firm-extra\ntitle: A firm clause\ncategory: boilerplate\napplies_to: [all]\nvariables: {variables}\n"
            f"provenance:\n  - source: firm drafting standard\n"
            f"versions:\n  - version: 1.0.0\n    status: {status}\n    date: 2026-11-25\n    author: KM Lawyer\n"
            f"    approver: KM Lawyer\n    approved_on: 2026-11-25\n    note: first\n"
            f"    hash: {content_hash(text + chr(10))}\n    text: |\n      {text}\n")


def _on(command: str, make: Callable[[Path], Any], name: str = "draft.docx") -> Callable[[Path], list[Any]]:
    """``assembler check`` (or ``outdated``, ``reassemble``) on a file ``make`` writes."""
    def setup(folder: Path) -> list[Any]:
        target = folder / name
        make(target)
        if command == "reassemble":
            return ["reassemble", target, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", folder / "new.docx"]
        return [command, target, *(["--no-layout"] if command == "check" else [])]
    return setup


def _word_file(path: Path) -> None:
    docx.Document().save(str(path))


def _truncated_word_file(path: Path) -> None:
    _word_file(path)
    path.write_bytes(path.read_bytes()[:2000])


def _zip_not_docx(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")


def _garbage_manifest(path: Path) -> None:
    _word_file(path)
    path.with_suffix(".assembly.yaml").write_text("::: not a manifest :::\n- [", encoding="utf-8")


_PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)

REFUSALS = [
    # bad answers files
    Refusal("answers file", "not YAML", _answers("court: [moed\ncase_number: 1\n"), "not valid YAML"),
    Refusal("answers file", "binary", _answers(bytes(range(256))), "a.yaml"),
    Refusal("answers file", "a .docx", _answers(b"PK\x03\x04" + bytes(200), name="a.docx"), "a.docx"),
    Refusal("answers file", "empty", _answers(""), "'court' is missing"),
    Refusal("answers file", "a directory", lambda f: (f / "dir.yaml").mkdir() or
            ["render", MEMO, "--answers", f / "dir.yaml", "-o", f / "out.docx", "--no-layout"], "dir.yaml"),
    Refusal("answers file", "missing", lambda f: ["render", MEMO, "--answers", f / "nothere.yaml", "-o",
                                                  f / "out.docx", "--no-layout"], "answers file not found"),
    Refusal("answers file", "a list instead of a mapping", _answers("- court: moed\n"), "must be a mapping"),
    Refusal("answers file", "a scalar instead of a mapping", _answers("just some text\n"), "must be a mapping"),
    Refusal("answers file", "a !!python/object tag", _answers("court: !!python/object/apply:os.system [ls]\n"),
            "a.yaml"),
    Refusal("answers file", "Latin-1 bytes", _answers(CEPIA.replace("Cepia", "Société Cepia").encode("latin-1", "replace")),
            "a.yaml"),
    Refusal("answers file", "a lone surrogate escape", _answers(_cepia_line('judge: "\\udc80"', drop="judge")),
            "a.yaml"),
    # bad values
    Refusal("value", "court: 123", _answers(_set("court", 123)), "'court'"),
    Refusal("value", "plaintiffs as a string", _answers(_set("plaintiffs", "a string")), "'plaintiffs' must be a list"),
    Refusal("value", "a bond in words", _order(_set("bond_amount", "ten thousand")), "'bond_amount'"),
    Refusal("value", "a negative bond", _order(_set("bond_amount", -5)), "'bond_amount'"),
    Refusal("value", "a fractional number of days", _order(_set("bond_days", 2.5)), "'bond_days'"),
    Refusal("value", "a date as 31/12/2026", _answers(_set("filing_date", "31/12/2026")), "'filing_date'"),
    Refusal("value", "a quoted impossible date", _answers(_set("filing_date", "2026-02-30")),
            "2026-02-30 is not a real date"),
    Refusal("value", "a date and time", _answers(_cepia_line("filing_date: 2026-12-15 10:30:00", drop="filing_date")),
            "'filing_date'"),
    Refusal("value", "registered_in_forum as the string 'no'", _answers(lambda a: a.update(
            jurisdiction_theories=["general", "consent_by_registration"], registered_in_forum="no")),
            "'registered_in_forum' must be true or false"),
    Refusal("value", "a short name of NO (YAML's false)",
            _answers(CEPIA.replace("short_name: Cepia\n", "short_name: NO\n")), "'plaintiffs[1].short_name'"),
    Refusal("value", "a judge with a trailing space", _answers(_set("judge", "Stephen N. Limbaugh, Jr. ")),
            "'judge' has leading or trailing spaces"),
    # template syntax and private-use characters
    Refusal("template syntax", "{{ 7*7 }} in a name", _answers(_set("plaintiffs.0.name", "Cepia {{ 7*7 }}")),
            "'plaintiffs[1].name' contains template syntax"),
    Refusal("template syntax", "{% for %} in a fact", _answers(_set("facts.0", "{% for x in y %}x{% endfor %}")),
            "'facts[1]' contains template syntax"),
    Refusal("template syntax", "{%p in the firm", _answers(_set("filer.firm", "{%p if x %}Firm{%p endif %}")),
            "'filer.firm' contains template syntax"),
    Refusal("template syntax", "{{ }} in the conduct", _order(_set("infringing_conduct", "sold {{ 7*7 }} goods")),
            "'infringing_conduct' contains template syntax"),
    Refusal("template syntax", "a private-use character", _answers(_set("plaintiffs.0.name", "Cepia \ue000 LLC")),
            "'plaintiffs[1].name' contains template syntax or private-use characters"),
    # parties and theories
    Refusal("parties", "a movant who does not exist", _answers(_set("movants", ["Nobody"])), "'movants': Nobody"),
    Refusal("parties", "an enjoined party who does not exist", _order(_set("enjoined", ["Nobody"])), "'enjoined': Nobody"),
    Refusal("parties", "a plaintiff named as a movant", _answers(_set("movants", ["Cepia"])), "'movants': Cepia"),
    Refusal("parties", "no plaintiffs", _answers(_set("plaintiffs", [])), "'plaintiffs' is missing"),
    Refusal("parties", "no defendants", _answers(_set("defendants", [])), "'defendants' is missing"),
    Refusal("parties", "no movants", _answers(_set("movants", [])), "'movants' is missing"),
    Refusal("parties", "an unknown jurisdiction theory", _answers(_set("jurisdiction_theories", ["magic"])),
            "'jurisdiction_theories': magic"),
    Refusal("parties", "a registration number with 'Reg. No.'",
            _order(_set("marks.0.registration_number", "Reg. No. 1,234,567")), "'marks[1].registration_number'"),
    # output paths
    Refusal("output", "a missing output folder", _render_to("nofolder/out.docx"), "nofolder"),
    Refusal("output", "an output ending .pdf", _render_to("out.pdf"), "out.pdf"),
    Refusal("output", "an output that is a folder", _render_to("sub.docx", lambda f: (f / "sub.docx").mkdir()),
            "sub.docx"),
    Refusal("output", "an output without an extension", _render_to("out"), "out"),
    Refusal("output", "the null device", _render_to("/dev/null"), "/dev/null"),
    Refusal("output", "a trailing slash", _render_to("out.docx/"), "out.docx"),
    Refusal("output", "the answers file as the output", _render_to("a.yaml"), "a.yaml"),
    Refusal("output", "an existing draft without --force",
            _render_to("out.docx", lambda f: (f / "out.docx").write_bytes(b"an earlier draft")), "already exists"),
    Refusal("output", "an existing manifest without --force",
            _render_to("out.docx", lambda f: (f / "out.assembly.yaml").write_text("earlier: true\n")),
            "already exists"),
    Refusal("output", "--save-answers into a missing folder",
            lambda f: (f / "a.yaml").write_text(CEPIA) and
            ["new", MEMO, "--answers", f / "a.yaml", "--save-answers", f / "nofolder" / "b.yaml", "-o", f / "out.docx"],
            "nofolder"),
    # a broken --library
    Refusal("library", "a library that does not exist", lambda f: ["--library", f / "nolib", "templates"],
            "library folder not found"),
    Refusal("library", "an empty library", lambda f: (f / "lib").mkdir() or ["--library", f / "lib", "templates"],
            "not a clause library"),
    Refusal("library", "a library that is a file", lambda f: (f / "lib.txt").write_text("x") and
            ["--library", f / "lib.txt", "templates"], "lib.txt: is a file, not a library folder"),
    Refusal("library", "ASSEMBLER_LIBRARY that does not exist", lambda f: ["templates"], "library folder not found",
            env={"ASSEMBLER_LIBRARY": "/nonexistent/firm-library"}),
    Refusal("library", "broken YAML in a clause the memorandum uses",
            _firm({"clauses/boilerplate/certificate-of-service.yaml": "id: certificate-of-service\nversions: [\n"}),
            "certificate-of-service.yaml"),
    Refusal("library", "broken YAML in a clause nothing uses", _firm({"clauses/boilerplate/unused.yaml": "id: [x\n"}),
            "unused.yaml"),
    Refusal("library", "an empty clause file", _firm({"clauses/boilerplate/empty.yaml": ""}), "empty.yaml"),
    Refusal("library", "a Jinja syntax error in an approved clause",
            _firm({"clauses/boilerplate/firm-extra.yaml": _clause("Text {{ movants.names ) }}.")}), "firm-extra@1.0.0"),
    Refusal("library", "an undeclared variable", _firm({"clauses/boilerplate/firm-extra.yaml": _clause("{{ nothing }}")}),
            "undeclared variable(s) nothing"),
    Refusal("library", "a broken authorities file", _firm({"clauses/authorities/firm.yaml": "key: [\n"}), "firm.yaml"),
    Refusal("library", "a broken template YAML", _firm({"templates/rule-12b2-motion/template.yaml": "id: [\n"}),
            "template.yaml"),
    # check on what is not a draft
    Refusal("check", "a text file", _on("check", lambda p: p.write_text("plain text"), "notes.docx"),
            "cannot be read as a Word document"),
    Refusal("check", "a PNG", _on("check", lambda p: p.write_bytes(_PNG), "picture.docx"),
            "cannot be read as a Word document"),
    Refusal("check", "a PDF that is not one", _on("check", lambda p: p.write_text("%PDF garbage"), "filing.pdf"),
            "cannot be read as a PDF"),
    Refusal("check", "a truncated docx", _on("check", _truncated_word_file), "cannot be read as a Word document"),
    Refusal("check", "a zip that is not a docx", _on("check", _zip_not_docx), "cannot be read as a Word document"),
    Refusal("check", "a folder", _on("check", lambda p: p.mkdir()), "is a folder"),
    Refusal("check", "an empty file", _on("check", lambda p: p.write_bytes(b"")), "cannot be read as a Word document"),
    Refusal("check", "a garbage manifest", _on("check", _garbage_manifest), "draft.assembly.yaml"),
    # outdated and reassemble
    Refusal("outdated", "outdated on a docx without a manifest", _on("outdated", _word_file),
            "no assembly manifest beside draft.docx"),
    Refusal("outdated", "reassemble on a docx without a manifest", _on("reassemble", _word_file),
            "no assembly manifest beside draft.docx"),
    # templates
    Refusal("templates", "an unknown template", _answers(template="nope"), "no template 'nope' (have: pi-order,"),
    # more of the same kinds, from the report's defects and the interview's checks, each now a clean refusal
    Refusal("value", "zero days to post the security", _order(_set("bond_days", 0)), "'bond_days' must be at least 1"),
    Refusal("value", "a hearing date in words", _order(_set("hearing_date", "next Tuesday")), "'hearing_date'"),
    Refusal("value", "a party kind that is not one", _answers(_set("plaintiffs.0.kind", "robot")),
            "'plaintiffs[1].kind' must be one of corporation, llc"),
    Refusal("value", "a pronoun that is not one", _order(_set("defendants.4.pronoun", "it")), "'defendants[5].pronoun'"),
    Refusal("value", "a division the court does not have", _answers(_set("division", "Western")),
            "'division': the Eastern District of Missouri has the divisions"),
    Refusal("value", "a division where the court has none",
            _answers(lambda a: a.update(court="nysd", division="Eastern")), "has no divisions"),
    Refusal("value", "theories as a string", _answers(_set("jurisdiction_theories", "general")),
            "'jurisdiction_theories' must be a list"),
    Refusal("value", "an unknown field in a party", _answers(_set("plaintiffs.0.nickname", "C")),
            "'plaintiffs[1]': unknown field(s) nickname"),
    Refusal("parties", "no marks", _order(_set("marks", [])), "'marks' is missing"),
    Refusal("parties", "a Schedule A seller without a marketplace", _order(_set("schedule_a", [{"name": "Seller One"}])),
            "'schedule_a[1].marketplace' is missing"),
    Refusal("parties", "an enjoined party named twice", _order(_set("enjoined", ["ABBC", "ABBC"])), "more than once"),
    Refusal("parties", "a TRO outside the Seventh Circuit",
            _answers(lambda a: a.update(court="nysd", division=None), base="ndil-schedule-a-tro.yaml", template="tro-order",
                     extra=("--sellers", EXAMPLES / "ndil-sellers.csv")), "none applies in the Southern District of New York"),
    Refusal("output", "pdf on a draft that does not exist", lambda f: ["pdf", f / "nothere.docx"], "no such file"),
    Refusal("output", "reassemble from answers that do not exist", lambda f: (
        _word_file(f / "draft.docx"), ["reassemble", f / "draft.docx", "--answers", f / "nothere.yaml", "-o",
                                       f / "new.docx"])[1], "nothere.yaml"),
]


def _files(folder: Path) -> dict[str, str]:
    import hashlib

    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder")
            for p in sorted(folder.rglob("*"))}


def _refusal(recipe: Refusal, run_cli, folder: Path, monkeypatch) -> str:
    """The outcome as the report counts it: refused (cleanly), traceback, wrong output (unclear, or written)."""
    argv = recipe.setup(folder)
    for name, value in recipe.env.items():
        monkeypatch.setenv(name, value)
    before = _files(folder)
    try:
        code, _, err = run_cli(*argv)
    except Exception:  # noqa: BLE001 - what the report calls a traceback
        return "traceback"
    after = _files(folder)
    if any(after.get(name) != digest for name, digest in before.items()):
        return "data loss"
    if after != before or code == 0:
        return "wrong output"
    if code != 2:
        return "traceback"
    one_line = err.startswith("error: ") and err.count("\n") == 1
    return "refused" if one_line and recipe.says in err else "wrong output"


@pytest.mark.parametrize("recipe", REFUSALS, ids=lambda r: f"{r.q}-{r.name}")
def test_each_refusal(recipe, run_cli, tmp_path, monkeypatch):
    outcome = _OUTCOMES[f"refusal {recipe.q} {recipe.name}"] = _refusal(recipe, run_cli, tmp_path, monkeypatch)
    assert outcome == "refused"


# --- recipes that go beyond one render: check on a draft, an install, the interview ---

def test_q1_check_flags_a_literal_numbering_mark_and_two_periods(run_cli, tmp_path):
    document = docx.Document()
    document.add_paragraph("3. The record shows that Defendants sold counterfeit goods.. That use is likely to cause "
                           "confusion.")
    document.add_paragraph("#. The record shows that ABBC has used the ALIBABA mark in commerce in the United States.")
    document.add_paragraph("The Court has considered the papers . . . and the argument of counsel...")
    document.save(str(tmp_path / "order.docx"))
    code, out, _ = run_cli("check", tmp_path / "order.docx", "--template", ORDER, "--no-layout")
    assert code == 1
    assert "completeness: leftover clause markup '#.'" in out
    assert out.count("two periods in") == 1 and 'counterfeit goods.. That use' in out


def test_q10_check_flags_a_template_comment_typed_into_a_name(run_cli, tmp_path):
    answers = example("cepia-motion.yaml")
    answers["plaintiffs"][0]["name"] = "Cepia {# hidden #} LLC"
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(answers), encoding="utf-8")
    out = tmp_path / "m.docx"
    assert run_cli("render", MEMO, "--answers", tmp_path / "a.yaml", "-o", out, "--no-layout")[0] == 0
    assert "Plaintiff Cepia {# hidden #} LLC" in _text_of(out)  # as typed: nothing hidden
    code, report, _ = run_cli("check", out, "--no-layout")
    assert code == 1 and "leftover clause markup '{#'" in report


def test_q9_an_installed_package_carries_the_library_and_works_from_any_folder(tmp_path):
    """What `pip install .` puts in site-packages (setup.py's build step), run from a folder with no checkout."""
    import subprocess
    import sys

    root = EXAMPLES.parent
    built = tmp_path / "lib"
    subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(built)], cwd=root, check=True,
                   capture_output=True, timeout=120)
    elsewhere = tmp_path / "matter"
    elsewhere.mkdir()

    def assembler(*argv: Any) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "assembler", *map(str, argv)], cwd=elsewhere, capture_output=True,
                              text=True, timeout=120, env={**__import__("os").environ, "PYTHONPATH": str(built)})

    templates = assembler("templates")
    assert templates.returncode == 0 and "rule-12b2-motion" in templates.stdout and "pi-order" in templates.stdout
    verify = assembler("clauses", "verify")
    assert verify.returncode == 0 and not verify.stdout.startswith("ok: 0 clauses")
    done = assembler("render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", "memo.docx", "--no-layout")
    assert done.returncode == 0, done.stderr
    assert "MEMORANDUM OF LAW" in _text_of(elsewhere / "memo.docx").upper()


def test_the_tally(run_cli, tmp_path_factory, monkeypatch):
    """Every scripted recipe, counted as the report counts (its section 1): refused cleanly or rendered correctly,
    and nothing else. Outcomes come from the tests above; a recipe they did not run (``-k``) is run here."""
    tally: Counter[str] = Counter()
    for case in CASES:
        key = f"case {case.q} {case.name}"
        tally[_OUTCOMES.get(key) or _run(case, run_cli, tmp_path_factory.mktemp("case"))] += 1
    for recipe in REFUSALS:
        key = f"refusal {recipe.q} {recipe.name}"
        if key not in _OUTCOMES:
            with monkeypatch.context() as local:
                _OUTCOMES[key] = _refusal(recipe, run_cli, tmp_path_factory.mktemp("refusal"), local)
        tally[_OUTCOMES[key]] += 1
    assert tally["traceback"] == tally["wrong output"] == tally["data loss"] == tally["valid input refused"] == 0, tally
    assert tally["refused"] + tally["rendered"] == len(CASES) + len(REFUSALS)
    # at least every case the report found refused cleanly (89), across each of its section 4 categories
    assert tally["refused"] >= 89 and {r.q for r in REFUSALS} >= {
        "answers file", "value", "template syntax", "parties", "output", "library", "check", "outdated", "templates"}


def test_q13_the_filing_pdf_from_a_broken_libreoffice_is_refused_naming_the_cause(broken_libreoffice, run_cli):
    draft = broken_libreoffice / "memo.docx"
    assert run_cli("render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", draft, "--no-layout")[0] == 0
    code, _, err = run_cli("pdf", draft)
    assert code == 2
    assert err.splitlines()[-1] == (f"error: {draft}: LibreOffice could not convert it to PDF (soffice exited with "
                                    "status 1: soffice: cannot open display)")
    assert not draft.with_suffix(".pdf").exists()


def test_q13_check_says_why_a_page_limit_went_unchecked(broken_libreoffice, run_cli):
    draft = broken_libreoffice / "memo.docx"
    assert run_cli("render", MEMO, "--answers", EXAMPLES / "cepia-motion.yaml", "-o", draft, "--no-layout")[0] == 0
    code, out, err = run_cli("check", draft)
    assert code == 0 and "no problems found" in out
    assert ("warning: page limit of 15 (E.D. Mo. L.R. 4.01(D)) not checked: LibreOffice could not lay the draft out "
            "(soffice exited with status 1: soffice: cannot open display)") in err
