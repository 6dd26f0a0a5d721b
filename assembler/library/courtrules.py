"""What a court's local rules say about a memorandum's length and form, read from ``court-rules.yaml``.

Kept as data beside the templates so a firm can add its courts (or a judge's individual practices) in its
own library without touching code. Every entry of every layer's file is checked when the file is read — each
key known, each value of its type — so a firm's typo is one line naming the file, court and key, never a
traceback in the middle of a render or a limit silently ignored by ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.errors import TemplateError
from assembler.yamlio import read_yaml_file

RULES_FILE = "court-rules.yaml"
SPACINGS = ("single", "1.5", "double")
# What a memorandum's word count can leave out or take in; the word counter knows each of these parts.
EXCLUDABLE = ("caption", "tables", "signature block", "certificates")
COUNTABLE = ("footnotes",)
MOTION_FORMS = ("notice", "motion")


@dataclass(frozen=True)
class CourtRules:
    court: str
    rule: str
    limit_words: int | None = None
    reply_words: int | None = None
    limit_pages: int | None = None
    type_size: int = 12
    footnote_size: int | None = None
    spacing: str = "double"
    certificate: bool = False
    counted: tuple[str, ...] = ("footnotes",)
    excluded: tuple[str, ...] = field(default=EXCLUDABLE)
    bar_number: str = "Bar No. {number}"  # how a bar number is written under counsel's name
    note: str = ""
    # the paper that brings the motion: a notice of motion (S.D.N.Y. Local Civ. R. 7.1(a)(1)) or a motion
    # stating its grounds (E.D. Mo. L.R. 4.01); None where no rule is recorded, so either may be assembled
    motion_form: str | None = None
    motion_rule: str = ""
    memorandum: str = "separate"  # or "incorporated": the motion itself must carry the memorandum
    # the notice names the hearing or motion day the motion is noticed for (N.D. Cal. Civil L.R. 7-2(a); D.N.J.
    # L. Civ. R. 7.1): its 'return_date' is required there
    return_date_required: bool = False
    caption: str = ""  # caption style the court's papers follow (division line, "v.")
    checked: str = ""  # date the rule's text was last read
    confirmed: bool = False  # whether that text was read from the court's rules (or a copy) on that date
    source: str = ""  # where the rule's text was read (a URL)

    @property
    def is_default(self) -> bool:
        return self.court == "default"


def _positive(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


# key -> (test, what the value must be)
_CHECKS: dict[str, tuple[Any, str]] = {
    "rule": (lambda v: isinstance(v, str) and v.strip(), "the rule's citation, as text"),
    "limit_words": (lambda v: v is None or _positive(v), "a whole number of words"),
    "reply_words": (lambda v: v is None or _positive(v), "a whole number of words"),
    "limit_pages": (lambda v: v is None or _positive(v), "a whole number of pages"),
    "type_size": (lambda v: _positive(v) and 8 <= v <= 16, "a point size from 8 to 16"),
    "footnote_size": (lambda v: v is None or (_positive(v) and 8 <= v <= 16), "a point size from 8 to 16"),
    "spacing": (lambda v: str(v) in SPACINGS, f"one of {', '.join(SPACINGS)}"),
    "certificate": (lambda v: isinstance(v, bool), "true or false"),
    "counted": (lambda v: isinstance(v, list) and set(map(str, v)) <= set(COUNTABLE),
                f"a list drawn from {', '.join(COUNTABLE)}"),
    "excluded": (lambda v: isinstance(v, list) and set(map(str, v)) <= set(EXCLUDABLE),
                 f"a list drawn from {', '.join(EXCLUDABLE)}"),
    "bar_number": (lambda v: isinstance(v, str) and _bar_form(v), "a form such as 'Bar No. {number}' or "
                   "'#{digits}({state})' using only {number}, {digits} and {state}"),
    "note": (lambda v: v is None or isinstance(v, str), "text"),
    "motion_form": (lambda v: v in MOTION_FORMS, f"one of {', '.join(MOTION_FORMS)}"),
    "motion_rule": (lambda v: isinstance(v, str), "the rule's citation, as text"),
    "memorandum": (lambda v: v in ("separate", "incorporated"), "separate or incorporated"),
    "return_date_required": (lambda v: isinstance(v, bool), "true or false"),
    "caption": (lambda v: isinstance(v, str), "text"),
    "checked": (lambda v: isinstance(v, str) and len(v) == 10, "a date, YYYY-MM-DD, quoted"),
    "confirmed": (lambda v: isinstance(v, bool), "true or false"),
    "source": (lambda v: isinstance(v, str), "where the rule's text was read, as text"),
}


def _bar_form(form: str) -> bool:
    try:
        form.format(number="1", digits="1", state="MO")
    except (KeyError, IndexError, ValueError):
        return False
    return "{number}" in form or "{digits}" in form


def parse_rules(path: object, court_id: str, raw: Any) -> CourtRules:
    """One court's entry, checked; a :class:`TemplateError` naming the file, the court and the key if not."""
    where = f"{path}: {court_id}"
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: expected a mapping of rule names to values (rule, limit_words, …), "
                            f"got {raw!r}")
    unknown = sorted(str(k) for k in set(raw) - set(_CHECKS))
    if unknown:
        raise TemplateError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(_CHECKS)})")
    if "rule" not in raw:
        raise TemplateError(f"{where}: missing 'rule' (the local rule's citation)")
    for key, value in raw.items():
        test, expected = _CHECKS[key]
        if not test(value):
            raise TemplateError(f"{where}: {key} must be {expected} (got {value!r})")
    values = dict(raw)
    for name in ("counted", "excluded"):
        if name in values:
            values[name] = tuple(str(v) for v in values[name])
    if "spacing" in values:
        values["spacing"] = str(values["spacing"])
    values["note"] = values.get("note") or ""
    return CourtRules(court=court_id, **values)


def read_rules_file(path: Path) -> dict[str, CourtRules]:
    """Every court's rules in one file, each checked."""
    data = read_yaml_file(path, lambda problem: TemplateError(f"{path}: {problem}")) or {}
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected a mapping of court ids to rules")
    return {str(court): parse_rules(path, str(court), raw) for court, raw in data.items()}


def rules_table(template_dirs: list[Path]) -> dict[str, CourtRules]:
    """Every court's rules across the library's layers: a later layer's entry for a court replaces an
    earlier one."""
    table: dict[str, CourtRules] = {}
    for directory in template_dirs:
        path = directory / RULES_FILE
        if path.is_file():
            table.update(read_rules_file(path))
    return table


def rules_for(template_dirs: list[Path], court_id: str) -> CourtRules:
    """The rules for ``court_id``: the last library layer that lists the court wins; else the default."""
    table = rules_table(template_dirs)
    chosen = court_id if court_id in table else "default"
    return table.get(chosen) or CourtRules(court="default", rule="no court rules recorded")
