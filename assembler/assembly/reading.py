"""Which answers a document reads, worked out from its template: the interview asks only those.

One answers file serves a matter's memorandum, notice and orders, so every template includes the case's
common questions (``templates/_shared/case.yaml``). Not every document prints every answer: a proposed order
ends with the judge's signature line, so it never prints counsel's firm, bar numbers or the filing date.
A document reads an answer when

- the text of a clause it can use names it (a clause version's variables, or a phrase built from it:
  ``movants.names`` reads ``movants`` and ``defendants``);
- the template names it in a heading, a title or a ``when:`` condition;
- the paper's frame prints it: the caption (every document), counsel's signature block, date and
  certificate of service (papers counsel sign), or the Schedule A table;
- a question the document asks depends on it (its ``when:``, or its choices: ``choices_from``).

An answer the document does not read is neither asked nor required; given in the file, it is still checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from assembler.errors import AssemblerError
from assembler.library.loading import Library
from assembler.library.templates import Question, Section, Template
from assembler.text.jinja import names_in

# what every paper prints around its body (assembly/closing.py's caption) and what the assembly itself reads
_FRAME = {"court", "division", "case_number", "judge", "plaintiffs", "defendants", "caption_plaintiffs",
          "caption_defendants", "jurisdiction_theories", "registered_in_forum"}
# counsel's signature block, its date and the certificate of service (closing.py), which name the movants
_COUNSEL = {"filer", "filing_date", "movants"}
# the phrases build_context derives, by the answers they come from
_DERIVED = {
    "plaintiff_word": {"plaintiffs"}, "plaintiff_names": {"plaintiffs"}, "plaintiff_intros": {"plaintiffs"},
    "defendant_word": {"defendants"}, "defendant_names": {"defendants"},
    "movants": {"movants", "defendants"}, "movant_names": {"movants", "defendants"},
    "movant_intros": {"movants", "defendants"},
    "enjoined": {"enjoined", "defendants"}, "enjoined_names": {"enjoined", "defendants"},
}


def answers_read(library: Library, template: Template) -> set[str]:
    """The top-level answer names ``template``'s document reads (see the module's note)."""
    names = set(_FRAME)
    if template.signature == "counsel":
        names |= _COUNSEL
    if template.schedule_a:
        names.add("schedule_a")
    names |= names_in(template.document_title)
    for section in template.sections:
        for text, expression in _section_texts(section):
            names |= names_in(text, expression)
    for clause_id in _clause_ids(template) | _added_clauses(template):
        if clause_id in library.clauses:
            names |= set(library.clauses[clause_id].variables)
    for name in list(names):
        names |= _DERIVED.get(name, set())
    asked = {q.name: q for q in template.questions}
    pending = [asked[n] for n in names if n in asked]
    while pending:  # a question the document asks needs the answers its condition and choices come from
        question = pending.pop()
        needs = names_in(question.when, expression=True)
        if question.choices_from:
            needs.add(question.choices_from.partition(".")[0])
        for name in needs - names:
            names.add(name)
            if name in asked:
                pending.append(asked[name])
    return names & set(asked)


def questions_read(library: Library, template: Template) -> list[Question]:
    """``template``'s questions that its document reads, in the order the interview asks them."""
    try:
        read = answers_read(library, template)
    except AssemblerError:
        return list(template.questions)
    return [q for q in template.questions if q.name in read]


def questions_to_check(library: Library, template: Template) -> list[Question]:
    """All of ``template``'s questions, those its document does not read made optional: checked when the
    answers give them, never required (a proposed order needs no bar number)."""
    try:
        read = answers_read(library, template)
    except AssemblerError:
        return list(template.questions)
    return [q if q.name in read else replace(q, required=False) for q in template.questions]


def _section_texts(section: Section) -> Iterator[tuple[str | None, bool]]:
    yield section.heading, False
    yield section.when, True
    for slot in section.slots:
        yield slot.when, True
    for sub in section.sections:
        yield from _section_texts(sub)


def _clause_ids(template: Template) -> set[str]:
    return {ref.partition("@")[0] for section in template.sections for ref in _refs(section)}


def _added_clauses(template: Template) -> set[str]:
    """The clauses the assembly adds of its own accord (assemble.py)."""
    added = {"certificate-of-compliance"} if template.kind == "memorandum" else set()
    return added | ({"certificate-of-service"} if template.certificate_of_service else set())


def _refs(section: Section) -> Iterator[str]:
    for slot in section.slots:
        yield from slot.refs
    for sub in section.sections:
        yield from _refs(sub)
