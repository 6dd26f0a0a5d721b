"""Assembling a document: template + clause versions + answers -> a :class:`Draft` (plain data, no Word).

The draft records exactly which clause versions it used (with their hashes) and every citation it made, so
the manifest can say what went into the paper and the Word writer only has to lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assembler import __version__
from assembler.assembly.answer_facts import check_answer_facts
from assembler.assembly.order_answers import order_problems, unused_answer_warnings
from assembler.assembly.closing import (Caption, SignatureBlock, caption, counsel_signature, judge_signature,
                                       service_signature)
from assembler.assembly.answers import build_context, condition_holds, digest, represents_warnings, validate
from assembler.assembly.reading import questions_to_check
from assembler.assembly.paperform import check_paper_form, paper_warnings
from assembler.assembly.statelaw import LongArmCiter, registration_refusal
from assembler.assembly.schedule import schedule_rows
from assembler.citing.citations import CitationFormatter, CitationUse
from assembler.library.clauses import Clause, ClauseVersion
from assembler.text.clausetext import UndefinedError, join_or, compiled, finish, missing_name, render_text
from assembler.library.authorities import Registry
from assembler.library.courtrules import CourtRules, rules_for
from assembler.library.courts import Court, court as find_court
from assembler.library.coverage import missing_clause_problem
from assembler.library.judgepractices import apply_practice
from assembler.errors import AnswersError, AssemblerError, ClauseRenderError, FrozenVersionError, TemplateError
from assembler.library.loading import Library
from assembler.text.markup import WORD_COUNT, Paragraph, Run, parse_blocks
from assembler.library.templates import Section, Slot, Template, all_templates, find_template

_NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """An argument heading's numeral: 1 -> I, 14 -> XIV (a firm template may have any number of sections)."""
    out = ""
    for value, numeral in _NUMERALS:
        count, number = divmod(number, value)
        out += numeral * count
    return out


@dataclass
class Table:
    """A Word table (Schedule A). ``rows`` are plain strings, exactly as answered."""

    title: str
    columns: list[str]
    rows: list[list[str]]


Block = Paragraph | Table


@dataclass(frozen=True)
class ClauseUse:
    id: str
    version: str
    status: str
    hash: str | None
    layer: str
    pinned: str | None


@dataclass
class Draft:
    template: Template
    court: Court
    title: str
    caption: Caption
    blocks: list[Block]
    clause_uses: list[ClauseUse]
    citations: list[CitationUse]
    answers: dict[str, Any]
    signature: SignatureBlock  # counsel's block or the judge's line, decided here; the writer lays it out
    service_signature: tuple[str, ...] = ()  # under the certificate of service
    firm: str = ""  # for the document's properties
    filing_date: str | None = None
    after_signature: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pins: dict[str, str] = field(default_factory=dict)
    registry: Registry = field(default_factory=Registry)
    rules: CourtRules | None = None

    @property
    def answers_digest(self) -> str:
        return digest(self.answers)

    @property
    def identity(self) -> str:
        """What ties the Word file to its manifest: a digest of the template, court, answers and clause
        versions. The same inputs give the same identity (re-rendering is byte-identical)."""
        import hashlib
        import json

        parts = [self.template.id, str(self.template.version), self.court.id, self.answers_digest,
                 [[u.id, u.version, u.hash] for u in self.clause_uses]]
        return "assembler:" + hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest()[:32]

    @property
    def tool_version(self) -> str:
        return __version__

    def plain_text(self) -> str:
        """Every paragraph's text (footnotes after their paragraph), for checks and comparisons."""
        lines: list[str] = []
        for block in self.blocks + self.after_signature:
            if isinstance(block, Paragraph):
                lines.append(block.text)
                lines.extend(f"[fn] {note.text}" for note in block.footnotes)
            else:
                lines.extend(" | ".join(row) for row in block.rows)
        return "\n".join(lines)


def assemble(
    library: Library,
    template_id: str,
    answers: dict[str, Any],
    *,
    pins: dict[str, str] | None = None,
    strict: bool = False,
    source: object = None,
) -> Draft:
    """Validate the answers, choose and render every clause, and return the draft.

    ``pins`` maps clause ids to versions to use instead of the template's choice (reassembling an old
    draft exactly). ``strict`` turns a deprecated or draft clause version into an error.
    """
    library.require_clean()
    template = find_template(library.template_dirs, template_id)
    answers, practice = apply_practice(library.judge_practices, answers, {q.name for q in template.questions})
    answers = validate(questions_to_check(library, template), answers, source, known=known_answer_names(library))
    court = find_court(answers["court"])
    rules = rules_for(library.template_dirs, court.id)
    if template.kind == "notice" and rules.return_date_required and not answers.get("return_date"):
        raise AnswersError([f"'return_date' is missing: in the {court.district} the notice names the hearing or motion "
                            f"day the motion is noticed for ({rules.motion_rule or rules.rule})"], source)
    context = build_context(answers, template.questions, court)
    refusal = registration_refusal(library.long_arm.get(court.state_code), library.registry, context)
    if refusal:
        raise AnswersError([refusal], source)
    facts = check_answer_facts(answers, court, schedule_a=template.schedule_a, source=source,
                               forum_findings=any(q.name == "forum_contacts" for q in template.questions))
    problems = order_problems(template, answers, court)
    if problems:
        raise AnswersError(problems, source)
    facts += unused_answer_warnings(template, answers, court)
    builder = _Builder(library, template, context, court, pins or {}, strict)
    builder.warnings.extend(practice + facts)
    builder.warnings.extend(represents_warnings(answers))
    builder.warnings.extend(f"{problem} (a draft version, left out until it is fixed; this document does not use it)"
                            for problem in library.broken_drafts)
    if court.divisions and not context.get("division"):
        builder.warnings.append(f"the {court.district}'s captions name the division ({join_or(court.divisions)}); "
                                "answer 'division'")
    builder.build()
    judge = template.signature == "judge"
    return Draft(
        template=template, court=court, title=builder.expand(template.document_title), caption=caption(context, court),
        blocks=builder.blocks, clause_uses=builder.uses, citations=builder.formatter.uses, answers=answers,
        signature=judge_signature(context) if judge else counsel_signature(context, court, builder.rules),
        service_signature=service_signature(context) if template.certificate_of_service and not judge else (),
        firm=str((context.get("filer") or {}).get("firm") or ""), filing_date=context.get("filing_date"),
        after_signature=builder.after_signature, warnings=builder.warnings, pins=dict(pins or {}),
        registry=library.registry, rules=builder.rules,
    )


def known_answer_names(library: Library) -> set[str]:
    """Every top-level answer some template of the library asks for: one answers file serves a matter's
    memorandum, notice and order, so a name is a typo only if no document asks for it."""
    key = tuple(library.template_dirs)
    if key not in _KNOWN:
        _KNOWN[key] = {q.name for t in all_templates(library.template_dirs) for q in t.questions}
    return _KNOWN[key]


_KNOWN: dict[tuple[Any, ...], set[str]] = {}


class _Builder:
    def __init__(self, library: Library, template: Template, context: dict[str, Any], court: Court,
                 pins: dict[str, str], strict: bool) -> None:
        self.library, self.template, self.context, self.court = library, template, context, court
        self.pins, self.strict = pins, strict
        self.rules = rules_for(library.template_dirs, court.id)
        check_paper_form(template, self.rules, court)
        self.formatter = CitationFormatter(library.registry)
        self.long_arm = LongArmCiter(library.long_arm.get(court.state_code), court, self.formatter, strict)
        self.context = {**context, **self.long_arm.context()}
        self.blocks: list[Block] = []
        self.after_signature: list[Block] = []
        self.uses: list[ClauseUse] = []
        self.warnings: list[str] = []

    def expand(self, text: str) -> str:
        try:
            return finish(compiled(text).render(self.context))
        except UndefinedError as exc:
            raise TemplateError(f"template {self.template.id}: heading needs answer '{missing_name(exc)}'") from exc

    def build(self) -> None:
        for section in self.template.sections:
            self._section(section, depth=1, number=None)
        self.warnings.extend(self.long_arm.warnings + self.long_arm.registration_warnings(self.context)
                             + paper_warnings(self.template, self.rules, self.court))
        body, self.blocks = self.blocks, self.after_signature
        if self.template.kind == "memorandum" and self.rules.certificate:
            # after the signature block, signed and dated on its own; the count is filled in when the Word file
            # is laid out (see word/writer.py), and the certificate itself is not counted
            judge_limit = self.context.get("judge_word_limit")
            limit = judge_limit or self.rules.limit_words
            self.context = {**self.context, "word_count": WORD_COUNT, "court_rule": self.rules.rule,
                            "word_limit": f"{int(limit):,}" if limit else "", "judge_limit": bool(judge_limit)}
            self.blocks.append(Paragraph([], "pagebreak"))
            self.blocks.append(Paragraph([Run("CERTIFICATE OF COMPLIANCE", bold=True)], "center"))
            self._slot(Slot(["certificate-of-compliance"]))
            signed = counsel_signature(self.context, self.court, self.rules)
            self.blocks.append(Paragraph([Run(signed.dated)], "signature"))
            self.blocks.extend(Paragraph([Run(line)], "signature") for line in service_signature(self.context)[1:])
        if self.template.certificate_of_service:
            self.blocks.append(Paragraph([], "pagebreak"))
            self.blocks.append(Paragraph([Run("CERTIFICATE OF SERVICE", bold=True)], "center"))
            self._slot(Slot(["certificate-of-service"]))
        if self.template.schedule_a and self.context.get("schedule_a"):
            self.blocks.append(Paragraph([], "pagebreak"))
            self.blocks.append(Table("SCHEDULE A", *schedule_rows(self.context["schedule_a"])))
        self.blocks = body

    def _section(self, section: Section, depth: int, number: str | None) -> None:
        if not condition_holds(section.when, self.context):
            return
        if section.heading:
            text = self.expand(section.heading)
            if number:
                text = f"{number}.\t{text}"
            self.blocks.append(Paragraph([Run(text, bold=True)], f"heading{min(depth, 3)}"))
            self.formatter.break_chain()
        for slot in section.slots:
            self._slot(slot)
        visible = [s for s in section.sections if condition_holds(s.when, self.context)]
        for index, sub in enumerate(visible):
            label = roman(index + 1) if depth == 1 else chr(ord("A") + index)
            self._section(sub, depth + 1, label)

    def _slot(self, slot: Slot) -> None:
        if not condition_holds(slot.when, self.context):
            return
        chosen = self._choose(slot)
        if chosen is None:
            return
        clause, version, pinned = chosen
        ref = f"{clause.id}@{version.version}"
        if not version.is_intact:
            raise FrozenVersionError(f"clause {ref} was edited after approval (hash mismatch); run 'assembler clauses verify'")
        if version.status != "approved":
            message = f"clause {ref} is {version.status}" + (
                f" (superseded by {version.superseded_by})" if version.superseded_by else "")
            if self.strict:
                raise ClauseRenderError(ref, f"is {version.status}; --strict refuses it")
            self.warnings.append(message)
        if self.strict:
            from assembler.library.citerules import citation_problems

            problems = citation_problems(self.library.registry, clause, version)
            if problems:
                raise ClauseRenderError(ref, f"--strict refuses it: {problems[0]}")
        self.formatter.where = ref
        try:
            text = self.formatter.settle(render_text(version.text, self.context, self.formatter.cite))
        except UndefinedError as exc:
            raise ClauseRenderError(ref, f"needs answer '{missing_name(exc)}', which is missing") from exc
        except AssemblerError:
            raise
        except Exception as exc:  # a sandbox violation or a bad filter argument in clause text
            raise ClauseRenderError(ref, f"could not be rendered: {exc}") from exc
        self.blocks.extend(parse_blocks(text))
        self.uses.append(ClauseUse(clause.id, str(version.version), version.status, version.hash, clause.layer, pinned))

    def _choose(self, slot: Slot) -> tuple[Clause, ClauseVersion, str | None] | None:
        court_ids = self.library.coverage_ids(self.court)
        for ref in slot.refs:
            clause_id = ref.partition("@")[0]
            pinned = self.pins.get(clause_id)
            clause, version = self.library.resolve(f"{clause_id}@{pinned}" if pinned else ref)
            if clause.applies_in(court_ids):
                return clause, version, pinned or (ref.partition("@")[2] or None)
        if slot.optional:
            return None
        raise TemplateError(missing_clause_problem(self.template, slot, self.court))
