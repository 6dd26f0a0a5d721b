"""Keeping firm-standard clauses: propose, approve, deprecate, redline — and drafts that know what they used.

Every test works on a temporary firm library layered over the built-in one, so the built-in library is
never touched (one test proves it).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from assembler.library.clausefile import dump_clause, read_clause_data
from assembler.library.loading import BUILTIN_ROOT
from conftest import require_layout_tools, to_pdf
from samples import EXAMPLES, plain

CLAUSE = "pi-duration"  # a built-in clause at its second version (1.1.0), so the firm's change is 1.2.0
BUILTIN_FILE = BUILTIN_ROOT / "clauses" / "injunction-language" / f"{CLAUSE}.yaml"
ORDER = EXAMPLES / "alibabacoin-pi-order.yaml"
OLD_WORDS = "may move to dissolve or modify it on notice"
NEW_WORDS = "may apply to dissolve or modify it on two days' notice"
DELETED = "move"  # a word the change strikes
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def firm(tmp_path):
    (tmp_path / "firm" / "clauses").mkdir(parents=True)
    return tmp_path / "firm"


@pytest.fixture
def cli(run_cli, firm):
    """The CLI over the firm library."""
    return lambda *argv: run_cli("--library", firm, *argv)


def firm_file(firm: Path) -> Path:
    return firm / "clauses" / "injunction-language" / f"{CLAUSE}.yaml"


def edit_draft(firm: Path, version: str, old: str, new: str) -> None:
    """What the knowledge-management lawyer does in an editor: change words in the draft's text (the last
    entry in the file), nothing else."""
    path = firm_file(firm)
    head, marker, draft = path.read_text(encoding="utf-8").partition(f"  - version: {version}\n")
    fields, text_key, text = draft.partition("    text: |\n")
    words = " ".join(text.split())
    assert old in words, "the draft does not hold the words to change"
    path.write_text(head + marker + fields + text_key + "      " + words.replace(old, new) + "\n", encoding="utf-8")


def text_of(path: Path) -> str:
    return plain("\n".join(p.text for p in docx.Document(path).paragraphs))  # typesetting: test_typography


def propose_and_approve(cli, firm) -> None:
    code, out, err = cli("clauses", "new-version", CLAUSE, "--note", "Two days' notice to modify")
    assert code == 0, err
    assert f"{CLAUSE}@1.2.0 (draft)" in out and str(firm_file(firm)) in out
    edit_draft(firm, "1.2.0", OLD_WORDS, NEW_WORDS)
    code, out, err = cli("clauses", "approve", f"{CLAUSE}@1.2.0", "--by", "Practice Group Leader")
    assert code == 0, err


def test_the_whole_lifecycle(cli, firm, tmp_path):
    code, _, err = cli("render", "pi-order", "--answers", ORDER, "-o", tmp_path / "old.docx")
    assert code == 0, err
    assert OLD_WORDS in " ".join(text_of(tmp_path / "old.docx").split())
    assert cli("outdated", tmp_path / "old.docx")[0] == 0

    propose_and_approve(cli, firm)

    code, out, _ = cli("outdated", tmp_path / "old.docx")
    assert code == 1
    assert f"{CLAUSE}@1.1.0: newer approved version 1.2.0" in out and "Two days' notice to modify" in out

    code, out, _ = cli("clauses", "diff", CLAUSE, "1.1.0", "1.2.0")
    assert code == 0 and re.search(r"\[-[^]]*" + DELETED + r"[^]]*-\]", out)

    code, _, err = cli("clauses", "deprecate", f"{CLAUSE}@1.1.0", "--superseded-by", f"{CLAUSE}@1.2.0",
                       "--reason", "Certified checks are no longer accepted")
    assert code == 0, err
    code, out, _ = cli("clauses", "history", CLAUSE)
    assert "deprecated" in out and "Practice Group Leader" in out and "Certified checks" in out

    code, out, _ = cli("outdated", tmp_path / "old.docx")
    assert code == 1 and "1.1.0 is deprecated, superseded by 1.2.0" in out

    code, _, err = cli("reassemble", tmp_path / "old.docx", "--answers", ORDER, "-o", tmp_path / "same.docx")
    assert code == 0 and "deprecated" in err
    assert text_of(tmp_path / "same.docx") == text_of(tmp_path / "old.docx")
    same = yaml.safe_load((tmp_path / "same.assembly.yaml").read_text())
    assert {"id": CLAUSE, "version": "1.1.0"}.items() <= next(c for c in same["clauses"] if c["id"] == CLAUSE).items()

    code, _, err = cli("reassemble", tmp_path / "old.docx", "--answers", ORDER, "-o", tmp_path / "new.docx",
                       "--upgrade")
    assert code == 0, err
    assert NEW_WORDS in " ".join(text_of(tmp_path / "new.docx").split())
    assert cli("outdated", tmp_path / "new.docx")[0] == 0


def test_a_pinned_deprecated_version_fails_under_strict(cli, firm, tmp_path):
    cli("render", "pi-order", "--answers", ORDER, "-o", tmp_path / "old.docx")
    propose_and_approve(cli, firm)
    cli("clauses", "deprecate", f"{CLAUSE}@1.1.0", "--superseded-by", f"{CLAUSE}@1.2.0", "--reason", "replaced")
    code, _, err = cli("reassemble", tmp_path / "old.docx", "--answers", ORDER, "-o", tmp_path / "x.docx", "--strict")
    assert code == 2 and f"{CLAUSE}@1.1.0" in err and "deprecated" in err
    assert not (tmp_path / "x.docx").exists()


def test_an_approved_version_is_frozen(cli, firm):
    propose_and_approve(cli, firm)
    path = firm_file(firm)
    path.write_text(path.read_text().replace("two days' notice", "three days' notice"))
    code, _, err = cli("clauses", "verify")
    assert code == 1 and f"{CLAUSE}@1.2.0 is approved and frozen" in err


def test_the_built_in_library_is_never_changed_and_the_firm_file_is_a_reviewable_diff(cli, firm):
    before = BUILTIN_FILE.read_bytes()
    propose_and_approve(cli, firm)
    assert BUILTIN_FILE.read_bytes() == before
    builtin_lines = before.decode().splitlines()
    firm_lines = firm_file(firm).read_text().splitlines()
    assert firm_lines[: len(builtin_lines)] == builtin_lines  # the history above is untouched, line for line
    added = firm_lines[len(builtin_lines):]
    assert added[0] == "  - version: 1.2.0" and "    status: approved" in added
    assert "    approver: Practice Group Leader" in added and any(line.startswith("    hash: sha256:") for line in added)


def test_writing_an_unchanged_clause_file_reproduces_it_exactly(builtin):
    for clause in builtin.clauses.values():
        assert dump_clause(read_clause_data(clause.path)) == clause.path.read_text(encoding="utf-8"), clause.path


def test_the_redline_has_real_tracked_changes_with_author_and_date(cli, firm, tmp_path):
    propose_and_approve(cli, firm)
    out = tmp_path / "redline.docx"
    code, stdout, err = cli("clauses", "diff", CLAUSE, "1.1.0", "1.2.0", "--docx", out)
    assert code == 0, err
    with zipfile.ZipFile(out) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    deleted = body.findall(f".//{W}del")
    inserted = body.findall(f".//{W}ins")
    assert deleted, "no w:del"
    assert DELETED in "".join(t.text for d in deleted for t in d.iter(f"{W}delText"))
    assert DELETED not in "".join(t.text for t in body.iter(f"{W}t"))  # gone from the accepted text
    for change in deleted + inserted:
        assert change.get(f"{W}author") == "Knowledge Management"
        assert change.get(f"{W}date").startswith("20")
    assert cli("clauses", "diff", CLAUSE, "1.1.0", "1.2.0", "--docx", out)[0] == 2  # no overwrite without --force


def test_the_redline_opens_in_libreoffice_with_the_changes_shown(cli, firm, tmp_path):
    require_layout_tools()
    propose_and_approve(cli, firm)
    out = tmp_path / "redline.docx"
    cli("clauses", "diff", CLAUSE, "1.1.0", "1.2.0", "--docx", out)
    to_pdf(tmp_path, tmp_path / "profile", out)
    text = " ".join(subprocess.run(["pdftotext", str(tmp_path / "redline.pdf"), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    # LibreOffice shows tracked changes by default: both the struck and the inserted words are laid out
    assert DELETED in text and "apply" in text and "Two days' notice to modify" in text


@pytest.mark.parametrize(
    "argv, message",
    [
        (("clauses", "new-version", "no-such-clause", "--note", "x"), "no clause 'no-such-clause'"),
        (("clauses", "new-version", CLAUSE, "--note", " "), "needs a change note"),
        (("clauses", "new-version", CLAUSE, "--version", "0.9.0", "--note", "x"), "not above the latest version"),
        (("clauses", "new-version", CLAUSE, "--version", "1.x", "--note", "x"), "not a semantic version"),
        (("clauses", "approve", f"{CLAUSE}@1.1.0", "--by", "X"), "already approved"),
        (("clauses", "approve", f"{CLAUSE}@9.0.0", "--by", "X"), "has no version 9.0.0"),
        (("clauses", "approve", f"{CLAUSE}@^1", "--by", "X"), "name one exact version"),
        (("clauses", "deprecate", f"{CLAUSE}@1.1.0", "--superseded-by", f"{CLAUSE}@2.0.0", "--reason", "r"),
         "unknown successor"),
        (("clauses", "deprecate", f"{CLAUSE}@1.1.0", "--superseded-by", f"{CLAUSE}@1.1.0", "--reason", "r"),
         "cannot supersede itself"),
        (("clauses", "diff", CLAUSE, "1.1.0", "3.0.0"), "has no version 3.0.0"),
        (("outdated", "missing.docx"), "no assembly manifest beside missing.docx"),
    ],
)
def test_bad_requests_are_one_line_exit_2_and_change_nothing(cli, firm, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    before = BUILTIN_FILE.read_bytes()
    code, out, err = cli(*argv)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert BUILTIN_FILE.read_bytes() == before and not firm_file(firm).exists()


def test_a_second_draft_waits_for_the_first_and_a_draft_cannot_be_deprecated(cli, firm):
    assert cli("clauses", "new-version", CLAUSE, "--note", "first")[0] == 0
    before = firm_file(firm).read_bytes()
    code, _, err = cli("clauses", "new-version", CLAUSE, "--note", "second")
    assert code == 2 and "already has draft 1.2.0" in err
    code, _, err = cli("clauses", "deprecate", f"{CLAUSE}@1.2.0", "--superseded-by", f"{CLAUSE}@1.1.0",
                       "--reason", "r")
    assert code == 2 and "only an approved version can be deprecated" in err
    code, _, err = cli("clauses", "approve", f"{CLAUSE}@1.2.0", "--by", " ")
    assert code == 2 and "--by" in err
    assert firm_file(firm).read_bytes() == before


def test_a_damaged_manifest_is_named(cli, tmp_path):
    (tmp_path / "draft.docx").write_bytes(b"")
    (tmp_path / "draft.assembly.yaml").write_text("clauses: [{id: x}]\ntemplate: {id: pi-order}\n")
    code, _, err = cli("outdated", tmp_path / "draft.docx")
    assert code == 2 and "draft.assembly.yaml" in err and "lacks its id or version" in err
    (tmp_path / "draft.assembly.yaml").write_text("clauses: [\n")
    code, _, err = cli("reassemble", tmp_path / "draft.docx", "--answers", ORDER, "-o", tmp_path / "n.docx")
    assert code == 2 and "cannot read the assembly manifest" in err
    assert not (tmp_path / "n.docx").exists()
