"""``assembler batch``: many matters in one run, each draft right for its own matter, failures reported per
matter without stopping the rest, and a second run skipping every draft that is already up to date."""

from __future__ import annotations

import csv

import pytest
import yaml
from docx import Document

from assembler.batch import matters_from, run_batch
from assembler.errors import AssemblerError
from samples import motion_answers

PLAINTIFFS = [
    [{"name": "Acme Widgets, Inc.", "short_name": "Acme", "kind": "corporation"}],
    [{"name": "Jane Roe", "short_name": "Roe", "kind": "individual"},
     {"name": "Roe Holdings LLC", "short_name": "Roe Holdings", "kind": "llc"}],
]


def text_of(path) -> str:
    """Every paragraph, the caption table's included."""
    from docx.oxml.ns import qn

    body = Document(str(path)).element.body
    return " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def write_matters(folder, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        # notice courts: E.D. Mo. takes a motion, not a notice of motion (L.R. 4.01)
        answers = motion_answers(court=("nyed", "nysd", "cand")[n % 3], case_number=f"1:26-cv-{n:05d}",
                                 plaintiffs=PLAINTIFFS[n % 2])
        (folder / f"matter-{n:02d}.yaml").write_text(yaml.safe_dump(answers, allow_unicode=True))


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch") / "matters"
    write_matters(folder, 50)
    return folder


def test_fifty_matters_render_with_a_summary_and_a_second_run_skips_them_all(fifty, run_cli, tmp_path):
    out = tmp_path / "drafts"
    code, stdout, _ = run_cli("batch", "rule-12b2-notice", fifty, "-o", out, "--no-layout")
    assert code == 0, stdout
    assert "50 rendered, 0 skipped, 0 failed" in stdout
    assert "matter-49" in stdout and "rendered" in stdout  # the summary table lists each matter
    for n in (0, 1, 2, 49):
        text = text_of(out / f"matter-{n:02d}.docx")
        assert f"1:26-cv-{n:05d}" in text
        assert ("EASTERN DISTRICT OF NEW YORK", "SOUTHERN DISTRICT OF NEW YORK",
                "NORTHERN DISTRICT OF CALIFORNIA")[n % 3] in text
        assert PLAINTIFFS[n % 2][0]["name"].upper() in text
    written = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    code, stdout, _ = run_cli("batch", "rule-12b2-notice", fifty, "-o", out, "--no-layout")
    assert code == 0
    assert "0 rendered, 50 skipped, 0 failed" in stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == written  # nothing rewritten


def test_an_interrupted_batch_resumes_and_a_changed_matter_needs_force(tmp_path):
    folder = tmp_path / "matters"
    write_matters(folder, 4)
    out = tmp_path / "drafts"
    run_batch(None, "rule-12b2-notice", matters_from(folder), out, layout=False, workers=1)
    (out / "matter-02.docx").unlink()  # as if the run had stopped before this matter
    answers = yaml.safe_load((folder / "matter-03.yaml").read_text())
    answers["case_number"] = "1:26-cv-99999"
    (folder / "matter-03.yaml").write_text(yaml.safe_dump(answers))

    outcomes = run_batch(None, "rule-12b2-notice", matters_from(folder), out, layout=False, workers=1)
    assert [o.status for o in outcomes] == ["skipped", "skipped", "rendered", "failed"]
    assert "out of date (other answers); use --force" in outcomes[3].message
    assert "1:26-cv-99999" not in text_of(out / "matter-03.docx")

    outcomes = run_batch(None, "rule-12b2-notice", matters_from(folder), out, layout=False, force=True, workers=1)
    assert [o.status for o in outcomes] == ["skipped", "skipped", "skipped", "rendered"]
    assert "1:26-cv-99999" in text_of(out / "matter-03.docx")


def test_a_sheet_of_matters_with_a_column_per_answer_and_one_bad_row(tmp_path):
    base = motion_answers()
    sheet = tmp_path / "matters.csv"
    def flow(value):  # a cell as a user types it: a list or mapping in YAML's inline form, else the value
        if isinstance(value, (list, dict)):
            return yaml.safe_dump(value, default_flow_style=True, width=10**6).strip()
        return str(value).lower() if isinstance(value, bool) else str(value)

    rest = [key for key in base if key not in ("court", "case_number", "plaintiffs", "division")]
    header = ["matter", "court", "case_number", "plaintiffs.0.name", "plaintiffs.0.short_name", "plaintiffs.0.kind",
              *rest]
    common = [flow(base[key]) for key in rest]
    with open(sheet, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(["acme", "nyed", "4:26-cv-00001", "Acme & Sons, Inc.", "Acme", "corporation", *common])
        writer.writerow(["bad", "nyxd", "1:26-cv-00002", "Beta LLC", "Beta", "llc", *common])
        writer.writerow(["roe", "nyed", "4:26-cv-00003", "Jane Roe", "Roe", "individual", *common])
    outcomes = run_batch(None, "rule-12b2-notice", matters_from(sheet), tmp_path / "out", layout=False, workers=2)
    assert [(o.matter, o.status) for o in outcomes] == [("acme", "rendered"), ("bad", "failed"), ("roe", "rendered")]
    assert outcomes[1].message.startswith(f"{sheet} row 3") and "'nyxd'" in outcomes[1].message
    assert "\n" not in outcomes[1].message
    assert "ACME & SONS, INC." in text_of(tmp_path / "out" / "acme.docx")
    assert "4:26-cv-00003" in text_of(tmp_path / "out" / "roe.docx")


def test_an_xlsx_sheet_is_read_like_a_csv(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["matter", "court", "case_number"])
    workbook.active.append(["one", "nysd", "1:26-cv-00001"])
    workbook.save(tmp_path / "m.xlsx")
    (matter,) = matters_from(tmp_path / "m.xlsx")
    assert (matter.name, matter.answers) == ("one", {"court": "nysd", "case_number": "1:26-cv-00001"})


@pytest.mark.parametrize("content, problem", [
    ("", "first row must name the answers"),
    ("matter,court\n../x,nysd\n", "cannot name an output file"),
    ("matter,court\na,nysd\na,moed\n", "named twice"),
])
def test_a_bad_sheet_is_one_line_naming_it(tmp_path, content, problem):
    sheet = tmp_path / "s.csv"
    sheet.write_text(content)
    with pytest.raises(AssemblerError, match=problem):
        matters_from(sheet)


def test_a_folder_with_one_unreadable_answers_file_renders_the_others(tmp_path):
    folder = tmp_path / "matters"
    write_matters(folder, 2)
    (folder / "broken.yaml").write_text("court: [nysd\n", encoding="utf-8")
    outcomes = run_batch(None, "rule-12b2-notice", matters_from(folder), tmp_path / "out", layout=False, workers=1)
    assert [(o.matter, o.status) for o in outcomes] == [
        ("broken", "failed"), ("matter-00", "rendered"), ("matter-01", "rendered")]
    assert outcomes[0].message.startswith(f"{folder / 'broken.yaml'}: ") and "not valid YAML" in outcomes[0].message
    assert not (tmp_path / "out" / "broken.docx").exists()


@pytest.mark.parametrize("cell, value", [
    ("used the mark: in ads", "used the mark: in ads"), ("no", "no"), ("1:26-cv-00001", "1:26-cv-00001"),
    ("7", 7), ("2.5", 2.5), ("true", True), ("[a, b]", ["a", "b"]), ("{name: Acme}", {"name": "Acme"}),
])
def test_a_sheet_cell_is_text_unless_written_as_a_number_flag_list_or_mapping(tmp_path, cell, value):
    sheet = tmp_path / "m.csv"
    with open(sheet, "w", newline="") as handle:
        csv.writer(handle).writerows([["matter", "answer"], ["one", cell]])
    assert matters_from(sheet)[0].answers["answer"] == value


def test_a_matter_name_too_long_for_a_file_is_refused_naming_the_row(tmp_path):
    sheet = tmp_path / "m.csv"
    with open(sheet, "w", newline="") as handle:
        csv.writer(handle).writerows([["matter", "court"], ["x" * 300, "nysd"]])
    with pytest.raises(AssemblerError, match=r"m\.csv row 2: the matter name 'x{40}…' is too long for a file name"):
        matters_from(sheet)
