"""A judge's standing order or individual practices for Schedule A cases, read from ``judge-practices.yaml``.

Some judges set, for their own cases, what a Schedule A order must say: the security, the days a restraint or a
motion to dissolve takes, whether Schedule A may be sealed. Such a practice is data, kept beside the templates
(a firm's library can add its own), and chosen by the answers: the assigned ``judge`` in the answer's ``court``.
An entry says which judge, when and where its text was read (``checked``, ``source``), and the answers it
``sets``. A set answer the user left blank takes the judge's value; one the user gave otherwise is kept and
reported. Every entry is checked when the file is read, so a typo is one line naming the file, judge and key.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal, InvalidOperation
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembler.errors import TemplateError
from assembler.library.courts import district_courts
from assembler.yamlio import read_yaml_file

PRACTICES_FILE = "judge-practices.yaml"
ENTRY_KEYS = ("court", "judge", "checked", "source", "sets", "note")


def _whole(low: int, high: int | None = None):
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= low and (high is None or v <= high)


def _amount(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


# the answers a standing order may set -> (test, what the value must be)
SETTABLE: dict[str, tuple[Any, str]] = {
    "bond_amount": (_amount, "an amount in dollars"),
    "bond_days": (_whole(1), "a whole number of days"),
    "tro_days": (_whole(1, 14), "a whole number of days from 1 to 14 (Fed. R. Civ. P. 65(b)(2))"),
    "provider_days": (_whole(1), "a whole number of days"),
    "asset_restraint": (_flag, "true or false"),
    "asset_modify_days": (_whole(1), "a whole number of days"),
    "expedited_discovery": (_flag, "true or false"),
    "discovery_days": (_whole(1), "a whole number of days"),
    "alternative_service": (_flag, "true or false"),
    "schedule_sealed": (_flag, "true or false"),
    "dissolve_notice_days": (_whole(1), "a whole number of days"),
}


@dataclass(frozen=True)
class JudgePractice:
    court: str
    judge: str
    checked: str  # the date the text was read, YYYY-MM-DD
    source: str  # where it was read: the court's page for the judge, the order's title and date
    sets: tuple[tuple[str, Any], ...]
    note: str = ""

    def said(self) -> str:
        return f"Judge {self.judge}'s standing order (read {self.checked}: {self.source})"


def judge_key(name: Any) -> str:
    """A judge's name as the answers may type it, compared without "Hon.", "Judge", case or spacing."""
    text = re.sub(r"^\s*(the\s+honou?rable|hon\.?|judge)\s+", "", str(name or ""), flags=re.I)
    return " ".join(text.split()).lower()


def parse_practice(path: object, index: int, raw: Any) -> JudgePractice:
    """One entry, checked; a :class:`TemplateError` naming the file, the judge and the key if not."""
    where = f"{path}: entry {index + 1}"
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: expected a mapping with {', '.join(ENTRY_KEYS)}, got {raw!r}")
    if raw.get("judge"):
        where = f"{path}: {raw['judge']}"
    unknown = sorted(str(k) for k in set(raw) - set(ENTRY_KEYS))
    if unknown:
        raise TemplateError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(ENTRY_KEYS)})")
    for key in ("court", "judge", "checked", "source"):
        if key not in raw or raw[key] is None or not str(raw[key]).strip():
            raise TemplateError(f"{where}: missing '{key}'" + (
                " (the date the standing order's text was read)" if key == "checked" else
                " (where it was read: the court's page, the order's title and date)" if key == "source" else ""))
        if not isinstance(raw[key], (str, dt.date)):
            raise TemplateError(f"{where}: '{key}' must be text, not {raw[key]!r}")
    if str(raw["court"]) not in district_courts():
        raise TemplateError(f"{where}: court '{raw['court']}' is not a district court id (e.g. ilnd, in lower case; "
                            "`assembler courts` lists them)")
    try:
        checked = dt.date.fromisoformat(str(raw["checked"]))
    except ValueError:
        raise TemplateError(f"{where}: checked must be a date like 2026-12-04 (got {raw['checked']!r})") from None
    if checked > dt.date.today():
        raise TemplateError(f"{where}: checked {checked.isoformat()} is in the future; give the date the order's "
                            "text was read")
    sets = raw.get("sets")
    if not isinstance(sets, dict) or not sets:
        raise TemplateError(f"{where}: 'sets' must map the answers the order sets to their values")
    for name, value in sets.items():
        if name not in SETTABLE:
            raise TemplateError(f"{where}: sets '{name}', which no standing order entry may set "
                                f"(one of {', '.join(SETTABLE)})")
        test, expected = SETTABLE[name]
        if not test(value) or (isinstance(value, float) and not math.isfinite(value)):
            raise TemplateError(f"{where}: sets '{name}' to {value!r}; it must be {expected}")
    return JudgePractice(court=str(raw["court"]), judge=str(raw["judge"]).strip(), checked=str(raw["checked"]),
                         source=" ".join(str(raw["source"]).split()), sets=tuple(sets.items()),
                         note=str(raw.get("note") or ""))


def read_practices_file(path: Path) -> list[JudgePractice]:
    data = read_yaml_file(path, lambda problem: TemplateError(f"{path}: {problem}"), typed_by_hand=True) or {}
    if not isinstance(data, dict) or set(data) - {"judges"} or not isinstance(data.get("judges") or [], list):
        raise TemplateError(f"{path}: expected 'judges:' and a list of entries")
    practices = [parse_practice(path, i, raw) for i, raw in enumerate(data.get("judges") or [])]
    seen: set[tuple[str, str]] = set()
    for practice in practices:
        key = (practice.court, judge_key(practice.judge))
        if key in seen:
            raise TemplateError(f"{path}: {practice.judge} ({practice.court}) has two entries; keep one")
        seen.add(key)
    return practices


def load_practices(template_dirs: list[Path]) -> dict[tuple[str, str], JudgePractice]:
    """Every judge's entry across the library's layers: a later layer's entry for a judge replaces an earlier one."""
    table: dict[tuple[str, str], JudgePractice] = {}
    for directory in template_dirs:
        path = directory / PRACTICES_FILE
        if path.is_file():
            table.update({(p.court, judge_key(p.judge)): p for p in read_practices_file(path)})
    return table


def apply_practice(practices: dict[tuple[str, str], JudgePractice], answers: dict[str, Any],
                   asked: set[str]) -> tuple[dict[str, Any], list[str]]:
    """The answers with the assigned judge's standing order applied to what the document asks, and a warning
    line for each answer it filled or that differs from it. No entry for the judge: the answers unchanged."""
    practice = practices.get((str(answers.get("court") or ""), judge_key(answers.get("judge"))))
    if practice is None:
        return answers, []
    filled, warnings = dict(answers), []
    for name, value in practice.sets:
        if name not in asked:
            continue
        if answers.get(name) in (None, ""):
            filled[name] = value
            warnings.append(f"{practice.said()} sets '{name}' to {value!r}; used")
        elif not _same(answers[name], value):
            warnings.append(f"{practice.said()} sets '{name}' to {value!r}; the answers say {answers[name]!r} (kept)")
    return filled, warnings


def _same(answered: Any, value: Any) -> bool:
    """Whether an answer says what the judge's order sets: "$10,000.00" is 10000, "yes" is not True."""
    if isinstance(value, bool) or isinstance(answered, bool):
        return answered is value
    try:
        return Decimal(str(answered).replace("$", "").replace(",", "").strip()) == Decimal(str(value))
    except InvalidOperation:
        return answered == value
