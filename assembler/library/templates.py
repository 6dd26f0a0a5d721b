"""Document templates and their interview specs, read from ``templates/<id>/``.

A template says which clauses make up a document and in what order, under which headings, on what
conditions (``when``), and which court-specific variant to take (``one_of``). Its interview spec
(``interview.yaml``) declares the answers it needs. Both are data a knowledge-management lawyer can edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.errors import TemplateError
from assembler.library.versions import split_ref
from assembler.text.jinja import condition_problem
from assembler.yamlio import read_yaml_file

QUESTION_TYPES = ("text", "select", "multi-select", "confirm", "number", "money", "date", "list", "object", "court",
                  "registration")
KINDS = ("memorandum", "notice", "motion", "order")
SIGNATURES = ("counsel", "judge")
_TEMPLATE_KEYS = ("id", "version", "title", "description", "kind", "document_title", "sections", "signature",
                  "certificate_of_service", "schedule_a")
_SECTION_KEYS = ("heading", "clauses", "sections", "when")
_SLOT_KEYS = ("clause", "one_of", "optional", "when")
# the type each optional question key must have, when given
_QUESTION_TYPES_OF = {"prompt": str, "help": str, "required": bool, "choices_from": str, "item": str,
                      "min": int, "max": int, "pattern": str, "pattern_help": str, "of": str}


@dataclass
class Question:
    name: str
    type: str
    prompt: str
    help: str = ""
    required: bool = True
    default: Any = None
    when: str | None = None
    choices: list[str] = field(default_factory=list)
    choices_from: str | None = None  # e.g. "defendants.short_name": choose among earlier answers
    of: str = "text"  # element type of a list of scalars
    fields: list[Question] = field(default_factory=list)  # a list of objects
    item: str = "item"  # what one list element is called ("defendant")
    min: int | None = None
    max: int | None = None
    pattern: str | None = None
    pattern_help: str = ""

    @property
    def is_object_list(self) -> bool:
        return self.type == "list" and bool(self.fields)


@dataclass
class Slot:
    """One place in a document: a clause reference, or the first of several that applies in the court."""

    refs: list[str]
    optional: bool = False
    when: str | None = None


@dataclass
class Section:
    heading: str | None
    slots: list[Slot] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    when: str | None = None


@dataclass
class Template:
    id: str
    version: str
    title: str
    description: str
    kind: str
    document_title: str
    sections: list[Section]
    questions: list[Question]
    signature: str  # "counsel" or "judge"
    certificate_of_service: bool = False
    schedule_a: bool = False
    path: Path | None = None


def load_template(directory: Path) -> Template:
    spec_file = directory / "template.yaml"
    data = _read(spec_file)
    where = str(spec_file)
    for name in ("id", "version", "title", "description", "kind", "document_title", "sections"):
        if not data.get(name):
            raise TemplateError(f"{where}: missing '{name}'")
    _no_unknown_keys(where, "template", data, _TEMPLATE_KEYS)
    if data["kind"] not in KINDS:
        raise TemplateError(f"{where}: kind must be one of {', '.join(KINDS)}")
    signature = data.get("signature", "judge" if data["kind"] == "order" else "counsel")
    if signature not in SIGNATURES:
        raise TemplateError(f"{where}: signature must be one of {', '.join(SIGNATURES)} (got {signature!r})")
    for name in ("certificate_of_service", "schedule_a"):
        if not isinstance(data.get(name, False), bool):
            raise TemplateError(f"{where}: {name} must be true or false (got {data[name]!r})")
    if not isinstance(data["sections"], list):
        raise TemplateError(f"{where}: 'sections' must be a list")
    interview_file = directory / "interview.yaml"
    questions = _load_questions(interview_file, set())
    names = [q.name for q in questions]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise TemplateError(f"{interview_file}: question(s) asked twice: {', '.join(duplicates)}")
    return Template(
        id=str(data["id"]),
        version=str(data["version"]),
        title=str(data["title"]),
        description=str(data["description"]).strip(),
        kind=data["kind"],
        document_title=str(data["document_title"]),
        sections=[_section(where, s) for s in data["sections"]],
        questions=questions,
        signature=signature,
        certificate_of_service=data.get("certificate_of_service", False),
        schedule_a=data.get("schedule_a", False),
        path=directory,
    )


def _read(path: Path) -> dict[str, Any]:
    data = read_yaml_file(path, lambda problem: TemplateError(f"{path}: {problem}"))
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected a mapping")
    return data


def _no_unknown_keys(where: str, what: str, raw: dict[str, Any], known: tuple[str, ...]) -> None:
    unknown = sorted(str(k) for k in set(raw) - set(known))
    if unknown:
        raise TemplateError(f"{where}: {what}: unknown key(s) {', '.join(unknown)} (known: {', '.join(known)})")


def _condition(where: str, what: str, raw: dict[str, Any]) -> str | None:
    """A ``when:`` compiled now, so a firm's typo is reported at load and not in the middle of a render."""
    problem = condition_problem(raw.get("when"))
    if problem:
        raise TemplateError(f"{where}: {what}: {problem}")
    return raw.get("when")


def _ref(where: str, ref: Any) -> str:
    if not isinstance(ref, str) or not ref.strip():
        raise TemplateError(f"{where}: a clause reference must be an id such as pi-recitals (got {ref!r})")
    _, spec = split_ref(ref)
    try:
        spec.validate()
    except ValueError as exc:
        raise TemplateError(f"{where}: clause {ref}: {exc}") from None
    return ref


def _section(where: str, raw: Any) -> Section:
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: each section must be a mapping")
    heading = raw.get("heading")
    what = f"section '{heading}'" if heading else "section"
    _no_unknown_keys(where, what, raw, _SECTION_KEYS)
    if heading is not None and not isinstance(heading, str):
        raise TemplateError(f"{where}: {what}: heading must be text")
    for name in ("clauses", "sections"):
        if not isinstance(raw.get(name) or [], list):
            raise TemplateError(f"{where}: {what}: '{name}' must be a list")
    slots = []
    for entry in raw.get("clauses") or []:
        if isinstance(entry, str):
            slots.append(Slot([_ref(where, entry)]))
            continue
        if not isinstance(entry, dict) or not (entry.get("one_of") or entry.get("clause")):
            raise TemplateError(f"{where}: {what}: a clause entry must be an id, {{clause: id}} or {{one_of: [ids]}}")
        _no_unknown_keys(where, f"{what}, clause entry", entry, _SLOT_KEYS)
        refs = entry["one_of"] if entry.get("one_of") else [entry["clause"]]
        if not isinstance(refs, list):
            raise TemplateError(f"{where}: {what}: one_of must be a list of clause ids")
        if not isinstance(entry.get("optional", False), bool):
            raise TemplateError(f"{where}: {what}: optional must be true or false")
        slots.append(Slot([_ref(where, r) for r in refs], entry.get("optional", False),
                          _condition(where, f"{what}, clause {refs[0]}", entry)))
    return Section(heading, slots, [_section(where, s) for s in raw.get("sections") or []],
                   _condition(where, what, raw))


def _load_questions(path: Path, seen: set[Path]) -> list[Question]:
    if path.resolve() in seen:
        raise TemplateError(f"{path}: includes itself")
    seen.add(path.resolve())
    data = _read(path)
    questions: list[Question] = []
    _no_unknown_keys(str(path), "interview", data, ("include", "questions"))
    for name in ("include", "questions"):
        if not isinstance(data.get(name) or [], list):
            raise TemplateError(f"{path}: '{name}' must be a list")
    for include in data.get("include") or []:
        questions.extend(_load_questions((path.parent / str(include)).resolve(), seen))
    for raw in data.get("questions") or []:
        questions.append(_question(path, raw))
    return questions


def _question(path: Path, raw: Any) -> Question:
    if not isinstance(raw, dict) or not raw.get("name") or not raw.get("type"):
        raise TemplateError(f"{path}: each question needs a name and a type")
    what = f"question '{raw['name']}'"
    if raw["type"] not in QUESTION_TYPES:
        raise TemplateError(f"{path}: {what}: type must be one of {', '.join(QUESTION_TYPES)}")
    known = set(Question.__dataclass_fields__)
    unknown = sorted(set(raw) - known)
    if unknown:
        raise TemplateError(f"{path}: {what}: unknown key(s) {', '.join(unknown)}")
    for key, kind in _QUESTION_TYPES_OF.items():
        value = raw.get(key)
        if value is not None and (not isinstance(value, kind) or (kind is int and isinstance(value, bool))):
            noun = {str: "text", bool: "true or false", int: "a whole number"}[kind]
            raise TemplateError(f"{path}: {what}: {key} must be {noun} (got {value!r})")
    if raw.get("of", "text") not in QUESTION_TYPES:
        raise TemplateError(f"{path}: {what}: of must be one of {', '.join(QUESTION_TYPES)}")
    choices = raw.get("choices")
    if choices is not None and (not isinstance(choices, list) or not all(isinstance(c, str) for c in choices)):
        raise TemplateError(f"{path}: {what}: choices must be a list of text")
    if not isinstance(raw.get("fields") or [], list):
        raise TemplateError(f"{path}: {what}: fields must be a list of questions")
    if raw.get("pattern") is not None:
        try:
            re.compile(raw["pattern"])
        except re.error as exc:
            raise TemplateError(f"{path}: {what}: pattern '{raw['pattern']}' is not a valid regular expression: "
                                f"{exc}") from None
    _condition(str(path), what, raw)
    fields = [_question(path, f) for f in raw.get("fields") or []]
    values = {k: v for k, v in raw.items() if k != "fields"}
    values.setdefault("prompt", raw["name"].replace("_", " ").capitalize())
    return Question(fields=fields, **values)


def template_dirs_by_id(roots: list[Path]) -> dict[str, Path]:
    """Template folders by id; a later root (a firm's) wins over an earlier one."""
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for spec in sorted(root.glob("*/template.yaml")):
            found[spec.parent.name] = spec.parent
    return found


def find_template(roots: list[Path], template_id: str) -> Template:
    dirs = template_dirs_by_id(roots)
    if template_id not in dirs:
        raise TemplateError(f"no template '{template_id}' (have: {', '.join(sorted(dirs)) or 'none'})")
    return load_template(dirs[template_id])


def all_templates(roots: list[Path]) -> list[Template]:
    return [load_template(path) for _, path in sorted(template_dirs_by_id(roots).items())]
