"""Checks on what the answers say, beyond their form: facts a court would notice are wrong for this case.

Answers are often copied from another matter's file. A finding of personal jurisdiction in Illinois that
rests on sales to New York residents is insufficient on its face, and an order that enjoins "the defendants
identified on Schedule A" without annexing a Schedule A restrains no one Rule 65(d) can identify. The first
is a warning (the text may be right: a New York seller who ships to Illinois), printed on render and kept in
the manifest; the second is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from assembler.errors import AnswersError
from assembler.library.courts import Court, state_names

# Answers that name places for reasons of their own (where a party is organized or based, the firm's address,
# the caption) and never carry the findings a court makes about forum contacts.
_NOT_FINDINGS = {"court", "case_number", "judge", "filer", "plaintiffs", "defendants", "caption_defendants",
                 "caption_plaintiffs", "marks", "schedule_a", "filing_date", "hearing_date", "notice_date",
                 "tro_date", "courthouse", "return_date", "enjoined", "movants", "related_entity", "marks_term"}
_SCHEDULE_A = re.compile(r"\bschedule\s+a\b", re.IGNORECASE)


def _texts(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _texts(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{where}.{key}")


def _state_pattern(states: tuple[str, ...]) -> re.Pattern[str]:
    # longest names first, so "West Virginia" is one state and not also "Virginia"; "New Yorkers" and
    # "Californians" count as naming the state; "Washington, D.C." is the District, not the state
    names = sorted(states, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")(?:ers|ns|s)?\b(?!,? D\.C\.)")


_STATES = _state_pattern(state_names())


def other_state_warnings(answers: dict[str, Any], court: Court) -> list[str]:
    """One warning per answer whose text names a US state other than the forum's."""
    warnings = []
    for name, value in answers.items():
        if name in _NOT_FINDINGS:
            continue
        for where, text in _texts(value, name):
            others = sorted({m.group(1) for m in _STATES.finditer(text)} - {court.state})
            if others:
                warnings.append(
                    f"answer '{where}' names {', '.join(others)}, but the court is in {court.state}: check that the "
                    f"finding is about this case and this forum")
    return warnings


def schedule_a_problems(answers: dict[str, Any]) -> list[str]:
    """A defendant entered as the sellers "identified on Schedule A" needs the schedule itself."""
    if answers.get("schedule_a"):
        return []
    collective = [str(d.get("name")) for d in answers.get("defendants") or []
                  if isinstance(d, dict) and _SCHEDULE_A.search(str(d.get("name") or ""))]
    if not collective:
        return []
    return [f"defendant '{collective[0]}' is the sellers on a Schedule A, but 'schedule_a' lists none; list each "
            f"seller (name, store, marketplace), or give the investigator's sheet with --sellers FILE.csv|FILE.xlsx, "
            f"so the order says whom it restrains (Rule 65(d)(1)(C), (d)(2))"]


def check_answer_facts(answers: dict[str, Any], court: Court, *, schedule_a: bool, forum_findings: bool,
                       source: object = None) -> list[str]:
    """Refuse what cannot be filed; return warnings for what a lawyer must look at. ``schedule_a``: the
    document can annex a Schedule A; ``forum_findings``: it makes findings about contacts with the forum."""
    problems = schedule_a_problems(answers) if schedule_a else []
    if problems:
        raise AnswersError(problems, source)
    return ((other_state_warnings(answers, court) if forum_findings else []) + placeholder_registrations(answers)
            + unstated_pronouns(answers))


def unstated_pronouns(answers: dict[str, Any]) -> list[str]:
    """A person with no ``pronoun`` answer is "he or she" in the papers: correct, but a lawyer who knows the
    person's pronoun should give it, so the render says which party it is."""
    return [f"answer '{side}[{index}].pronoun' is blank, so the papers say 'he or she' of "
            f"{party.get('short_name') or party.get('name')}: give he, she or they"
            for side in ("plaintiffs", "defendants") for index, party in enumerate(answers.get(side) or [])
            if isinstance(party, dict) and party.get("kind") == "individual" and not party.get("pronoun")]


def placeholder_registrations(answers: dict[str, Any]) -> list[str]:
    """A registration number of zeros is a placeholder ("0000000" in an example or a form): the order would
    print "U.S. Reg. No. 0,000,000", so the lawyer is told to put the mark's number in before filing."""
    return [f"answer 'marks[{index}].registration_number' is {mark.get('registration_number')!r}, a placeholder: "
            f"put in the U.S. registration number of the {mark.get('mark') or 'mark'} mark before filing"
            for index, mark in enumerate(answers.get("marks") or [])
            if isinstance(mark, dict) and re.fullmatch(r"[0,]+", str(mark.get("registration_number") or "x").strip())]
