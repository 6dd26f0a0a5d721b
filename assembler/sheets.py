"""Reading a spreadsheet a user hands the tool — an investigator's seller list, a sheet of matters — as rows.

Users keep these sheets in Excel and save them as .xlsx or as CSV, so both read the same way: the first
worksheet of a workbook, or a UTF-8 CSV (with or without Excel's byte-order mark). What cannot be read is
refused in one line that names the file and says how to save it so that it can be.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assembler.errors import AssemblerError

SHEET_SUFFIXES = (".csv", ".xlsx")


def sheet_rows(path: Path, error: type[AssemblerError] = AssemblerError) -> Iterator[list[Any]]:
    """Each row of the sheet at ``path`` as a list of cells (strings from a CSV; typed values from .xlsx).

    Raises ``error`` (a subclass the caller's messages belong to) naming the file when it is not a readable
    sheet. The caller has already checked the suffix and that the file exists."""
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path, error)
    return _csv_rows(path, error)


def _csv_rows(path: Path, error: type[AssemblerError]) -> Iterator[list[Any]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{path}: not UTF-8 text; save the sheet as 'CSV UTF-8' or as .xlsx") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        return iter(list(csv.reader(io.StringIO(text, newline=""))))
    except csv.Error as exc:
        raise error(f"{path}: not a readable CSV file ({exc})") from None


class Uncomputed(str):
    """A formula cell whose result the workbook does not hold (a sheet written by a script and never opened in
    Excel): its text is the formula, and a reader must refuse it rather than take the cell for empty."""


def _xlsx_rows(path: Path, error: type[AssemblerError]) -> Iterator[list[Any]]:
    values = _workbook_rows(path, error, data_only=True)
    if not _has_formulas(path):  # the usual sheet: one read, not two
        return iter(values)
    formulas = _workbook_rows(path, error, data_only=False)
    rows = []
    for row, written in zip(values, formulas):
        rows.append([Uncomputed(text) if cell is None and isinstance(text, str) and text.startswith("=") else cell
                     for cell, text in zip(row, written + [None] * (len(row) - len(written)))])
    return iter(rows)


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet of the workbook holds a formula (an ``<f>`` element in its XML)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as book:
        return any(re.search(rb"<(?:\w+:)?f[ >/]", book.read(name))
                   for name in book.namelist() if name.startswith("xl/worksheets/") and name.endswith(".xml"))


def _workbook_rows(path: Path, error: type[AssemblerError], *, data_only: bool) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises several kinds for a file that is not a workbook
        raise error(f"{path}: cannot be read as an Excel workbook ({type(exc).__name__})") from None
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
