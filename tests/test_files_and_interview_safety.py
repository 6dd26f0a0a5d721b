"""Files are safe and the interview never loses work: a draft and its manifest are one pair, output files get
the user's permissions, an unwritable folder is one line, the answers file is never replaced, and Ctrl-C keeps
every answer typed, finished or not."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from assembler.api import render_document
from assembler.assembly.interview import run_interview
from assembler.errors import AssemblerError, InterviewAborted
from assembler.library.loading import load_library
from samples import EXAMPLES, motion_answers, order_answers
from test_interview import ScriptedAsker, answered_in_full, order_without_defendants, questions


def _core_identifier(docx: Path) -> str:
    import docx as python_docx

    return python_docx.Document(str(docx)).core_properties.identifier


# --- Q11: check and outdated refuse a manifest that belongs to another draft ---

def test_a_manifest_copied_from_another_draft_is_refused_by_check_and_outdated(run_cli, tmp_path):
    order, memo = tmp_path / "m.docx", tmp_path / "x.docx"
    assert run_cli("render", "pi-order", "--answers", EXAMPLES / "alibabacoin-pi-order.yaml", "-o", order,
                   "--no-layout")[0] == 0
    assert run_cli("render", "rule-12b2-proposed-order", "--answers", EXAMPLES / "cepia-motion.yaml", "-o", memo,
                   "--no-layout")[0] == 0
    assert run_cli("check", order, "--no-layout")[0] == 0  # its own manifest is accepted
    shutil.copy(tmp_path / "x.assembly.yaml", tmp_path / "m.assembly.yaml")
    for argv in (("check", order, "--no-layout"), ("outdated", order)):
        code, out, err = run_cli(*argv)
        assert code == 2 and err.count("\n") == 1, err
        assert "this manifest belongs to another draft, not m.docx" in err


def test_a_draft_edited_in_word_keeps_its_manifest(run_cli, tmp_path):
    import docx as python_docx

    order = tmp_path / "o.docx"
    run_cli("render", "pi-order", "--answers", EXAMPLES / "alibabacoin-pi-order.yaml", "-o", order, "--no-layout")
    document = python_docx.Document(str(order))
    document.add_paragraph("A lawyer's added sentence.")
    document.save(str(order))
    assert run_cli("outdated", order)[0] == 0


# --- Q12: the pair is written together ---

def test_concurrent_renders_into_one_path_leave_a_matching_pair(builtin, tmp_path):
    out = tmp_path / "out.docx"
    first, second = motion_answers(case_number="4:26-CV-1 AAA"), motion_answers(case_number="4:26-CV-2 BBB")
    for _ in range(4):
        threads = [threading.Thread(target=render_document, args=(builtin, "rule-12b2-proposed-order", answers, out),
                                    kwargs={"force": True}) for answers in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        manifest = yaml.safe_load((tmp_path / "out.assembly.yaml").read_text(encoding="utf-8"))
        assert manifest["document_id"] == _core_identifier(out)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- Q20: permissions ---

def test_output_files_get_the_users_umask(builtin, tmp_path):
    old = os.umask(0o022)
    try:
        result = render_document(builtin, "rule-12b2-proposed-order", motion_answers(), tmp_path / "n.docx")
    finally:
        os.umask(old)
    assert oct(result.docx_path.stat().st_mode & 0o777) == oct(0o644)
    assert oct(result.manifest_path.stat().st_mode & 0o777) == oct(0o644)


# --- Q15: an unwritable folder is one line ---

def test_an_unwritable_folder_is_one_line_and_nothing_is_left(run_cli, tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / ".out.docx.x.tmp"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    code, out, err = run_cli("render", "rule-12b2-proposed-order", "--answers", EXAMPLES / "cepia-motion.yaml",
                             "-o", tmp_path / "out.docx", "--no-layout")
    assert code == 2 and err == f"error: {tmp_path}: cannot write the files here (Permission denied)\n"
    assert list(tmp_path.iterdir()) == []


# --- Q6: --force never replaces the answers file ---

def test_force_never_overwrites_the_answers_file(run_cli, tmp_path):
    answers = tmp_path / "out.assembly.yaml"
    shutil.copy(EXAMPLES / "cepia-motion.yaml", answers)
    before = answers.read_bytes()
    code, _, err = run_cli("render", "rule-12b2-proposed-order", "--answers", answers, "-o", tmp_path / "out.docx",
                           "--no-layout", "--force")
    assert code == 2 and "that is the answers file; choose another output name" in err
    assert answers.read_bytes() == before and not (tmp_path / "out.docx").exists()


# --- Q5: Ctrl-C keeps every answer ---

def test_ctrl_c_inside_a_list_keeps_the_finished_items_and_the_half_typed_one(builtin):
    spec, answers = order_without_defendants(builtin)
    asker = ScriptedAsker([
        "Seller One Ltd.", "Seller One", "corporation", "China", "Shenzhen, China",
        True, "Seller Two Ltd.", "Seller Two", KeyboardInterrupt,
    ])
    with pytest.raises(InterviewAborted) as stopped:
        run_interview(spec, answers, asker)
    kept = stopped.value.answers["defendants"]
    assert kept[0] == {"name": "Seller One Ltd.", "short_name": "Seller One", "kind": "corporation",
                       "organized_under": "China", "principal_place_of_business": "Shenzhen, China"}
    assert kept[1] == {"name": "Seller Two Ltd.", "short_name": "Seller Two"}

    # resumed: the finished seller is kept, the half-typed one asks only what it lacks
    resumed = ScriptedAsker(["llc", "", "", False])
    result = run_interview(spec, stopped.value.answers, resumed)
    assert [d["short_name"] for d in result["defendants"]] == ["Seller One", "Seller Two"]
    assert result["defendants"][1]["kind"] == "llc"
    assert not any("Seller" in prompt or "Full legal name" in prompt for prompt in resumed.asked)


def test_a_second_ctrl_c_on_a_resumed_interview_still_offers_to_save(run_cli, tmp_path, monkeypatch):
    from assembler.assembly import interview

    monkeypatch.chdir(tmp_path)
    partial = answered_in_full(order_answers(), questions(load_library(), "pi-order"))
    del partial["defendants"]
    partial["enjoined"] = []
    (tmp_path / "pi-order-answers.yaml").write_text(yaml.safe_dump(partial), encoding="utf-8")
    asker = ScriptedAsker(["Seller One Ltd.", KeyboardInterrupt, True])
    monkeypatch.setattr(interview, "terminal_asker", lambda: asker)
    code, _, err = run_cli("new", "pi-order", "-o", "order.docx", "--answers", "pi-order-answers.yaml")
    assert code == 130
    assert "answers so far saved to pi-order-answers-2.yaml" in err
    saved = yaml.safe_load((tmp_path / "pi-order-answers-2.yaml").read_text(encoding="utf-8"))
    assert saved["defendants"] == [{"name": "Seller One Ltd."}]
    assert yaml.safe_load((tmp_path / "pi-order-answers.yaml").read_text(encoding="utf-8")) == partial


def test_an_unwritable_output_folder_is_found_before_the_first_question(run_cli, tmp_path, monkeypatch):
    import tempfile

    from assembler.assembly import interview

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    asker = ScriptedAsker([])
    monkeypatch.setattr(interview, "terminal_asker", lambda: asker)
    code, _, err = run_cli("new", "pi-order", "-o", tmp_path / "order.docx")
    assert code == 2 and "cannot write in this folder (Permission denied)" in err and asker.asked == []


# --- Q9: an empty library is an error ---

def test_an_empty_built_in_library_is_an_error_not_ok_0_clauses(monkeypatch, tmp_path):
    from assembler.library import loading

    monkeypatch.setattr(loading, "BUILTIN_ROOT", tmp_path)
    with pytest.raises(AssemblerError, match="the built-in clause library is missing"):
        loading.load_library()
