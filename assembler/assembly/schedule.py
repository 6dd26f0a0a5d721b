"""Schedule A: the annexed table that identifies each online seller an order restrains.

Rule 65(d)(1)(C) and (d)(2) require the order itself to say whom it binds, so the table is part of the order:
one numbered row per seller, with the columns the sellers' data actually fills (a seller ID or domain column
appears only when some seller has one).
"""

from __future__ import annotations

from typing import Any

# (answer field, column heading), in the order an N.D. Ill. Schedule A lists them
COLUMNS = (("name", "Defendant"), ("store", "Online store"), ("marketplace", "Marketplace"),
           ("seller_id", "Seller ID"), ("url", "URL"), ("domain", "Domain name"))
_ALWAYS = {"name", "marketplace"}


def schedule_columns(sellers: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The columns to print: the seller and marketplace, and each other column some seller fills."""
    return [(key, title) for key, title in COLUMNS if key in _ALWAYS or any(s.get(key) for s in sellers)]


def schedule_rows(sellers: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """Headings and rows for the Schedule A table, text exactly as answered: each seller under the number the
    complaint gave it (``number``), else numbered from 1."""
    columns = schedule_columns(sellers)
    headings = ["No."] + [title for _, title in columns]
    rows = [[str(seller.get("number") or place)] + [str(seller.get(key) or "") for key, _ in columns]
            for place, seller in enumerate(sellers, start=1)]
    return headings, rows
