"""Answers: the facts of one matter, kept as a YAML file beside it and reused across its documents.

:func:`validate` checks answers against a template's questions and reports *every* problem at once (a
paralegal fixes the file in one pass). :func:`build_context` turns valid answers into what clause text sees:
the answers themselves plus the phrases a brief needs (``movant_names``, ``plaintiff_word``, each party's
``description`` and ``intro``), so no clause has to work out grammar or definitions on its own.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from assembler.yamlio import load_answers_yaml
from assembler.text.jinja import condition_holds
from assembler.library.courts import Court, court as find_court, us_states_in
from assembler.text.clausetext import join_and
from assembler.errors import AnswersError, AssemblerError
from assembler.text.markup import assert_plain
from assembler.library.templates import Question
from assembler.assembly.answer_values import (
    control_problem, date_problem, judge_name, money_problem, number_problem, parse_money, registration_printed,
    registration_problem,
)
from assembler.assembly.parties import party_lists

_TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|%\}|\}\}")


def load_answers(path: str | os.PathLike[str]) -> dict[str, Any]:
    source = Path(path)
    try:
        data = load_answers_yaml(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AssemblerError(f"{source}: answers file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AssemblerError(f"{source}: cannot read answers file: {exc}") from exc
    except yaml.constructor.ConstructorError as exc:
        raise AssemblerError(f"{source}: {exc.problem}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        said = " ".join(str(getattr(exc, "problem", None) or exc).split())  # one line, whatever YAML wrote
        raise AssemblerError(f"{source}: not valid YAML{where}: {said}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AssemblerError(f"{source}: answers must be a mapping of answer names to values")
    budget = [_MAX_VALUES]
    return {str(k): _plain(v, budget, source) for k, v in data.items()}


_MAX_VALUES = 2_000_000  # far beyond 10,000 Schedule A sellers; a YAML alias bomb stops here, not after minutes


def _plain(value: Any, budget: list[int], source: Path) -> Any:
    """Copy the answers into plain lists and dicts (YAML aliases become real copies), within a budget."""
    budget[0] -= 1
    if budget[0] < 0:
        raise AssemblerError(f"{source}: answers file expands to more than {_MAX_VALUES:,} values (YAML aliases?)")
    if isinstance(value, list):
        return [_plain(v, budget, source) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, budget, source) for k, v in value.items()}
    return value


def dump_answers(answers: dict[str, Any]) -> str:
    return yaml.safe_dump(answers, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


def save_answers(answers: dict[str, Any], path: str | os.PathLike[str], force: bool = False) -> Path:
    from assembler.files import write_atomically

    return write_atomically(Path(path), dump_answers(answers).encode("utf-8"), force=force)


def digest(answers: dict[str, Any]) -> str:
    """sha256 of the answers in a canonical form: proves which answers a draft was built from without
    putting them in the draft."""
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- validation -----------------------------------------------------------------------------------------


def applicable(questions: list[Question], answers: dict[str, Any]) -> list[Question]:
    return [q for q in questions if condition_holds(q.when, answers)]


def with_defaults(questions: list[Question], answers: dict[str, Any]) -> dict[str, Any]:
    filled = dict(answers)
    for question in questions:
        if filled.get(question.name) in (None, "") and question.default is not None and condition_holds(question.when, filled):
            filled[question.name] = question.default
    return filled


def validate(questions: list[Question], answers: dict[str, Any], source: object = None,
             known: Iterable[str] | None = None) -> dict[str, Any]:
    """Return the answers with defaults applied, or raise :class:`AnswersError` listing every problem.

    ``known``: every answer name some document of the library asks for (one answers file serves a matter's
    memorandum, notice and order); any other top-level name is a typo, refused with the name it resembles.
    """
    problems: list[str] = unknown_names(answers, known) if known is not None else []
    answers = with_defaults(questions, answers)
    for question in applicable(questions, answers):
        problems.extend(check_answer(question, answers.get(question.name), answers))
    problems.extend(_cross_checks(answers))
    if any(q.name == "movants" for q in questions):
        problems.extend(movant_problems(answers))
    if problems:
        raise AnswersError(problems, source)
    return answers


def unknown_names(answers: dict[str, Any], known: Iterable[str]) -> list[str]:
    names = sorted(set(known))
    problems = []
    for name in answers:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            problems.append(f"'{name}' is not an answer any document asks for" +
                            (f" (did you mean '{close[0]}'?)" if close else ""))
    return problems


def check_answer(question: Question, value: Any, answers: dict[str, Any], label: str | None = None) -> list[str]:
    """Problems with one answer (empty when it is fine). Used by validation and by the interview."""
    name = label or question.name
    if value is None or value == "" or value == []:
        return [f"'{name}' is missing ({question.prompt})"] if question.required else []
    kind = question.type
    if kind in ("text", "select", "court"):
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return [f"'{name}' must be text"]
        value = str(value)
        problems = _text_problems(name, value)
        if kind == "select" and question.choices and value not in question.choices:
            problems.append(f"'{name}' must be one of {', '.join(question.choices)} (got '{value}')")
        if kind == "court":
            try:
                find_court(value)
            except AssemblerError as exc:
                problems.append(f"'{name}': {exc}")
        if question.pattern and not re.fullmatch(question.pattern, value):
            problems.append(f"'{name}' {question.pattern_help or 'is not in the expected form'} (got '{value}')")
        return problems
    if kind == "confirm":
        return [] if isinstance(value, bool) else [f"'{name}' must be true or false"]
    if kind == "registration":
        problem = registration_problem(name, value)
        return [problem] if problem else []
    if kind in ("number", "money"):
        problem = money_problem(name, value) if kind == "money" else number_problem(name, value)
        if problem:
            return [problem]
        number = parse_money(value) if kind == "money" else Decimal(str(value).replace(",", "").strip())
        if number is None or number < 0 or (question.min is not None and number < question.min):
            return [f"'{name}' must be at least {question.min or 0} (got {value})"]
        if question.max is not None and number > question.max:
            return [f"'{name}' must be at most {question.max} (got {value})"]
        if kind == "number" and number != number.to_integral_value():
            return [f"'{name}' must be a whole number (got {value})"]
        return []
    if kind == "date":
        problem = date_problem(name, value)
        return [problem] if problem else []
    if kind == "multi-select":
        if not isinstance(value, list):
            return [f"'{name}' must be a list"]
        choices = choices_for(question, answers)
        wrong = [str(v) for v in value if str(v) not in choices]
        problems = [f"'{name}': {', '.join(wrong)} not among {', '.join(choices)}"] if wrong else []
        doubled = sorted({str(v) for v in value if [str(x) for x in value].count(str(v)) > 1})
        if doubled:  # "[A], [B], and [B]" in a court paper
            problems.append(f"'{name}' lists {', '.join(doubled)} more than once")
        if question.min and len(value) < question.min:
            problems.append(f"'{name}' needs at least {question.min} choice(s)")
        return problems
    if kind == "object":
        if not isinstance(value, dict):
            return [f"'{name}' must be a mapping with {', '.join(f.name for f in question.fields)}"]
        return _field_problems(question, value, answers, name)
    if kind == "list":
        if not isinstance(value, list):
            return [f"'{name}' must be a list"]
        problems = []
        if question.min and len(value) < question.min:
            problems.append(f"'{name}' needs at least {question.min} {question.item}(s)")
        if question.max and len(value) > question.max:
            problems.append(f"'{name}' takes at most {question.max} {question.item}(s)")
        for index, element in enumerate(value, start=1):
            where = f"{name}[{index}]"
            if question.fields:
                if not isinstance(element, dict):
                    problems.append(f"'{where}' must be a mapping with {', '.join(f.name for f in question.fields)}")
                    continue
                problems.extend(_field_problems(question, element, answers, where))
            else:
                scalar = Question(name=where, type=question.of, prompt=question.prompt)
                problems.extend(check_answer(scalar, element, answers, where))
        return problems
    return []


def _field_problems(question: Question, value: dict[str, Any], answers: dict[str, Any], where: str) -> list[str]:
    problems = []
    unknown = sorted(set(value) - {f.name for f in question.fields})
    if unknown:
        problems.append(f"'{where}': unknown field(s) {', '.join(unknown)}")
    for sub in question.fields:
        if condition_holds(sub.when, value):
            problems.extend(check_answer(sub, value.get(sub.name), answers, f"{where}.{sub.name}"))
    return problems


def _text_problems(name: str, value: str) -> list[str]:
    control = control_problem(name, value)
    if control:
        return [control]
    if not assert_plain(value) or _TEMPLATE_SYNTAX.search(value):
        return [f"'{name}' contains template syntax or private-use characters; type plain text"]
    if value != value.strip():
        return [f"'{name}' has leading or trailing spaces"]
    return []


def choices_for(question: Question, answers: dict[str, Any]) -> list[str]:
    """A select question's choices: listed in the spec, or taken from earlier answers (``choices_from:
    defendants.short_name``), each once."""
    if question.choices or not question.choices_from:
        return list(question.choices or [])
    list_name, _, field_name = question.choices_from.partition(".")
    items = answers.get(list_name) or []
    return list(dict.fromkeys(str(item.get(field_name)) for item in items
                              if isinstance(item, dict) and item.get(field_name)))


def typed_problem(path: str, value: Any, answers: dict[str, Any], item: dict[str, Any] | None = None) -> str | None:
    """What is wrong with one answer as typed, given the others: the interview refuses it at once, instead of
    after the last question. ``path`` names the answer without list positions (``defendants.short_name``,
    ``filer.represents``); ``item`` is the list item being typed, which may already hold an earlier value.

    A party's short name must be its own (the papers define each party by it), and an answer that names a
    party must name one (an affiliate's heading or a signature block would print a stranger's name)."""
    if value in (None, "", []):
        return None
    if isinstance(value, list):  # a list of plain answers (``filer.represents``): each entry
        return next((p for p in (typed_problem(path, v, answers, item) for v in value) if p), None)
    if path in ("plaintiffs.short_name", "defendants.short_name"):
        for party in [p for side in ("plaintiffs", "defendants") for p in answers.get(side) or []]:
            if party is item:
                break  # a party listed later is asked again, not this one
            if isinstance(party, dict) and str(party.get("short_name")) == str(value):
                return (f"{value} is already the short name of {party.get('name') or 'another party'}; give "
                        "each party its own")
        return None
    if path == "division":
        problems = _division_problems({**answers, "division": value})
        return problems[0].removeprefix("'division': ") if problems else None
    if path in ("filer.represents", "related_entity"):
        shorts = [str(p.get("short_name")) for side in ("plaintiffs", "defendants") for p in answers.get(side) or []
                  if isinstance(p, dict) and p.get("short_name")]
        if str(value) not in shorts:
            return f"{value} is not a party's short name (one of {join_and(shorts) or 'none yet'})"
    if path in ("movants", "related_entity", "registered_in_forum"):
        # a movant at home in the forum, the affiliate as the only movant, registration for persons: refused as typed
        trial = {**answers, path: [value] if path == "movants" else value}
        said = next((p for p in movant_problems(trial) if p.startswith(f"'{path}': ")), None)
        return said.split(": ", 1)[1] if said else None
    return None


def _cross_checks(answers: dict[str, Any]) -> list[str]:
    problems = []
    parties = [p for side in ("plaintiffs", "defendants") for p in answers.get(side) or [] if isinstance(p, dict)]
    shorts = [str(p.get("short_name")) for p in parties if p.get("short_name")]
    doubled = sorted({s for s in shorts if shorts.count(s) > 1})
    if doubled:
        problems.append(f"short name(s) {', '.join(doubled)} used for more than one party")
    problems.extend(_division_problems(answers))
    problems.extend(_names_a_party(answers, shorts))
    return problems


def _names_a_party(answers: dict[str, Any], shorts: list[str]) -> list[str]:
    """Answers that name parties by short name must name parties: an affiliate or client who is not one would
    print a stranger's name in a heading or a signature block."""
    problems = []
    related = answers.get("related_entity")
    if isinstance(related, str) and related and related not in shorts:
        problems.append(f"'related_entity': {related} is not a party's short name (one of {join_and(shorts)})")
    return problems


_DAIMLER = "Daimler AG v. Bauman, 571 U.S. 117, 137 (2014)"


def movant_problems(answers: dict[str, Any]) -> list[str]:
    """Answers a Rule 12(b)(2) motion cannot be written from: a movant at home in the forum state (it is subject
    to general jurisdiction there on any claim, so the motion would deny what *Daimler* settles); an affiliate
    whose contacts are to be attributed that is itself the only movant (the heading would attribute them to no
    one); and registration to do business answered for movants who are all individuals (a person does not
    register to do business)."""
    court_id = answers.get("court")
    try:
        court = find_court(court_id) if isinstance(court_id, str) else None
    except AssemblerError:
        court = None  # reported against 'court'
    parties = party_lists(answers, court.state if court else "")
    movants = parties["movants"]
    problems = []
    if court is not None:
        for movant in movants:
            if court.state not in movant.home_states:
                continue
            if movant.individual:
                why = f"domiciled in {movant.principal_place_of_business}"
            elif movant.organized_under and court.state in us_states_in(movant.organized_under):
                why = f"it is organized under the laws of {movant.organized_under}"
            else:
                why = f"its principal place of business is in {movant.principal_place_of_business}"
            problems.append(
                f"'movants': {movant.short_name} is at home in {court.state} ({why}), where a court may exercise "
                f"general jurisdiction over {movant.it_obj} on any claim ({_DAIMLER}); a motion to dismiss for lack "
                f"of personal jurisdiction cannot be assembled for {movant.it_obj}")
    theories = answers.get("jurisdiction_theories") or []
    related = answers.get("related_entity")
    if "attribution" in theories and related and movants and all(m.short_name == related for m in movants):
        problems.append(f"'related_entity': {related} is the only movant, so there is no one its contacts could be "
                        "attributed to; name the affiliate whose contacts the plaintiff relies on")
    if ("consent_by_registration" in theories and answers.get("registered_in_forum") is True and movants
            and all(m.individual for m in movants)):
        problems.append(f"'registered_in_forum': {movants.names} {movants.verb('is an individual', 'are individuals')}, "
                        "and a person does not register to do business; answer no")
    return problems


def represents_warnings(answers: dict[str, Any]) -> list[str]:
    """A client in ``filer.represents`` who is no party: said on every render (the signature block names the
    movants, or the clients; a stranger there is a typo to fix)."""
    shorts = [str(p.get("short_name")) for side in ("plaintiffs", "defendants") for p in answers.get(side) or []
              if isinstance(p, dict) and p.get("short_name")]
    filer = answers.get("filer")
    represents = filer.get("represents") if isinstance(filer, dict) else None
    strangers = [str(r) for r in represents or [] if str(r) not in shorts] if isinstance(represents, list) else []
    return [f"'filer.represents': {', '.join(strangers)} is not a party's short name (one of {join_and(shorts)})"
            ] if strangers else []


def _division_problems(answers: dict[str, Any]) -> list[str]:
    division = answers.get("division")
    if division in (None, "") or not isinstance(answers.get("court"), str):
        return []
    try:
        court = find_court(answers["court"])
    except AssemblerError:
        return []  # reported against 'court'
    if not court.divisions:
        return [f"'division': the {court.district} has no divisions; leave 'division' out"]
    if court.division(str(division)) is None:
        return [f"'division': the {court.district} has the divisions {join_and(court.divisions)} (got '{division}')"]
    return []


# --- context --------------------------------------------------------------------------------------------


def build_context(answers: dict[str, Any], questions: list[Question], court: Court | None = None) -> dict[str, Any]:
    """What clause text sees: the template's own questions (an optional one not answered is None, so a
    clause can test it) plus derived phrases. A clause that uses anything else fails, naming the variable."""
    # Only what the template asks for: an answer meant for another document never leaks into this one.
    context: dict[str, Any] = {q.name: _printed(q, answers.get(q.name)) for q in questions}
    context["judge"] = judge_name(context.get("judge"))
    court = court or find_court(answers["court"])
    if context.get("division"):
        context["division"] = court.division(context["division"]) or context["division"]
    context["court"] = court.as_context()
    parties = party_lists(answers, court.state)
    plaintiffs, defendants, movants, enjoined = (parties[k] for k in ("plaintiffs", "defendants", "movants", "enjoined"))
    context.update(parties)
    # The names clause versions written before party lists use; new text says plaintiffs.word, movants.names ...
    context.update(
        plaintiff_word=plaintiffs.word, defendant_word=defendants.word,
        plaintiff_names=plaintiffs.names, defendant_names=defendants.names,
        movant_names=movants.names, enjoined_names=enjoined.names,
        plaintiff_intros=plaintiffs.intros, movant_intros=movants.intros,
    )
    return context


def _printed(question: Question, value: Any) -> Any:
    """An answer as clause text prints it: an optional list not given is empty (a clause loops over nothing),
    a registration number in USPTO form."""
    if value is None and question.type in ("list", "multi-select"):
        return []
    if value is None:
        return None
    if question.type == "registration":
        return registration_printed(value)
    if question.type == "list" and question.fields and isinstance(value, list):
        return [{**item, **{f.name: _printed(f, item.get(f.name)) for f in question.fields if f.name in item}}
                if isinstance(item, dict) else item for item in value]
    if question.type == "object" and isinstance(value, dict):
        return {**value, **{f.name: _printed(f, value.get(f.name)) for f in question.fields if f.name in value}}
    return value
