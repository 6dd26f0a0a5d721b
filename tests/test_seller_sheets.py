"""An investigator's seller sheet becomes Schedule A exactly, or is refused naming the row and column: a cell
never shifts into the next column, a formula is never taken for a value or for an empty cell, an ID Excel has
reformatted is never printed, and a seller keeps the number the complaint gave it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assembler.api import render_document
from assembler.assembly.sellers import SellersError, read_sellers
from test_schedule_a import body_and_schedule, tro_answers, write_csv, write_xlsx

HEADER = ["Seller Alias", "Store Name", "Platform", "Seller ID", "Store URL"]


def test_an_unquoted_comma_that_adds_a_cell_is_refused_not_shifted(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(",".join(HEADER) + "\nNingbo Star & Moon Co., Ltd.,StarMoon,AliExpress,1103387452,https://s.example\n",
                    encoding="utf-8")
    with pytest.raises(SellersError, match=r"row 2 has 6 cells but the header has 5 \(a comma inside a name"):
        read_sellers(path)


def test_a_formula_without_a_saved_value_is_refused_naming_its_cell(tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", HEADER, [["A Co.", "AStore", "Amazon", '=CONCAT("A","1")', "https://a"]])
    with pytest.raises(SellersError, match=r"row 2, column D \('Seller ID'\): the formula =CONCAT.* has no saved value"):
        read_sellers(path)


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x.example","x")', "=1+1", "=A2"])
def test_formula_text_in_a_csv_is_refused(tmp_path, cell):
    path = write_csv(tmp_path / "s.csv", HEADER, [[cell, "AStore", "Amazon", "A1", "https://a"]])
    with pytest.raises(SellersError, match=r"row 2, column A \('Seller Alias'\): .* is a formula, not a value"):
        read_sellers(path)


@pytest.mark.parametrize("cell, says", [
    (dt.datetime(2026, 1, 2), "turned the ID into the date"),
    (True, "true/false value"),
    (12345678901234567890.0, "has lost digits"),
])
def test_an_id_excel_has_reformatted_is_refused(tmp_path, cell, says):
    path = write_xlsx(tmp_path / "s.xlsx", HEADER, [["A Co.", "AStore", "Amazon", cell, "https://a"]])
    with pytest.raises(SellersError, match=rf"row 2, column D \('Seller ID'\): .*{says}"):
        read_sellers(path)


def test_an_id_in_scientific_notation_is_refused(tmp_path):
    path = write_csv(tmp_path / "s.csv", HEADER, [["A Co.", "AStore", "Amazon", "1.0E+12", "https://a"]])
    with pytest.raises(SellersError, match="scientific notation"):
        read_sellers(path)


def test_the_same_alias_and_store_under_two_ids_is_one_seller_listed_twice(tmp_path):
    path = write_csv(tmp_path / "s.csv", HEADER, [["A Co.", "AStore", "Amazon", "A1", ""],
                                                  ["A Co.", "AStore", "Amazon", "A2", ""]])
    with pytest.raises(SellersError, match=r"row 3 repeats the seller in row 2"):
        read_sellers(path)


def test_a_header_without_sellers_is_refused_at_the_sheet(tmp_path):
    with pytest.raises(SellersError, match="no sellers below the header row"):
        read_sellers(write_csv(tmp_path / "s.csv", HEADER, []))


def test_sellers_keep_the_complaints_numbers_after_a_dismissal(builtin, tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Def. No."] + HEADER,
                     [["1", "A Co.", "AStore", "Amazon", "A1", "https://a"],
                      ["2", "B Co.", "BStore", "eBay", "B1", "https://b"],
                      ["4", "D Co.", "DStore", "Temu", "D1", "https://d"]])
    sellers = read_sellers(path).sellers
    render_document(builtin, "tro-order", tro_answers(schedule_a=sellers), tmp_path / "tro.docx")
    _, schedule = body_and_schedule(tmp_path / "tro.docx")
    assert [row[0] for row in schedule] == ["No.", "1", "2", "4"]
    assert schedule[3][1] == "D Co."


@pytest.mark.parametrize("numbers, says", [(["1", "1"], "number 1 is given to both"), (["1", "two"], "not a whole number")])
def test_complaint_numbers_must_be_whole_and_once_each(tmp_path, numbers, says):
    path = write_csv(tmp_path / "s.csv", ["No."] + HEADER,
                     [[numbers[0], "A Co.", "AStore", "Amazon", "A1", ""], [numbers[1], "B Co.", "BStore", "eBay", "B1", ""]])
    with pytest.raises(SellersError, match=says):
        read_sellers(path)


def test_columns_no_seller_fills_are_not_printed(builtin, tmp_path):
    path = write_csv(tmp_path / "s.csv", ["Seller Alias", "Platform"], [["A Co.", "Amazon"], ["B Co.", "eBay"]])
    render_document(builtin, "tro-order", tro_answers(schedule_a=read_sellers(path).sellers), tmp_path / "tro.docx")
    _, schedule = body_and_schedule(tmp_path / "tro.docx")
    assert schedule[0] == ["No.", "Defendant", "Marketplace"]
