"""CLI commands that assemble documents: ``templates``, ``render`` and ``new``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assembler.cli.common import FIRST_TIME, add_pdf_option, assembling, load, report, warn, working
from assembler.errors import AssemblerError


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("templates", help="list the document templates")
    p.set_defaults(handler=templates_list)

    p = commands.add_parser("render", help="assemble a document from an answers file (never asks questions)")
    p.add_argument("template", metavar="TEMPLATE")
    p.add_argument("--answers", required=True, metavar="FILE", help="the case's answers (YAML)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    _sellers_option(p)
    _common(p)
    p.set_defaults(handler=render)

    p = commands.add_parser("new", help="interview: ask what this case needs, then write the document")
    p.add_argument("template", metavar="TEMPLATE")
    p.add_argument("--answers", metavar="FILE", help="pre-fill from these answers; only what is missing is asked")
    p.add_argument("--save-answers", metavar="FILE", help="write the answers (including new ones) to FILE")
    p.add_argument("-o", "--output", metavar="OUT.docx", help="default: TEMPLATE.docx")
    _sellers_option(p)
    _common(p)
    p.set_defaults(handler=new)
    _register_check(commands)

    p = commands.add_parser("pdf", help="the filing PDF (PDF/A-2b, bookmarks) of a draft, e.g. after editing in Word")
    p.add_argument("draft", metavar="DRAFT.docx")
    p.add_argument("-o", "--output", metavar="OUT.pdf", help="default: DRAFT.pdf beside the draft")
    p.add_argument("--force", action="store_true", help="overwrite an existing PDF")
    p.set_defaults(handler=pdf)


def _register_check(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("check", help="what a clerk would bounce: limits, placeholders, citations, Rule 65")
    p.add_argument("draft", metavar="DRAFT.docx", help="the Word draft, or the PDF to be filed (its page count)")
    p.add_argument("--template", metavar="ID", help="the template it was made from, when it has no manifest")
    p.add_argument("--page-limit", type=int, metavar="N", help="a page limit other than the court's (for a PDF)")
    p.add_argument("--word-limit", type=int, metavar="N", help="a word limit other than the court's (e.g. a "
                   "judge's individual practices)")
    p.add_argument("--no-layout", action="store_true", help="do not lay it out with LibreOffice (page limits)")
    p.set_defaults(handler=check)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--strict", action="store_true", help="refuse deprecated or draft clause versions")
    p.add_argument("--no-layout", action="store_true",
                   help="do not lay a memorandum out with LibreOffice for its tables' page numbers")
    add_pdf_option(p)


def _sellers_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sellers", metavar="FILE.csv|FILE.xlsx",
                   help="Schedule A from a spreadsheet of online sellers (columns found by their headers)")


def _with_sellers(answers: dict, args: argparse.Namespace) -> dict:
    """The answers with Schedule A taken from ``--sellers``, reporting skipped rows and ignored columns."""
    if not getattr(args, "sellers", None):
        return answers
    from assembler.assembly.sellers import read_sellers

    sheet = read_sellers(args.sellers)
    for note in sheet.notes:
        warn(note)
    if answers.get("schedule_a"):
        warn(f"{args.sellers}: replaces the {len(answers['schedule_a'])} Schedule A seller(s) in the answers")
    return {**answers, "schedule_a": sheet.sellers}


def templates_list(args: argparse.Namespace) -> int:
    from assembler.library.templates import all_templates

    library = load(args)
    for template in all_templates(library.template_dirs):
        print(f"{template.id:<26} {template.description}")
    return 0


def render(args: argparse.Namespace) -> int:
    from assembler.assembly.answers import load_answers
    from assembler.api import render_document

    library = load(args)
    answers = _with_sellers(load_answers(args.answers), args)
    with working(assembling(args.template, layout=not args.no_layout or args.pdf)):
        result = render_document(library, args.template, answers, args.output, force=args.force, strict=args.strict,
                                 source=args.answers, layout=not args.no_layout, pdf=args.pdf)
    report(result)
    return 0


def new(args: argparse.Namespace) -> int:
    from assembler.assembly import interview
    from assembler.assembly.answers import load_answers, save_answers
    from assembler.api import render_document
    from assembler.errors import InterviewAborted
    from assembler.assembly.manifest import manifest_path
    from assembler.files import check_writable
    from assembler.library.coverage import court_service
    from assembler.assembly.reading import questions_read
    from assembler.library.templates import find_template

    library = load(args)
    template = find_template(library.template_dirs, args.template)
    output = Path(args.output or f"{template.id}.docx")
    # before the first question: an output folder that cannot be written is found now, not after the last
    check_writable(output, manifest_path(output), force=args.force, probe=True)
    if args.pdf:
        from assembler.word.pdf import pdf_path_for, require_libreoffice

        require_libreoffice()
        check_writable(pdf_path_for(output), force=args.force)
    if args.save_answers:
        check_writable(Path(args.save_answers), force=args.force or args.save_answers == args.answers, probe=True)
    answers = _with_sellers(load_answers(args.answers) if args.answers else {}, args)
    asker = interview.terminal_asker()
    try:  # only what this document reads: a proposed order asks no bar number
        answers = interview.run_interview(questions_read(library, template), answers, asker,
                                          court_service(library, template))
    except InterviewAborted as aborted:
        if aborted.answers != answers:
            _offer_answers_so_far(aborted.answers, args, template.id, asker)
        raise
    if args.save_answers:
        save_answers(answers, args.save_answers, force=True)
        print(f"answers saved to {args.save_answers}")
    try:
        with working(assembling(template.id, layout=not args.no_layout or args.pdf)):
            result = render_document(library, template.id, answers, output, force=args.force, strict=args.strict,
                                     layout=not args.no_layout, pdf=args.pdf)
    except AssemblerError:
        if not args.save_answers:
            _offer_answers_so_far(answers, args, template.id, asker)
        raise
    report(result)
    return 0


def _offer_answers_so_far(answers: dict, args: argparse.Namespace, template_id: str, asker) -> None:
    """After Ctrl-C, or answers the document cannot use, nothing is rendered; the answers typed so far are
    kept if the user wants them, so a long interview is never typed twice."""
    from assembler.assembly.answers import save_answers

    target = args.save_answers
    if not target:
        target = _unused(Path(f"{template_id}-answers.yaml"))
        try:
            keep = asker.confirm(f"Save the answers so far to {target}?", default=True)
        except (KeyboardInterrupt, AssemblerError):
            keep = False
        if not keep:
            print("no document written; answers not saved", file=sys.stderr)
            return
    save_answers(answers, target, force=True)
    print(f"no document written; answers so far saved to {target} (resume with --answers {target})", file=sys.stderr)


def check(args: argparse.Namespace) -> int:
    from assembler.checks.check import check_draft

    library = load(args)
    laying_out = "" if args.no_layout else f"; LibreOffice lays it out to count its pages {FIRST_TIME}"
    with working(f"Checking {args.draft}{laying_out}"):
        report = check_draft(library, args.draft, template_id=args.template, word_limit=args.word_limit,
                             layout=not args.no_layout, page_limit=args.page_limit)
    for note in report.notes:
        warn(note)
    where = f" ({report.kind or 'document'}, {report.court or 'court unknown'}; rules: {report.applied})"
    if not report.findings:
        print(f"{args.draft}: no problems found{where}")
        return 0
    print(f"{args.draft}: {len(report.findings)} problem(s){where}")
    for finding in report.findings:
        print(f"  {finding}")
    return 1


def pdf(args: argparse.Namespace) -> int:
    from assembler.api import write_pdf

    with working(f"Making the PDF of {args.draft} with LibreOffice {FIRST_TIME}"):
        written = write_pdf(args.draft, args.output, force=args.force)
    print(f"wrote {written}")
    return 0


def _unused(path: Path) -> Path:
    """``path``, or ``NAME-2.yaml``, ``NAME-3.yaml`` … when it exists (the file being resumed is never
    overwritten, and answers are always offered a place)."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
