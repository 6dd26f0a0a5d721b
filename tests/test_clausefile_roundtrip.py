"""A firm's clause file keeps its comments and layout through new-version, approve and deprecate: each
command changes only the lines of the entry it touches, and frozen versions keep their hashes."""

from __future__ import annotations

import difflib

from assembler.library.clauses import content_hash
from assembler.library.loading import load_library
from factories import make_library

CLAUSE_FILE = """\
# Security paragraph used in every preliminary-injunction order.
# Owner: knowledge management. Ask the practice group before changing the amount language.
id: firm-bond
title: Security under Rule 65(c)
category: injunction-language
applies_to: [all]   # every court
variables: [bond_amount]
provenance:
  - source: "Fed. R. Civ. P. 65(c)"
    note: The rule's text, read 2026-01-05.
versions:
  # the original, as the practice group approved it
  - version: 1.0.0
    status: approved
    date: 2026-01-05
    author: Knowledge Management
    approver: Practice Group Leader
    approved_on: 2026-01-06
    note: 'First version.'
    hash: {hash}
    text: |
      #. Plaintiff shall post security of {{{{ bond_amount | money }}}}.

      It shall be posted with the Clerk.
"""
TEXT = "#. Plaintiff shall post security of {{ bond_amount | money }}.\n\nIt shall be posted with the Clerk.\n"


def _firm(tmp_path):
    root = make_library(tmp_path / "firm")
    path = root / "clauses" / "injunction-language" / "firm-bond.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(CLAUSE_FILE.format(hash=content_hash(TEXT)), encoding="utf-8")
    return root, path


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_comments_and_layout_survive_the_whole_lifecycle(tmp_path, run_cli):
    root, path = _firm(tmp_path)
    original = path.read_text(encoding="utf-8")
    cli = lambda *argv: run_cli("--library", root, *argv)  # noqa: E731

    code, _, err = cli("clauses", "new-version", "firm-bond", "--minor", "--note", "Cash deposits too")
    assert code == 0, err
    proposed = path.read_text(encoding="utf-8")
    assert proposed.startswith(original)  # everything above, comments and quoting included, untouched
    assert proposed[len(original):].splitlines()[:3] == ["  - version: 1.1.0", "    status: draft",
                                                         f"    date: {proposed.split('date: ')[-1][:10]}"]

    head, old, tail = proposed.rpartition("It shall be posted with the Clerk.\n")  # the draft is the last entry
    path.write_text(head + "It shall be posted with the Clerk, in cash or by bond.\n" + tail, encoding="utf-8")
    edited = path.read_text(encoding="utf-8")
    code, _, err = cli("clauses", "approve", "firm-bond@1.1.0", "--by", "Practice Group Leader")
    assert code == 0, err
    approved = path.read_text(encoding="utf-8")
    changes = _changed_lines(edited, approved)
    assert [c[2:].split(":")[0].strip() for c in changes] == ["status", "status", "approver", "approved_on", "hash"]

    code, _, err = cli("clauses", "deprecate", "firm-bond@1.0.0", "--superseded-by", "firm-bond@1.1.0",
                       "--reason", "Cash deposits are accepted")
    assert code == 0, err
    final = path.read_text(encoding="utf-8")
    for comment in ("# Security paragraph used in every preliminary-injunction order.", "# Owner: knowledge",
                    "applies_to: [all]   # every court", "  # the original, as the practice group approved it",
                    '  - source: "Fed. R. Civ. P. 65(c)"'):
        assert comment in final
    changes = _changed_lines(approved, final)
    assert {c[2:].split(":")[0].strip() for c in changes} == {"status", "superseded_by", "note"}
    assert "    superseded_by: 1.1.0" in final and "Deprecated " in final and "Cash deposits are accepted" in final

    code, out, err = cli("clauses", "verify")
    assert code == 0, err  # every frozen hash still matches its text
    clause = load_library(root).clause("firm-bond")
    assert [(str(v.version), v.status) for v in clause.versions] == [("1.0.0", "deprecated"), ("1.1.0", "approved")]
    assert clause.versions[0].hash == content_hash(TEXT) and clause.versions[0].text == TEXT
    assert clause.versions[1].hash == content_hash(clause.versions[1].text)


def test_a_long_deprecation_note_is_folded_at_the_margin(tmp_path, run_cli):
    root, path = _firm(tmp_path)
    cli = lambda *argv: run_cli("--library", root, *argv)  # noqa: E731
    cli("clauses", "new-version", "firm-bond", "--note", "Reworded")
    cli("clauses", "approve", "firm-bond@1.1.0", "--by", "Practice Group Leader")
    reason = "The court's standing order now requires a corporate surety bond from a listed surety in every case " * 2
    code, _, err = cli("clauses", "deprecate", "firm-bond@1.0.0", "--superseded-by", "firm-bond@1.1.0",
                       "--reason", reason.strip())
    assert code == 0, err
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "    note: >-" in lines and max(len(line) for line in lines) <= 110
    note = load_library(root).clause("firm-bond").versions[0].note
    assert note.startswith("First version. Deprecated ") and note.endswith(reason.strip())
