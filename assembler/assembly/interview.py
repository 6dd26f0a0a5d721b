"""The interview: ask, in the terminal, only what this case still needs. The only module that imports
questionary.

:func:`run_interview` walks a template's questions in order, skips those already answered (from
``--answers``) or whose ``when`` condition does not hold, and asks the rest through an :class:`Asker`. The
questionary asker is used at the terminal; tests drive it through prompt_toolkit's pipe input, or swap in a
scripted asker.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Protocol

from assembler.assembly.answers import check_answer, choices_for, condition_holds
from assembler.errors import AnswersError, AssemblerError, InterviewAborted
from assembler.library.coverage import Service
from assembler.library.templates import Question

Validator = Callable[[str], bool | str]
CourtService = Callable[[str], Service]  # court id -> whether (and on what) the document can be assembled there
LEAVE_BLANK = "(leave blank)"  # the last choice of an optional select


class Asker(Protocol):
    def text(self, prompt: str, default: str = "", validate: Validator | None = None, help: str = "") -> str: ...
    def select(self, prompt: str, choices: list[str], default: str | None = None) -> str: ...
    def checkbox(self, prompt: str, choices: list[str]) -> list[str]: ...
    def confirm(self, prompt: str, default: bool = False) -> bool: ...
    def autocomplete(self, prompt: str, choices: list[str], validate: Validator | None = None) -> str: ...
    def say(self, text: str) -> None: ...


class QuestionaryAsker:
    """Asks with questionary. ``input``/``output`` let tests drive real prompts through a pipe."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self.io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def _ask(self, question: Any) -> Any:
        if "input" not in self.io and not sys.stdin.isatty():
            raise AnswersError(["the interview needs a terminal; use `assembler render TEMPLATE --answers FILE` "
                                "to assemble from a complete answers file without questions"])
        answer = question.unsafe_ask()  # lets Ctrl-C through as KeyboardInterrupt instead of returning None
        if answer is None:
            raise KeyboardInterrupt
        return answer

    def text(self, prompt: str, default: str = "", validate: Validator | None = None, help: str = "") -> str:
        import questionary

        return self._ask(questionary.text(prompt, default=default, validate=validate, instruction=help or None, **self.io))

    def select(self, prompt: str, choices: list[str], default: str | None = None) -> str:
        import questionary

        return self._ask(questionary.select(prompt, choices=choices, default=default, **self.io))

    def checkbox(self, prompt: str, choices: list[str]) -> list[str]:
        import questionary

        return self._ask(questionary.checkbox(prompt, choices=choices, **self.io))

    def confirm(self, prompt: str, default: bool = False) -> bool:
        import questionary

        return self._ask(questionary.confirm(prompt, default=default, **self.io))

    def autocomplete(self, prompt: str, choices: list[str], validate: Validator | None = None) -> str:
        import questionary

        return self._ask(questionary.autocomplete(prompt, choices=choices, validate=validate, match_middle=True,
                                                  ignore_case=True, **self.io))

    def say(self, text: str) -> None:
        import questionary

        questionary.print(text, style="italic", **{k: v for k, v in self.io.items() if k == "output"})


def terminal_asker() -> Asker:
    """The asker ``assembler new`` uses; tests replace it to type into real prompts through a pipe."""
    return QuestionaryAsker()


def run_interview(questions: list[Question], answers: dict[str, Any], asker: Asker,
                  court_service: CourtService | None = None) -> dict[str, Any]:
    """Return ``answers`` completed by asking what is missing or invalid. Ctrl-C raises
    :class:`InterviewAborted` carrying the answers gathered so far. ``court_service`` says whether the document
    can be assembled in a court (see :func:`ask_court`)."""
    answers = dict(answers)
    try:
        for question in questions:
            if not condition_holds(question.when, answers):
                continue
            current = answers.get(question.name)
            given = current not in (None, "", [])
            if given and not check_answer(question, current, answers) and not court_refused(court_service, question,
                                                                                           current):
                continue  # answered in the file, and valid
            if not given and question.name in answers and not question.required:
                continue  # an optional answer the file deliberately leaves blank
            if question.type == "list" or question.type == "object":
                # built in place, so Ctrl-C keeps every finished item and the fields of the one being typed
                partial = current if given else None
                value = (_ask_list(question, asker, answers, partial) if question.type == "list"
                         else _ask_fields(question, asker, answers, into=_live(answers, question.name, partial, {})))
            elif question.type == "court":
                value = ask_court(question, answers, asker, court_service)
            else:
                value = _ask(question, answers, asker, answers)
            if value is not None:
                answers[question.name] = value
            elif question.type in ("list", "object") and not answers.get(question.name):
                answers.pop(question.name, None)
    except KeyboardInterrupt:
        raise InterviewAborted(answers) from None
    return answers


def _ask(question: Question, scope: dict[str, Any], asker: Asker, answers: dict[str, Any]) -> Any:
    prompt = question.prompt + ("" if question.required else " (optional)")
    kind = question.type
    if kind == "object":
        return _ask_fields(question, asker, answers, into=_live(scope, question.name, None, {}))
    if kind == "list":
        return _ask_list(question, asker, answers, home=scope)
    if kind == "confirm":
        return asker.confirm(prompt, default=bool(question.default))
    if kind == "select":
        choices = list(question.choices or []) + ([] if question.required else [LEAVE_BLANK])
        picked = asker.select(prompt, choices, default=question.default)
        return None if picked == LEAVE_BLANK else picked
    if kind == "multi-select":
        choices = choices_for(question, answers)
        while True:
            chosen = asker.checkbox(prompt, choices)
            if not check_answer(question, chosen or None, answers) or (not chosen and not question.required):
                return chosen or None
    if kind == "court":
        return ask_court(question, answers, asker)
    convert = _number if kind in ("number", "money") else str
    default = "" if question.default is None else str(question.default)
    raw = asker.text(prompt, default=default, validate=_validator(question, answers, convert), help=question.help)
    return convert(raw) if raw.strip() else None


def ask_court(question: Question, answers: dict[str, Any], asker: Asker,
              court_service: CourtService | None = None) -> str:
    """The court, picked by typing part of its name. With ``court_service`` (the document's coverage), a court the
    library cannot serve for this document is refused as it is typed, naming the missing piece; a court it serves
    is accepted and what the draft will rest on there is said at once ("Third Circuit standard: verified; …")."""
    prompt = question.prompt + ("" if question.required else " (optional)")
    current = answers.get(question.name)
    if court_refused(court_service, question, current) and hasattr(asker, "say"):
        asker.say(f"{current}: {court_service(current).problem}")  # type: ignore[misc]
    labels = _court_labels()
    valid = _validator(question, answers, lambda text: _court_from(text, labels))

    def validate(text: str) -> bool | str:
        problem = valid(text)
        if problem is not True or not court_service:
            return problem
        service = court_service(_court_from(text, labels))
        return True if service.served else service.problem

    court_id = _court_from(asker.autocomplete(prompt, sorted(labels), validate=validate), labels)
    if court_service and hasattr(asker, "say"):  # a scripted asker may have nothing to show it on
        from assembler.library.courts import court

        asker.say(f"{court(court_id).citation}: {court_service(court_id).summary}")
    return court_id


def court_refused(court_service: CourtService | None, question: Question, value: Any) -> bool:
    """Whether an answered court is one the document cannot be assembled in (so it is asked again)."""
    if court_service is None or question.type != "court" or not isinstance(value, str):
        return False
    try:
        return not court_service(value).served
    except AssemblerError:
        return False  # not a court id at all: the answer check says so


def _court_labels() -> dict[str, str]:
    from assembler.library.courts import district_courts

    return {f"{c.district} ({c.id})": c.id for c in district_courts().values()}


def _court_from(text: str, labels: dict[str, str]) -> str:
    """A court id from what was typed: a label from the list, an id, or part of one court's name. Anything
    else (no match, or several) is returned as typed, for the answer check to explain."""
    typed = " ".join(text.split()).lower()
    if text in labels:
        return labels[text]
    matches = {court for label, court in labels.items() if typed and typed in label.lower()}
    return matches.pop() if len(matches) == 1 else text


def _validator(question: Question, answers: dict[str, Any], convert: Callable[[str], Any]) -> Validator:
    def validate(text: str) -> bool | str:
        value = convert(text) if text.strip() else None
        problems = check_answer(question, value, answers)
        return True if not problems else problems[0]

    return validate


def _number(text: str) -> int | float | str:
    cleaned = text.replace(",", "").replace("$", "").strip()
    try:
        number = float(cleaned)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def _live(answers: dict[str, Any], name: str, partial: Any, empty: Any) -> Any:
    """The value being built for ``name``, stored in ``answers`` at once (resumed from ``partial``)."""
    answers[name] = partial if isinstance(partial, type(empty)) else empty
    return answers[name]


def _ask_fields(question: Question, asker: Asker, answers: dict[str, Any], label: str = "",
                into: dict[str, Any] | None = None) -> dict[str, Any]:
    """Ask an object's fields into ``into`` (kept by the caller), skipping fields it already holds validly."""
    item: dict[str, Any] = {} if into is None else into
    for sub in question.fields:
        if not condition_holds(sub.when, item):
            continue
        if item.get(sub.name) not in (None, "", []) and not check_answer(sub, item[sub.name], answers):
            continue
        titled = Question(**{**sub.__dict__, "prompt": f"{label}{sub.prompt}"})
        value = _ask(titled, item, asker, answers)
        if value is not None:
            item[sub.name] = value
        elif sub.type in ("list", "object") and not item.get(sub.name):
            item.pop(sub.name, None)  # built in place, then left empty
    return item


def _ask_list(question: Question, asker: Asker, answers: dict[str, Any], partial: Any = None,
              home: dict[str, Any] | None = None) -> list[Any] | None:
    """Ask a list one item at a time. The list lives in ``answers`` while it is asked, so Ctrl-C keeps the
    items finished and the one half typed; resumed, complete items are kept and a half-typed one finished."""
    items: list[Any] = _live(answers if home is None else home, question.name, partial, [])
    if question.fields:
        for number, item in enumerate(items, start=1):
            if isinstance(item, dict) and _field_gaps(question, item, answers):
                _ask_fields(question, asker, answers, label=f"{question.item.capitalize()} {number}: ", into=item)
    minimum = question.min or 0
    while True:
        if len(items) >= minimum:
            more = "another" if items else "a"
            if (question.max and len(items) >= question.max) or not asker.confirm(f"Add {more} {question.item}?", default=not items and question.required):
                break
        number = len(items) + 1
        if question.fields:
            item: dict[str, Any] = {}
            items.append(item)
            _ask_fields(question, asker, answers, label=f"{question.item.capitalize()} {number}: ", into=item)
        else:
            scalar = Question(name=question.name, type=question.of, prompt=f"{question.item.capitalize()} {number}")
            value = _ask(scalar, answers, asker, answers)
            if value is not None:
                items.append(value)
    return items or None


def _field_gaps(question: Question, item: dict[str, Any], answers: dict[str, Any]) -> bool:
    """Whether a resumed item still lacks a field (it was being typed when the interview stopped)."""
    return any(check_answer(sub, item.get(sub.name), answers) for sub in question.fields if condition_holds(sub.when, item))
