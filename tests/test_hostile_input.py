"""The QA report's hostile-input recipes (reviews/qa-report.md), re-run: each case is one change to a bundled
example, rendered through the command line, and its outcome classified as the report classified it.

A case is *refused* (exit 2, one line on stderr, nothing written), *rendered* (exit 0 and the text a court
should read), or a failure: a traceback, a wrong output, a valid input refused, or data lost. The tally test
requires every case to come out as the report says it should now: no traceback, no wrong output, no data
loss, every valid input accepted.
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


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.q}-{c.name}")
def test_each_recipe(case, run_cli, tmp_path):
    assert _run(case, run_cli, tmp_path) == ("refused" if case.expect == "refuse" else "rendered")


def test_the_tally(run_cli, tmp_path_factory):
    tally = Counter(_run(case, run_cli, tmp_path_factory.mktemp("case")) for case in CASES)
    assert tally["traceback"] == tally["wrong output"] == tally["data loss"] == tally["valid input refused"] == 0, tally
    assert tally["refused"] + tally["rendered"] == len(CASES)


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
