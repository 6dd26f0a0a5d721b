"""Sample answers covering every variable the built-in clauses use, for any court."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))


def motion_answers(court: str = "moed", **changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(example("cepia-motion.yaml"))
    if court != answers["court"]:
        answers.pop("division", None)  # the example's division is E.D. Mo.'s
    answers["court"] = court
    # what these courts' motion papers require beyond the example's answers: D. Mass.'s L.R. 7.1(a)(2)
    # conference, and the hearing or motion day a notice names in N.D. Cal. and D.N.J.
    if court == "mad":
        answers["conferral"] = "by telephone on November 20, 2026"
    if court in ("cand", "njd"):
        answers["return_date"] = "2027-01-14"
    answers.update(changes)
    return answers


def order_answers(court: str = "nysd", **changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(example("alibabacoin-pi-order.yaml"))
    answers["court"] = court
    answers.update(changes)
    return answers


SCHEDULE_A_DEFENDANT = {"name": "The Partnerships and Unincorporated Associations Identified on Schedule A",
                        "short_name": "Schedule A Defendants", "kind": "other"}


def sellers_order_answers(court: str, sellers: list[dict[str, Any]]) -> dict[str, Any]:
    """The order's answers with the sellers listed in Schedule A sued and enjoined as one Schedule A defendant
    (an order annexes only sellers it restrains)."""
    answers = order_answers(court=court, schedule_a=sellers)
    answers["defendants"] = answers["defendants"] + [copy.deepcopy(SCHEDULE_A_DEFENDANT)]
    answers["enjoined"] = [SCHEDULE_A_DEFENDANT["short_name"]]
    return answers


def everything(court: str) -> dict[str, Any]:
    """Motion and order answers together, so any clause can render."""
    answers = motion_answers(court)
    order = order_answers(court)
    for key, value in order.items():
        answers.setdefault(key, value)
    for key, value in example("ndil-schedule-a-tro.yaml").items():
        if key != "division" or court == "ilnd":  # the example's division is N.D. Ill.'s
            answers.setdefault(key, value)
    answers.update(jurisdiction_theories=["general", "specific", "attribution", "rule_4k2", "consent_by_registration"],
                   registered_in_forum=False, schedule_a=[{"name": "Seller One", "marketplace": "Amazon"}],
                   false_statements=["that its goods are made by the plaintiff"],
                   confusion_findings=["the marks are identical"])
    # the Schedule A orders restrain the sellers the annexed schedule lists, and only them
    answers["defendants"] = answers["defendants"] + [copy.deepcopy(SCHEDULE_A_DEFENDANT)]
    answers["enjoined"] = [SCHEDULE_A_DEFENDANT["short_name"]]
    return answers


_PLAIN = str.maketrans({"\u00a0": " ", "\u2011": "-", "\u2060": None,
                        "\u2068": None, "\u2069": None, "\u2018": "'", "\u2019": "'", "\u201c": '"',
                        "\u201d": '"'})


def plain(text: str) -> str:
    """Rendered text with its typesetting undone (no-break spaces and hyphens, word joiners, curly quotes), to
    compare with the draft's own strings; tests of the typesetting itself read the rendered text as is."""
    return text.translate(_PLAIN)
