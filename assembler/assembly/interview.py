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

from assembler.assembly.answers import check_answer, choices_for, condition_holds, typed_problem
from assembler.errors import AssemblerError, InterviewAborted
from assembler.library.coverage import Service
from assembler.library.templates import Question

Validator = Callable[[str], bool | str]
CourtService = Callable[[str], Service]  # court id -> whether (and on what) the document can be assembled there
LEAVE_BLANK = "(leave blank)"  # the last choice of an optional select


class Asker(Protocol):
    """``text``'s ``default`` is offered, not typed in for the user: an empty answer takes it."""

    def text(self, prompt: str, default: str = "", validate: Validator | None = None, help: str = "") -> str: ...
    def select(self, prompt: str, choices: list[str], default: str | None = None) -> str: ...
    def checkbox(self, prompt: str, choices: list[str], validate: Callable[[list[str]], bool | str] | None = None
                 ) -> list[str]: ...
    def confirm(self, prompt: str, default: bool = False) -> bool: ...
    def autocomplete(self, prompt: str, choices: list[str], validate: Validator | None = None) -> str: ...
    def say(self, text: str) -> None: ...


NO_TERMINAL = ("the interview needs a terminal to ask its questions (standard input is not one); to assemble "
               "without questions, use `assembler render TEMPLATE --answers FILE`")


class QuestionaryAsker:
    """Asks with questionary. ``input``/``output`` let tests drive real prompts through a pipe."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self.io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def _terminal(self) -> None:
        """Before a prompt is built (building one without a terminal prints prompt_toolkit's own warning)."""
        if "input" not in self.io and not sys.stdin.isatty():
            raise AssemblerError(NO_TERMINAL)

    def _ask(self, question: Any) -> Any:
        answer = question.unsafe_ask()  # lets Ctrl-C through as KeyboardInterrupt instead of returning None
        if answer is None:
            raise KeyboardInterrupt
        return answer

    def text(self, prompt: str, default: str = "", validate: Validator | None = None, help: str = "") -> str:
        import questionary

        self._terminal()
        offered = f"(Enter for {default})" if default else ""
        instruction = " ".join(part for part in (offered, help) if part) or None
        return self._ask(questionary.text(prompt, validate=validate, instruction=instruction, **self.io))

    def select(self, prompt: str, choices: list[str], default: str | None = None) -> str:
        import questionary

        self._terminal()
        return self._ask(questionary.select(prompt, choices=choices, default=default, **self.io))

    def checkbox(self, prompt: str, choices: list[str], validate: Callable[[list[str]], bool | str] | None = None
                 ) -> list[str]:
        import questionary

        self._terminal()
        return self._ask(questionary.checkbox(prompt, choices=choices, validate=validate or (lambda _: True),
                                              **self.io))

    def confirm(self, prompt: str, default: bool = False) -> bool:
        import questionary

        self._terminal()
        return self._ask(questionary.confirm(prompt, default=default, **self.io))

    def say(self, text: str) -> None:
        """A line between questions: the heading of a list, or why an answer is asked again."""
        self._terminal()
        print(text, flush=True)

    def autocomplete(self, prompt: str, choices: list[str], validate: Validator | None = None) -> str:
        import questionary

        self._terminal()
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
            if (given and not check_answer(question, current, answers) and not _clashes(question, current, answers)
                    and not court_refused(court_service, question, current)):
                continue  # answered in the file, and valid
            if not given and question.name in answers and not question.required:
                continue  # an optional answer the file deliberately leaves blank
            if not given and question.name == "division" and not _court_has_divisions(answers):
                continue  # the court's caption names no division
            if question.type == "list" or question.type == "object":
                # built in place, so Ctrl-C keeps every finished item and the fields of the one being typed
                partial = current if given else None
                value = (_ask_list(question, asker, answers, partial) if question.type == "list"
                         else _ask_object(question, asker, answers, _live(answers, question.name, partial, {})))
            elif question.type == "court":
                value = ask_court(question, answers, asker, court_service)
            else:
                value = _ask(question, answers, asker, answers, path=question.name)
            if value is not None:
                answers[question.name] = value
            elif question.type in ("list", "object") and not answers.get(question.name):
                answers.pop(question.name, None)
    except KeyboardInterrupt:
        raise InterviewAborted(answers) from None
    return answers


def _court_has_divisions(answers: dict[str, Any]) -> bool:
    from assembler.library.courts import district_courts

    court = district_courts().get(str(answers.get("court") or ""))
    return court is None or bool(court.divisions)


def _clashes(question: Question, value: Any, answers: dict[str, Any]) -> bool:
    """Whether an answer from the file clashes with the others (a short name another party has)."""
    if question.type == "object" and isinstance(value, dict):
        return _field_gaps(question, value, answers, question.name)
    if question.is_object_list and isinstance(value, list):
        return any(_field_gaps(question, item, answers, question.name) for item in value if isinstance(item, dict))
    return typed_problem(question.name, value, answers) is not None


def _ask(question: Question, scope: dict[str, Any], asker: Asker, answers: dict[str, Any], path: str = "",
         item: dict[str, Any] | None = None) -> Any:
    """One answer. ``path`` names it for the checks that look at other answers (``defendants.short_name``);
    ``item`` is the list item it belongs to."""
    prompt = question.prompt + ("" if question.required else " (optional)")
    kind = question.type
    if kind == "object":
        return _ask_object(question, asker, answers, _live(scope, question.name, None, {}), path=path)
    if kind == "list":
        return _ask_list(question, asker, answers, home=scope, path=path)
    if kind == "confirm":
        return asker.confirm(prompt, default=bool(question.default))
    if kind == "select":
        choices = list(question.choices or []) + ([] if question.required else [LEAVE_BLANK])
        picked = asker.select(prompt, choices, default=question.default)
        return None if picked == LEAVE_BLANK else picked
    if kind == "multi-select":
        choices = choices_for(question, answers)

        def acceptable(chosen: list[str]) -> bool | str:
            if not chosen:
                return True if not question.required else "choose at least one: Space ticks a name, Enter finishes"
            problems = check_answer(question, chosen, answers)
            return True if not problems else problems[0]

        while True:
            chosen = asker.checkbox(prompt, choices, validate=acceptable)
            verdict = acceptable(chosen)
            if verdict is True:
                if not chosen:
                    asker.say("  none chosen")  # what the blank means is in the prompt
                return chosen or None
            asker.say(f"  {verdict}")  # an asker that could not show it on the prompt
    if kind == "court":
        return ask_court(question, answers, asker)
    convert = _number if kind in ("number", "money") else str
    default = "" if question.default is None else str(question.default)
    valid = _validator(question, answers, convert, default=default, path=path, item=item)
    raw = asker.text(prompt, default=default, validate=valid, help=question.help)
    if not raw.strip():
        raw = default  # offered, not typed in: Enter takes it, and "n" typed over "7" is "n", not "7n"
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


def _validator(question: Question, answers: dict[str, Any], convert: Callable[[str], Any], default: str = "",
               path: str = "", item: dict[str, Any] | None = None) -> Validator:
    def validate(text: str) -> bool | str:
        typed = text if text.strip() else default
        value = convert(typed) if typed.strip() else None
        problems = check_answer(question, value, answers)
        clash = typed_problem(path, value, answers, item) if not problems else None
        return True if not problems and not clash else (problems or [clash])[0]

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


def _ask_object(question: Question, asker: Asker, answers: dict[str, Any], into: dict[str, Any],
                path: str = "") -> dict[str, Any]:
    """An object's fields under its heading ("Filing counsel")."""
    if _field_gaps(question, into, answers, path or question.name):
        asker.say(question.prompt)
    return _ask_fields(question, asker, answers, into=into, path=path or question.name)


def _ask_fields(question: Question, asker: Asker, answers: dict[str, Any], label: str = "",
                into: dict[str, Any] | None = None, path: str = "") -> dict[str, Any]:
    """Ask an object's fields into ``into`` (kept by the caller), skipping fields it already holds validly.
    ``label`` names the list item ("Defendant 2"): its prompts read "Defendant 2 — full legal name"."""
    item: dict[str, Any] = {} if into is None else into
    for sub in question.fields:
        if not condition_holds(sub.when, item):
            continue
        where = f"{path}.{sub.name}" if path else sub.name
        if not _field_gap(sub, item, answers, where):
            continue
        titled = Question(**{**sub.__dict__, "prompt": f"{label} — {_lower_first(sub.prompt)}" if label else sub.prompt})
        value = _ask(titled, item, asker, answers, path=where, item=item)
        if value is not None:
            item[sub.name] = value
        elif sub.type in ("list", "object") and not item.get(sub.name):
            item.pop(sub.name, None)  # built in place, then left empty
    return item


def _field_gap(sub: Question, item: dict[str, Any], answers: dict[str, Any], where: str, blank: bool = True) -> bool:
    """Whether a field still has to be asked: missing (if ``blank``; else only if required), invalid, or
    clashing with another answer."""
    value = item.get(sub.name)
    if value in (None, "", []):
        return blank or bool(check_answer(sub, value, answers))
    return bool(check_answer(sub, value, answers) or typed_problem(where, value, answers, item))


def _lower_first(prompt: str) -> str:
    """"Full legal name" -> "full legal name", for "Defendant 2 — full legal name"; "U.S. registration …"
    keeps its capitals."""
    if len(prompt) > 1 and prompt[0].isupper() and (prompt[1].islower() or prompt[1] in " '"):
        return prompt[0].lower() + prompt[1:]
    return prompt


def _list_name(question: Question) -> str:
    """The list's heading, short: "Papers the Court considered", "Firm address" (before a comma or a
    parenthesis in the prompt)."""
    for stop in (" (", ", ", "; "):
        head = question.prompt.partition(stop)[0]
        if head and len(head) < len(question.prompt):
            return head
    return question.prompt


def _ask_list(question: Question, asker: Asker, answers: dict[str, Any], partial: Any = None,
              home: dict[str, Any] | None = None, path: str = "") -> list[Any] | None:
    """Ask a list one item at a time, under its heading. The list lives in ``answers`` while it is asked, so
    Ctrl-C keeps the items finished and the one half typed; resumed, complete items are kept and a half-typed
    one finished."""
    path = path or question.name
    items: list[Any] = _live(answers if home is None else home, question.name, partial, [])
    asker.say(question.prompt + ("" if question.required else " (optional)"))
    if question.fields:
        for number, item in enumerate(items, start=1):
            if isinstance(item, dict) and _field_gaps(question, item, answers, path):
                _ask_fields(question, asker, answers, label=f"{question.item.capitalize()} {number}", into=item,
                            path=path)
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
            _ask_fields(question, asker, answers, label=f"{question.item.capitalize()} {number}", into=item,
                        path=path)
        else:
            scalar = Question(name=question.name, type=question.of,
                              prompt=f"{_list_name(question)} — {question.item} {number}")
            value = _ask_item(scalar, items, asker, answers, path)
            if value is not None:
                items.append(value)
    return items or None


def _ask_item(scalar: Question, items: list[Any], asker: Asker, answers: dict[str, Any], path: str) -> Any:
    """One entry of a list of plain answers, never one already in the list."""
    while True:
        value = _ask(scalar, answers, asker, answers, path=path)
        if value is None or value not in items:
            return value
        asker.say(f"  {value} is already in the list")


def _field_gaps(question: Question, item: dict[str, Any], answers: dict[str, Any], path: str = "") -> bool:
    """Whether an item still lacks a field (it was being typed when the interview stopped, or the answers file
    left it out)."""
    return any(_field_gap(sub, item, answers, f"{path}.{sub.name}" if path else sub.name, blank=False)
               for sub in question.fields if condition_holds(sub.when, item))
