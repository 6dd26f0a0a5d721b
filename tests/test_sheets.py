"""A spreadsheet from a user reads the same way wherever the tool takes one: the seller list for Schedule A and
the sheet of matters for a batch. What cannot be read is refused in one line naming the file."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from assembler.assembly.sellers import SellersError, read_sellers
from assembler.batch import matters_from
from assembler.errors import AssemblerError


@pytest.mark.parametrize("read, error", [(read_sellers, SellersError), (matters_from, AssemblerError)])
def test_a_latin1_csv_is_refused_with_how_to_save_it(tmp_path, read, error):
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes("matter,name,marketplace\nun,Société Générale,Amazon\n".encode("latin-1"))
    with pytest.raises(error) as caught:
        read(sheet)
    assert str(caught.value) == f"{sheet}: not UTF-8 text; save the sheet as 'CSV UTF-8' or as .xlsx"


@pytest.mark.parametrize("read, error", [(read_sellers, SellersError), (matters_from, AssemblerError)])
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, read, error):
    sheet = tmp_path / "sheet.xlsx"
    sheet.write_text("not a workbook")
    with pytest.raises(error, match=r"sheet\.xlsx: cannot be read as an Excel workbook \("):
        read(sheet)


def test_csv_with_excel_byte_order_mark_and_xlsx_give_the_same_sellers(tmp_path):
    rows = [["Seller Alias", "Platform"], ["Shop One", "Amazon"], ["Shop Two", "eBay"]]
    csv_path = tmp_path / "s.csv"
    csv_path.write_bytes(("\ufeff" + "\n".join(",".join(r) for r in rows) + "\n").encode("utf-8"))
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(tmp_path / "s.xlsx")
    assert read_sellers(csv_path).sellers == read_sellers(tmp_path / "s.xlsx").sellers == [
        {"name": "Shop One", "marketplace": "Amazon"}, {"name": "Shop Two", "marketplace": "eBay"}]
