"""Document templates and their interview specs, read from ``templates/<id>/``.

A template says which clauses make up a document and in what order, under which headings, on what
conditions (``when``), and which court-specific variant to take (``one_of``). Its interview spec
(``interview.yaml``) declares the answers it needs. Both are data a knowledge-management lawyer can edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assembler.yamlio import load_yaml
from assembler.errors import TemplateError

QUESTION_TYPES = ("text", "select", "multi-select", "confirm", "number", "money", "date", "list", "object", "court")
KINDS = ("memorandum", "notice", "order")


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
    if data["kind"] not in KINDS:
        raise TemplateError(f"{where}: kind must be one of {', '.join(KINDS)}")
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
        signature=str(data.get("signature", "judge" if data["kind"] == "order" else "counsel")),
        certificate_of_service=bool(data.get("certificate_of_service", False)),
        schedule_a=bool(data.get("schedule_a", False)),
        path=directory,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"{path}: not found") from None
    except yaml.YAMLError as exc:
        raise TemplateError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected a mapping")
    return data


def _section(where: str, raw: Any) -> Section:
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: each section must be a mapping")
    slots = []
    for entry in raw.get("clauses") or []:
        if isinstance(entry, str):
            slots.append(Slot([entry]))
        elif isinstance(entry, dict) and entry.get("one_of"):
            slots.append(Slot([str(r) for r in entry["one_of"]], bool(entry.get("optional")), entry.get("when")))
        elif isinstance(entry, dict) and entry.get("clause"):
            slots.append(Slot([str(entry["clause"])], bool(entry.get("optional")), entry.get("when")))
        else:
            raise TemplateError(f"{where}: a clause entry must be an id, {{clause: id}} or {{one_of: [ids]}}")
    return Section(raw.get("heading"), slots, [_section(where, s) for s in raw.get("sections") or []], raw.get("when"))


def _load_questions(path: Path, seen: set[Path]) -> list[Question]:
    if path.resolve() in seen:
        raise TemplateError(f"{path}: includes itself")
    seen.add(path.resolve())
    data = _read(path)
    questions: list[Question] = []
    for include in data.get("include") or []:
        questions.extend(_load_questions((path.parent / include).resolve(), seen))
    for raw in data.get("questions") or []:
        questions.append(_question(path, raw))
    return questions


def _question(path: Path, raw: Any) -> Question:
    if not isinstance(raw, dict) or not raw.get("name") or not raw.get("type"):
        raise TemplateError(f"{path}: each question needs a name and a type")
    if raw["type"] not in QUESTION_TYPES:
        raise TemplateError(f"{path}: question '{raw['name']}': type must be one of {', '.join(QUESTION_TYPES)}")
    fields = [_question(path, f) for f in raw.get("fields") or []]
    known = set(Question.__dataclass_fields__)
    unknown = sorted(set(raw) - known)
    if unknown:
        raise TemplateError(f"{path}: question '{raw['name']}': unknown key(s) {', '.join(unknown)}")
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
