"""Single answer values as lawyers type them: what is accepted, what is refused, and how it is printed.

A lawyer pastes a name from a PDF (with a form feed or Office's soft line break in it), types a USPTO
registration number the way the USPTO prints it ("1,234,567"), a bond as "$25,000", a judge as "Hon. J. Paul
Oetken". Each of these is either accepted and printed the way a court paper prints it, or refused with one
line naming the answer — never passed on to fail later inside the Word writer.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

# C0 controls other than tab and newline, DEL, C1 controls, the bidirectional embeddings, overrides and
# isolates (they reorder what a reader sees: "evil" shown as "live"), and the two non-characters Word rejects.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_NAMES = {"\x0b": "a soft line break (U+000B)", "\x0c": "a page break (U+000C)", "\x00": "a NUL (U+0000)",
          "\r": "a carriage return (U+000D)"}
_MONEY = re.compile(r"\$?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?")
_REGISTRATION = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,7})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HONORIFIC = re.compile(r"^(?:the\s+)?(?:hon\.?|honorable|honourable)\s+", re.IGNORECASE)


def control_problem(name: str, value: str) -> str | None:
    """A character that cannot appear in a court paper (or would reorder it), named with where it is."""
    found = _CONTROL.search(value)
    if not found:
        return None
    char = found.group()
    what = _NAMES.get(char) or (
        f"a right-to-left or direction control (U+{ord(char):04X})" if "\u202a" <= char <= "\u2069"
        else f"a control character (U+{ord(char):04X})")
    return f"'{name}' contains {what} at character {found.start() + 1}; retype it as plain text"


def money_problem(name: str, value: Any) -> str | None:
    amount = parse_money(value)
    if amount is None:
        return f"'{name}' must be an amount of dollars such as 25000 or $25,000.00 (got '{value}')"
    if amount < 0:
        return f"'{name}' must not be negative (got {value})"
    return None


def parse_money(value: Any) -> Decimal | None:
    """The amount, or None when ``value`` is not a finite, well-formed amount (".inf", "1,0,0", "ten")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        return Decimal(str(value)) if math.isfinite(value) else None
    if isinstance(value, int):
        return Decimal(value)
    text = str(value).strip()
    negative = text.startswith("-")
    if not _MONEY.fullmatch(text.lstrip("-")):
        return None
    amount = Decimal(text.lstrip("-").replace("$", "").replace(",", "").strip())
    return -amount if negative else amount


def number_problem(name: str, value: Any) -> str | None:
    if isinstance(value, bool):
        return f"'{name}' must be a number (got '{value}')"
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return f"'{name}' must be a number (got '{value}')"
    if not number.is_finite():
        return f"'{name}' must be a finite number (got {value})"
    return None


def date_problem(name: str, value: Any) -> str | None:
    text = str(value).strip()
    if not _ISO_DATE.fullmatch(text):
        return f"'{name}' must be a real date like 2026-11-23 (got '{value}')"
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        year, month = int(text[:4]), int(text[5:7])
        if not 1 <= month <= 12:
            return f"'{name}' must be a real date like 2026-11-23: {text} has no month {month}"
        days = calendar.monthrange(year, month)[1]
        return (f"'{name}' must be a real date like 2026-11-23: {text} is not a real date "
                f"({calendar.month_name[month]} {year} has {days} days)")
    return None


def registration_problem(name: str, value: Any) -> str | None:
    typed = str(value).strip()
    if isinstance(value, bool) or not _REGISTRATION.fullmatch(typed):
        return (f"'{name}' must be a U.S. registration number of up to seven digits, with or without commas, "
                f"e.g. 1,234,567 or 986503 (got '{value}')")
    return None


def registration_printed(value: Any) -> str:
    """USPTO form: the digits as typed, grouped in threes ("1234567" -> "1,234,567")."""
    typed = str(value).replace(",", "").strip()
    digits = typed.lstrip("0") or typed  # "0986503" is Reg. No. 986,503; a placeholder of zeros stays one
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ",".join(groups)


def judge_name(value: Any) -> Any:
    """The judge's name without a typed "Hon." or "The Honorable": the papers add their own."""
    return _HONORIFIC.sub("", value).strip() if isinstance(value, str) else value
