"""N.D. Ill. Schedule A practice: the TRO, the preliminary injunction converting it, and Schedule A read from an
investigator's spreadsheet. Assertions are on the rendered text a judge would read."""

from __future__ import annotations

import copy
import csv
from pathlib import Path

import pytest
from docx import Document

from assembler.api import render_document
from assembler.assembly.sellers import SellersError, read_sellers
from assembler.errors import AssemblerError
from samples import example, plain

MARKETPLACES = ["Amazon", "eBay", "Temu", "AliExpress", "Walmart", "DHgate", "Shein", "Alibaba"]


def tro_answers(**changes):
    answers = copy.deepcopy(example("ndil-schedule-a-tro.yaml"))
    if changes.get("court", answers["court"]) != answers["court"]:
        answers.pop("division", None)  # the example's division is N.D. Ill.'s
    answers.update(changes)
    return answers


def sellers(n: int) -> list[dict[str, str]]:
    return [{"name": f"Seller {i:04d} Trading Co.", "store": f"Store{i:04d}", "marketplace": MARKETPLACES[i % 8],
             "seller_id": f"ID{i:06d}", "url": f"https://shop.example/{i}"} for i in range(1, n + 1)]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def body_and_schedule(path: Path) -> tuple[str, list[list[str]]]:
    document = Document(str(path))
    body = plain("\n".join(p.text for p in document.paragraphs))  # the typesetting is tested in test_typography
    schedule = document.tables[-1]
    return body, [[cell.text for cell in row.cells] for row in schedule.rows]


# --- the spreadsheet ---------------------------------------------------------------------------------------


def test_columns_are_found_by_header_in_any_order_and_spelling(tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Store URL", "Platform", "Merchant ID", "Seller Alias", "Shop Name"],
                     [["https://a.example", "Amazon", "A1", "Alpha Co.", "AlphaShop"]])
    sheet = read_sellers(path)
    assert sheet.sellers == [{"url": "https://a.example", "marketplace": "Amazon", "seller_id": "A1",
                              "name": "Alpha Co.", "store": "AlphaShop"}]


def test_xlsx_numbers_come_out_as_typed(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", ["Defendant", "Marketplace", "Seller ID"],
                      [["Ningbo Star & Moon Co., Ltd.", "AliExpress", 1103387452]])
    assert read_sellers(path).sellers == [{"name": "Ningbo Star & Moon Co., Ltd.", "marketplace": "AliExpress",
                                           "seller_id": "1103387452"}]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_bad_cell_is_named_by_row_and_column(tmp_path, suffix):
    rows = [["Alpha", "Amazon"], ["Beta", ""], ["Gamma", "eBay"]]
    writer = write_csv if suffix == ".csv" else write_xlsx
    path = writer(tmp_path / f"s{suffix}", ["Seller Alias", "Marketplace"], rows)
    with pytest.raises(SellersError) as caught:
        read_sellers(path)
    assert str(caught.value) == (f"{path}: row 3, column B ('Marketplace'): empty; every seller needs a marketplace")


def test_template_syntax_in_a_cell_is_refused(tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Seller", "Marketplace"], [["{{ evil }}", "Amazon"]])
    with pytest.raises(SellersError, match=r"row 2, column A \('Seller'\): contains template syntax"):
        read_sellers(path)


def test_empty_rows_are_skipped_and_reported(tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Seller", "Marketplace"], [["Alpha", "Amazon"], ["", ""], ["Beta", "eBay"]])
    sheet = read_sellers(path)
    assert [s["name"] for s in sheet.sellers] == ["Alpha", "Beta"]
    assert sheet.notes == [f"{path}: skipped 1 empty row(s): 3"]


def test_the_same_seller_twice_is_refused_naming_both_rows(tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Seller", "Marketplace", "Seller ID"],
                     [["Alpha", "Amazon", "A1"], ["Beta", "eBay", "B1"], ["Alpha Again", "amazon", "a1"]])
    with pytest.raises(SellersError, match=r"row 4 repeats the seller in row 2"):
        read_sellers(path)


def test_a_sheet_without_the_needed_columns_says_which(tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Seller", "Country"], [["Alpha", "CN"]])
    with pytest.raises(SellersError, match=r"no column for marketplace \(e.g. 'marketplace'\); found: Seller, Country"):
        read_sellers(path)


# --- the TRO and the PI order for 500 sellers ------------------------------------------------------------------

TRO_PROVISIONS = [
    "likely has personal jurisdiction over Defendants",
    "NBA Props., Inc. v. HANWJH, 46 F.4th 614 (7th Cir. 2022)",
    "traditional legal remedies would be inadequate",
    "on a sliding scale",
    "has no adequate remedy at law",
    "Sorensen v. WD-40 Co.",
    "rebuttable presumption of irreparable harm",
    "The Court issues this Order without notice to Defendants",
    "Fed. R. Civ. P. 65(b)(1)(A) requires, that immediate and irreparable injury",
    "Fed. R. Civ. P. 65(b)(1)(B) requires, Signing Attorney",
    '"Defendants" in this Order are the persons and entities identified in Schedule A',
    "(d) manufacturing, shipping, delivering, holding for sale",
    "EXAMPLE (U.S. Reg. No. 1,234,567); EXAMPLE STAR DESIGN (U.S. Reg. No. 2,345,678)",
    "is in active concert or participation with Defendants",
    "Within 7 days after receiving actual notice of this Order, each Third Party Provider shall disable",
    "up to $50,000.00 for each Defendant",
    "not a restraint of assets in aid of a claim for money damages",
    "may move to modify or release the restraint on 2 days' notice",
    "Fed. R. Civ. P. 26(d)(1)",
    "Fed. R. Civ. P. 4(f)(3)",
    'The Hague Service Convention does not apply "where the address of the person to be served with the document '
    'is not known."',
    "That search was diligent",
    "shall remain under seal until",
    "security of $10,000.00",
    "This Order expires 14 days after entry unless",
    "for good cause extends it for a like period or Defendants consent to a longer extension",
    "will be heard at the earliest possible time",
    "Fed. R. Civ. P. 65(b)(4)",
    "Entered: ____________________, 20___, at",
]


@pytest.fixture(scope="module")
def five_hundred(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sellers")
    rows = [[s["name"], s["store"], s["marketplace"], s["seller_id"], s["url"]] for s in sellers(500)]
    return write_xlsx(folder / "sellers.xlsx", ["Seller Alias", "Store Name", "Platform", "Seller ID", "Store URL"], rows)


def test_the_tro_for_500_sellers_carries_every_provision_and_every_seller(builtin, tmp_path, five_hundred):
    answers = tro_answers(schedule_a=read_sellers(five_hundred).sellers)
    render_document(builtin, "tro-order", answers, tmp_path / "tro.docx")
    body, schedule = body_and_schedule(tmp_path / "tro.docx")
    assert "[PROPOSED] TEMPORARY RESTRAINING ORDER" in body
    for provision in TRO_PROVISIONS:
        assert provision in body, provision
    assert schedule[0] == ["No.", "Defendant", "Online store", "Marketplace", "Seller ID", "URL"]
    assert schedule[1:] == [[str(i), s["name"], s["store"], s["marketplace"], s["seller_id"], s["url"]]
                            for i, s in enumerate(sellers(500), start=1)]


def test_the_pi_order_converting_the_tro_for_500_sellers(builtin, tmp_path, five_hundred):
    answers = tro_answers(schedule_a=read_sellers(five_hundred).sellers, tro_schedule_unsealed=False,
                          schedule_sealed=False)
    render_document(builtin, "pi-order", answers, tmp_path / "pi.docx")
    body, schedule = body_and_schedule(tmp_path / "pi.docx")
    for provision in [
        "On December 1, 2026, the Court entered a temporary restraining order against Defendants, and on "
        "December 14, 2026, it extended that order for good cause",
        "on or before December 4, 2026, by email under Fed. R. Civ. P. 4(f)(3)",
        "No Defendant has appeared or opposed the motion for a preliminary injunction.",
        "the motion and the papers submitted in support of it, and the arguments of counsel for Example Brands",
        "The $10,000.00 security that Example Brands posted under the temporary restraining order shall remain "
        "with the Court",
        "This Order replaces the temporary restraining order, and the restraint of funds it imposed continues only "
        "on the terms and within the limit stated in this Order",
        "up to $50,000.00 for each Defendant",
        "The Clerk is directed to unseal Schedule A",
        "Within three days after entry of this Order, Example Brands shall serve",
        "Cassell v. Snyders", "Sorensen v. WD-40 Co.", "has no adequate remedy at law",
        "each Third Party Provider shall disable",
        "may appear and move to dissolve or modify it on 2 days' notice",
    ]:
        assert provision in body, provision
    assert "shall post security in the amount" not in body  # the TRO bond carries over; no second bond
    assert "Weitzman" not in body and "Winter factors" not in body
    assert [row[1] for row in schedule[1:]] == [s["name"] for s in sellers(500)]


def test_the_pi_order_without_schedule_a_provisions_stays_the_sdny_order(builtin, tmp_path):
    answers = copy.deepcopy(example("alibabacoin-pi-order.yaml"))
    render_document(builtin, "pi-order", answers, tmp_path / "pi.docx")
    body = plain("\n".join(p.text for p in Document(str(tmp_path / "pi.docx")).paragraphs))
    assert "Third Party Provider" not in body and "temporary restraining order" not in body
    assert "Cassell" not in body and "HANWJH" not in body
    assert "Winter v. " in body


def test_a_tro_with_no_sellers_is_refused(builtin, tmp_path):
    with pytest.raises(AssemblerError, match="'schedule_a' is missing"):
        render_document(builtin, "tro-order", tro_answers(), tmp_path / "tro.docx")
    assert not (tmp_path / "tro.docx").exists()


def test_a_tro_cannot_outlast_fourteen_days(builtin, tmp_path):
    with pytest.raises(AssemblerError, match="'tro_days' must be at most 14"):
        render_document(builtin, "tro-order", tro_answers(schedule_a=sellers(2), tro_days=21), tmp_path / "t.docx")


def test_the_tro_is_seventh_circuit_law_and_refused_elsewhere(builtin, tmp_path):
    with pytest.raises(AssemblerError, match="none applies in the Southern District of New York"):
        render_document(builtin, "tro-order", tro_answers(schedule_a=sellers(2), court="nysd"), tmp_path / "t.docx")


def test_answers_choose_the_provisions(builtin, tmp_path):
    answers = tro_answers(schedule_a=sellers(3) + [{"name": "Own Site Ltd.", "marketplace": "website",
                                                    "domain": "example-fakes.com"}],
                          asset_restraint=False, expedited_discovery=False, alternative_service=False,
                          pi_hearing_date="2026-12-15", pi_hearing_time="10:00 a.m.", provider_days=5)
    render_document(builtin, "tro-order", answers, tmp_path / "tro.docx")
    body, schedule = body_and_schedule(tmp_path / "tro.docx")
    assert "equitable accounting" not in body and "26(d)(1)" not in body and "4(f)(3)" not in body
    assert "will be heard on December 15, 2026 at 10:00 a.m." in body
    assert "Within 5 days after receiving actual notice" in body
    assert "lock the Domain Name so that it cannot be transferred or modified" in body
    assert schedule[0][-1] == "Domain name" and schedule[-1][-1] == "example-fakes.com"


def test_the_hague_finding_follows_the_answer(builtin, tmp_path):
    render_document(builtin, "tro-order", tro_answers(schedule_a=sellers(2), hague_ground="not_party"),
                    tmp_path / "tro.docx")
    body, _ = body_and_schedule(tmp_path / "tro.docx")
    assert "not parties to the Hague Service Convention" in body
    assert "address of the person to be served with the document is not known" not in body


def test_sellers_on_the_command_line_and_a_bad_cell_exits_2_naming_it(run_cli, tmp_path):
    answers = Path(__file__).resolve().parent.parent / "examples" / "ndil-schedule-a-tro.yaml"
    good = write_csv(tmp_path / "good.csv", ["Seller Alias", "Marketplace"], [["Alpha", "Amazon"], ["", ""], ["Beta", "eBay"]])
    code, out, err = run_cli("render", "tro-order", "--answers", answers, "--sellers", good, "-o", tmp_path / "t.docx",
                             "--no-layout")
    assert code == 0 and "skipped 1 empty row(s): 3" in err
    body, schedule = body_and_schedule(tmp_path / "t.docx")
    assert [row[1] for row in schedule[1:]] == ["Alpha", "Beta"]
    bad = write_csv(tmp_path / "bad.csv", ["Seller Alias", "Marketplace"], [["Alpha", "Amazon"], ["Beta", ""]])
    code, out, err = run_cli("render", "tro-order", "--answers", answers, "--sellers", bad, "-o", tmp_path / "u.docx",
                             "--no-layout")
    assert code == 2
    assert err.strip() == f"error: {bad}: row 3, column B ('Marketplace'): empty; every seller needs a marketplace"
    assert not (tmp_path / "u.docx").exists()


# --- check: each Schedule A rule, triggered by an order that breaks only that rule ----------------------------

SCHEDULE_A_RULES = ("Fed. R. Civ. P. 65(b)", "Grupo Mexicano", "Fed. R. Civ. P. 65(d)(1)(C), (d)(2)",
                    "Fed. R. Civ. P. 65(d)(2)(C)")


@pytest.fixture(scope="module")
def clean_tro(builtin, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tro") / "tro.docx"
    render_document(builtin, "tro-order", tro_answers(schedule_a=sellers(3)), out)
    return out


def broken(clean: Path, tmp_path: Path, edit) -> Path:
    document = Document(str(clean))
    edit(document)
    out = tmp_path / "broken.docx"
    document.save(str(out))
    return out


def paragraph_with(document, words: str):
    from assembler.checks.check import PLAIN  # the order is typeset: read it as typed

    return next(p for p in document.paragraphs if words in p.text.translate(PLAIN))


def drop(words: str):
    def edit(document):
        element = paragraph_with(document, words)._p
        element.getparent().remove(element)
    return edit


def retype(words: str, old: str, new: str):
    def edit(document):
        paragraph = paragraph_with(document, words)
        text = paragraph.text.replace(old, new)
        for run in paragraph.runs[1:]:
            run._r.getparent().remove(run._r)
        paragraph.runs[0].text = text
    return edit


def drop_schedule(document):
    body = document.element.body
    for element in list(body.iterchildren()):
        if element.tag.endswith("}tbl") and "Online store" in "".join(element.itertext()):
            body.remove(element)


def schedule_a_findings_of(builtin, path: Path) -> list[str]:
    from assembler.checks.check import check_draft

    report = check_draft(builtin, path, template_id="tro-order", layout=False)
    return [str(f) for f in report.findings if f.rule.startswith(SCHEDULE_A_RULES)]


def test_the_rendered_tro_and_pi_order_pass_check(builtin, clean_tro, tmp_path):
    from assembler.checks.check import check_draft

    assert check_draft(builtin, clean_tro, layout=False).findings == []
    render_document(builtin, "pi-order", tro_answers(schedule_a=sellers(3)), tmp_path / "pi.docx")
    assert check_draft(builtin, tmp_path / "pi.docx", layout=False).findings == []


@pytest.mark.parametrize("edit, rule, words", [
    (drop("The Court issues this Order without notice"), "Fed. R. Civ. P. 65(b)(1)", "immediate and irreparable injury"),
    (drop("This Order expires"), "Fed. R. Civ. P. 65(b)(2)", "states no expiry"),
    (retype("This Order expires", "expires 14 days", "expires 28 days"), "Fed. R. Civ. P. 65(b)(2)", "runs 28 days"),
    (retype("equitable accounting of Defendants' profits", "up to $50,000.00 for each Defendant, ", ""),
     "Grupo Mexicano", "has no cap"),
    (drop("may move to modify or release the restraint"), "Grupo Mexicano", "no route"),
    (drop_schedule, "Fed. R. Civ. P. 65(d)(1)(C), (d)(2)", "no Schedule A listing them is annexed"),
    (retype("is bound by it (each a", "receives actual notice of this Order, and is in active concert or participation "
            "with Defendants by providing", "provides"), "Fed. R. Civ. P. 65(d)(2)(C)", "without limiting it"),
])
def test_check_finds_each_broken_rule_and_only_that_one(builtin, clean_tro, tmp_path, edit, rule, words):
    found = schedule_a_findings_of(builtin, broken(clean_tro, tmp_path, edit))
    assert len(found) == 1, found
    assert found[0].startswith(rule) and words in found[0]


def test_a_tro_calls_itself_this_order_in_its_public_interest_finding(builtin):
    from assembler.assembly.assemble import assemble

    tro = plain(assemble(builtin, "tro-order", tro_answers(schedule_a=sellers(2))).plain_text())
    assert "This Order serves the public interest" in tro and "The injunction serves" not in tro
    order = plain(assemble(builtin, "pi-order", tro_answers(schedule_a=sellers(2))).plain_text())
    assert "The injunction serves the public interest" in order
