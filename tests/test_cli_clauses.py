"""`assembler clauses ...` and `assembler authorities ...` end to end, in-process and as a real command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from assembler.library.loading import BUILTIN_ROOT
from factories import clause, make_library, version


def test_version_flag(run_cli, capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        run_cli("--version")
    assert exit_info.value.code == 0
    assert "assembler 0.1.0" in capsys.readouterr().out


def test_builtin_library_verifies(run_cli):
    code, out, err = run_cli("clauses", "verify")
    assert code == 0, err
    assert out.startswith("ok:")


def test_builtin_authorities_verify_with_warnings_only_for_unverified(run_cli, builtin):
    code, out, err = run_cli("authorities", "verify")
    assert code == 0, err
    warned = {line.split(":")[1].strip() for line in err.splitlines()
              if line.startswith("warning:") and "unverified" in line}
    unverified = {a.key for a in builtin.registry if not a.verified}
    assert warned == unverified
    assert "error" not in err


def test_authorities_list_is_one_full_citation_a_line(run_cli, builtin):
    code, out, _ = run_cli("authorities", "list")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == len(builtin.registry)
    assert "Daimler AG v. Bauman, 571 U.S. 117 (2014)" in lines


def test_editing_one_word_of_an_approved_version_in_a_copy_fails_verify(tmp_path, run_cli, builtin):
    copy = tmp_path / "copy"
    shutil.copytree(BUILTIN_ROOT / "clauses", copy / "clauses")
    target = builtin.clause("general-jurisdiction-at-home")
    path = copy / "clauses" / target.path.relative_to(BUILTIN_ROOT / "clauses")
    text = path.read_text(encoding="utf-8")
    # a line of the approved version, which is the file's last: its last occurrence (an earlier version may
    # share it)
    line = next(ln.strip() for ln in target.latest_approved.text.splitlines() if " " in ln.strip() and "{" not in ln)
    at = text.rindex(line)
    path.write_text(text[:at] + line.replace(" ", " plainly ", 1) + text[at + len(line):], encoding="utf-8")
    code, _, err = run_cli("--library", copy, "clauses", "verify")
    assert code == 1
    assert f"general-jurisdiction-at-home@{target.latest_approved.version} is approved and frozen" in err


def test_list_json_is_the_documented_shape(run_cli):
    code, out, _ = run_cli("clauses", "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and {"id", "title", "category", "version", "status", "versions"} <= set(rows[0])
    gj = next(r for r in rows if r["id"] == "general-jurisdiction-at-home")
    assert gj["status"] == "approved"
    assert {"version": "1.0.0", "status": "deprecated"} in gj["versions"]


def test_list_filters_by_category_and_court(run_cli):
    _, out, _ = run_cli("clauses", "list", "--format", "json", "--category", "legal-standard", "--court", "moed")
    rows = json.loads(out)
    ids = {r["id"] for r in rows}
    assert rows and all(r["category"] == "legal-standard" for r in rows)
    assert "pj-standard-8th-cir" in ids and "pj-standard-2d-cir" not in ids


def test_list_warns_about_a_broken_file_and_lists_the_rest(tmp_path, run_cli):
    root = make_library(tmp_path / "firm", clause("firm-clause"), raw={"boilerplate/bad.yaml": "id: ["})
    code, out, err = run_cli("--library", root, "clauses", "list", "--format", "json")
    assert code == 0
    assert "bad.yaml" in err and "warning" in err
    assert "firm-clause" in {r["id"] for r in json.loads(out)}


def test_other_commands_refuse_a_broken_library_with_one_line_and_exit_2(tmp_path, run_cli):
    root = make_library(tmp_path / "firm", raw={"boilerplate/bad.yaml": "id: ["})
    code, out, err = run_cli("--library", root, "clauses", "show", "general-jurisdiction-at-home")
    assert code == 2
    assert err.count("\n") == 1 and "bad.yaml" in err and "Traceback" not in err


def test_show_prints_history_and_the_chosen_text(tmp_path, run_cli):
    root = make_library(tmp_path / "firm", clause("shown", [version("1.0.0", text="First."), version("1.1.0", text="Second.")]))
    code, out, _ = run_cli("--library", root, "clauses", "show", "shown@1.0.0")
    assert code == 0
    assert "text of shown@1.0.0 (approved):\n\nFirst." in out
    assert "1.1.0" in out and "approved by Practice group head" in out


def test_unknown_clause_is_exit_2_with_one_line(run_cli):
    code, _, err = run_cli("clauses", "show", "no-such-clause")
    assert code == 2 and err.strip() == "error: no clause 'no-such-clause' in the library"


def test_the_console_script_runs_without_a_traceback():
    result = subprocess.run([sys.executable, "-m", "assembler", "clauses", "show", "nope"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no clause 'nope'" in result.stderr
