"""Schedule A from a spreadsheet: the investigator's list of online sellers, as CSV or Excel (.xlsx).

Columns are found by their header, not their position, because every investigator's sheet is laid out
differently ("Seller Alias", "Store Name", "Platform", "Merchant ID" ...). A bad cell is refused with its row
and column, as the user sees them in the spreadsheet; a wholly empty row is skipped and reported; the same
seller listed twice is refused, because a duplicated defendant in a court order is an error, not a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from assembler.errors import AssemblerError
from assembler.sheets import SHEET_SUFFIXES, Uncomputed, sheet_rows

# answer field -> header names that mean it (compared lower-case, with punctuation and spaces squeezed out)
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("defendant", "defendantname", "selleralias", "seller", "sellername", "alias", "name", "merchantname"),
    "store": ("store", "storename", "onlinestore", "shopname", "shop"),
    "marketplace": ("marketplace", "platform", "ecommerceplatform", "site", "channel"),
    "seller_id": ("sellerid", "merchantid", "storeid", "shopid", "sellernumber", "id"),
    "url": ("url", "storeurl", "sellerurl", "link", "storelink", "listingurl"),
    "domain": ("domain", "domainname", "website"),
    # the seller's number on the complaint's Schedule A, kept when sellers are dismissed ("Def. No.", "No.")
    "number": ("no", "defno", "defendantno", "defendantnumber", "number", "doeno", "schedulea", "scheduleano"),
}
REQUIRED = ("name", "marketplace")
_MAX_CELL = 500


class SellersError(AssemblerError):
    """A seller spreadsheet that cannot become Schedule A; the message names the file, row and column."""


@dataclass
class SellerSheet:
    sellers: list[dict[str, str]]
    notes: list[str] = field(default_factory=list)  # skipped empty rows and ignored columns, for the user


def read_sellers(path: str | Path) -> SellerSheet:
    """Read ``path`` (.csv or .xlsx) into Schedule A entries (``name``, ``marketplace``, and any of ``store``,
    ``seller_id``, ``url``, ``domain``), or raise :class:`SellersError` naming the file, row and column."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise SellersError(f"{path}: sellers must be a .csv or .xlsx file")
    if not path.is_file():
        raise SellersError(f"{path}: sellers file not found")
    return _sheet(path, sheet_rows(path, SellersError))


def _key(header: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header or "").lower())


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet(path: Path, rows: Iterator[list[Any]]) -> SellerSheet:
    header: list[Any] | None = None
    header_row = 0
    for number, row in enumerate(rows, start=1):
        if any(_text(cell) for cell in row):
            header, header_row = row, number
            break
    if header is None:
        raise SellersError(f"{path}: no header row and no sellers")
    columns, notes = _map_columns(path, header)
    sellers: list[dict[str, str]] = []
    seen: dict[tuple[str, ...], int] = {}
    empty: list[int] = []
    for number, row in enumerate(rows, start=header_row + 1):
        if not any(_text(c) for c in row):
            empty.append(number)
            continue
        extra = [i for i in range(len(header), len(row)) if _text(row[i])]
        if extra:
            raise SellersError(f"{path}: row {number} has {max(extra) + 1} cells but the header has {len(header)} "
                               f"(a comma inside a name not in quotes?); quote the cell or save the sheet as .xlsx")
        cells = {name: _cell(path, number, header, index, row, name) for name, index in columns.items()}
        for name in REQUIRED:
            if not cells.get(name):
                raise SellersError(f"{path}: row {number}, column {_column_letter(columns[name])} "
                                   f"('{header[columns[name]]}'): empty; every seller needs a {name.replace('_', ' ')}")
        seller = {name: value for name, value in cells.items() if value}
        for identity in _identities(seller):
            if identity in seen:
                raise SellersError(f"{path}: row {number} repeats the seller in row {seen[identity]} "
                                   f"('{seller['name']}' on {seller['marketplace']}); list each seller once")
            seen[identity] = number
        sellers.append(seller)
    if not sellers:
        raise SellersError(f"{path}: no sellers below the header row")
    if "number" in columns:
        _numbers(path, columns["number"], header, sellers)
    if empty:
        notes.append(f"{path}: skipped {len(empty)} empty row(s): {', '.join(map(str, empty[:20]))}"
                     + (" …" if len(empty) > 20 else ""))
    return SellerSheet(sellers, notes)


def _map_columns(path: Path, header: list[Any]) -> tuple[dict[str, int], list[str]]:
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        key = _key(cell)
        field_name = next((name for name, names in HEADERS.items() if key in names), None)
        if field_name is None:
            if _text(cell):
                ignored.append(str(cell).strip())
            continue
        if field_name in columns:
            raise SellersError(f"{path}: columns {_column_letter(columns[field_name])} ('{header[columns[field_name]]}') "
                               f"and {_column_letter(index)} ('{cell}') both give the {field_name.replace('_', ' ')}")
        columns[field_name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        wanted = "; ".join(f"{name.replace('_', ' ')} (e.g. '{HEADERS[name][0]}')" for name in missing)
        raise SellersError(f"{path}: header row has no column for {wanted}; found: "
                           f"{', '.join(str(c) for c in header if _text(c)) or 'nothing'}")
    notes = [f"{path}: ignored column(s) {', '.join(ignored)}"] if ignored else []
    return columns, notes


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)  # a numeric seller ID read from Excel as 1103387452.0
    return str(cell).strip()


def _cell(path: Path, number: int, header: list[Any], index: int, row: list[Any], field_name: str = "") -> str:
    raw = row[index] if index < len(row) else None
    value = _text(raw)
    where = f"{path}: row {number}, column {_column_letter(index)} ('{header[index]}')"
    if isinstance(raw, Uncomputed):
        raise SellersError(f"{where}: the formula {value} has no saved value; open the sheet in Excel and save it, "
                           "or paste the values")
    if _FORMULA.match(value):
        raise SellersError(f"{where}: '{value[:40]}' is a formula, not a value; paste the values into the sheet")
    if field_name in _IDENTIFIERS:
        _plain_identifier(where, raw, value)
    if len(value) > _MAX_CELL:
        raise SellersError(f"{where}: {len(value)} characters; a Schedule A cell holds at most {_MAX_CELL}")
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff]", value):
        raise SellersError(f"{where}: contains control characters; type plain text")
    if re.search(r"\{\{|\{%|%\}|\}\}", value):
        raise SellersError(f"{where}: contains template syntax ('{{{{' or '{{%'); type plain text")
    if "\n" in value or "\r" in value:
        raise SellersError(f"{where}: contains a line break; put one value in each cell")
    return value


_FORMULA = re.compile(r"=\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(|=\s*[-+]?\d[\d.]*\s*[-+*/^]|=\s*\$?[A-Z]{1,3}\$?\d")
_IDENTIFIERS = {"seller_id", "number"}
_EXACT = 2 ** 53  # Excel keeps 15 significant digits; a longer number has lost its last digits


def _plain_identifier(where: str, raw: Any, value: str) -> None:
    """A seller ID or number exactly as the marketplace gives it, not as Excel has reformatted it."""
    import datetime as dt

    if isinstance(raw, bool):
        raise SellersError(f"{where}: {value} is a true/false value, not an ID; format the column as Text")
    if isinstance(raw, (dt.date, dt.datetime, dt.time)):
        raise SellersError(f"{where}: Excel has turned the ID into the date {value}; format the column as Text "
                           "and type the ID again")
    if isinstance(raw, float) and (not raw.is_integer() or abs(raw) >= _EXACT):
        raise SellersError(f"{where}: Excel has stored the ID as the number {raw!r}, which has lost digits; format "
                           "the column as Text and type the ID again")
    if isinstance(raw, int) and abs(raw) >= _EXACT:
        raise SellersError(f"{where}: {raw} is longer than Excel keeps exactly; format the column as Text and type "
                           "the ID again")
    if re.fullmatch(r"[-+]?\d+(?:[.,]\d+)?[eE][-+]?\d+", value):
        raise SellersError(f"{where}: '{value}' is a number in scientific notation, not the ID; format the column "
                           "as Text and type the ID again")


def _identities(seller: dict[str, str]) -> list[tuple[str, ...]]:
    """Two rows name the same seller when the marketplace and seller ID match, or the alias and store match on
    the same marketplace (whatever their IDs say); compared without case or spacing."""
    market = _key(seller["marketplace"])
    found = [("name", market, _key(seller["name"]), _key(seller.get("store")))]
    if seller.get("seller_id"):
        found.append(("id", market, _key(seller["seller_id"])))
    return found


def _numbers(path: Path, index: int, header: list[Any], sellers: list[dict[str, str]]) -> None:
    """The complaint's own numbers for its sellers: whole numbers, each once, so that "Defendant No. 4" in the
    order is the complaint's Defendant No. 4 after No. 3 is dismissed."""
    column = f"column {_column_letter(index)} ('{header[index]}')"
    seen: dict[int, str] = {}
    for seller in sellers:
        typed = seller.get("number", "")
        if not re.fullmatch(r"[1-9]\d{0,5}", typed):
            raise SellersError(f"{path}: {column}: '{typed or '(empty)'}' for '{seller['name']}' is not a whole number; "
                               "number every seller, or remove the column to number them 1, 2, 3 …")
        if int(typed) in seen:
            raise SellersError(f"{path}: {column}: number {typed} is given to both '{seen[int(typed)]}' and "
                               f"'{seller['name']}'")
        seen[int(typed)] = seller["name"]
