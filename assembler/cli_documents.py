"""CLI commands that assemble documents: ``templates``, ``render`` and ``new``."""

from __future__ import annotations

import argparse
import sys

from .cli import load, warn


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("templates", help="list the document templates")
    p.set_defaults(handler=templates_list)

    p = commands.add_parser("render", help="assemble a document from an answers file (never asks questions)")
    p.add_argument("template", metavar="TEMPLATE")
    p.add_argument("--answers", required=True, metavar="FILE", help="the case's answers (YAML)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx")
    _common(p)
    p.set_defaults(handler=render)

    p = commands.add_parser("new", help="interview: ask what this case needs, then write the document")
    p.add_argument("template", metavar="TEMPLATE")
    p.add_argument("--answers", metavar="FILE", help="pre-fill from these answers; only what is missing is asked")
    p.add_argument("--save-answers", metavar="FILE", help="write the answers (including new ones) to FILE")
    p.add_argument("-o", "--output", metavar="OUT.docx", help="default: TEMPLATE.docx")
    _common(p)
    p.set_defaults(handler=new)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.add_argument("--strict", action="store_true", help="refuse deprecated or draft clause versions")


def templates_list(args: argparse.Namespace) -> int:
    from .templates import all_templates

    library = load(args)
    for template in all_templates(library.template_dirs):
        print(f"{template.id:<26} {template.description}")
    return 0


def render(args: argparse.Namespace) -> int:
    from .answers import load_answers
    from .documents import render_document

    library = load(args)
    answers = load_answers(args.answers)
    result = render_document(library, args.template, answers, args.output, force=args.force, strict=args.strict,
                             source=args.answers)
    _report(result)
    return 0


def new(args: argparse.Namespace) -> int:
    from .answers import load_answers, save_answers
    from .documents import render_document
    from .errors import InterviewAborted
    from .interview import QuestionaryAsker, run_interview
    from .output import check_writable
    from .templates import find_template
    from pathlib import Path

    library = load(args)
    template = find_template(library.template_dirs, args.template)
    output = Path(args.output or f"{template.id}.docx")
    from .manifest import manifest_path

    check_writable(output, manifest_path(output), force=args.force)
    if args.save_answers:
        check_writable(Path(args.save_answers), force=args.force or args.save_answers == args.answers)
    answers = load_answers(args.answers) if args.answers else {}
    try:
        answers = run_interview(template.questions, answers, QuestionaryAsker())
    except InterviewAborted as aborted:
        if aborted.answers and args.save_answers:
            save_answers(aborted.answers, args.save_answers, force=True)
            print(f"interview stopped; answers so far saved to {args.save_answers}", file=sys.stderr)
        elif aborted.answers:
            print("interview stopped; nothing written (use --save-answers FILE to keep answers)", file=sys.stderr)
        raise
    if args.save_answers:
        save_answers(answers, args.save_answers, force=True)
        print(f"answers saved to {args.save_answers}")
    result = render_document(library, template.id, answers, output, force=args.force, strict=args.strict)
    _report(result)
    return 0


def _report(result) -> None:
    for message in result.warnings:
        warn(message)
    unverified = [a["citation"] for a in result.manifest["authorities"] if not a["verified"]]
    if unverified:
        warn(f"{len(unverified)} cited authorit{'y is' if len(unverified) == 1 else 'ies are'} unverified: "
             + "; ".join(unverified))
    pins = result.manifest["unconfirmed_pinpoints"]
    if pins:
        warn(f"{len(pins)} pinpoint cite(s) not yet confirmed; listed in {result.manifest_path.name}")
    print(f"wrote {result.docx_path} and {result.manifest_path.name}")
