"""``assembler batch``: many matters into drafts, with a progress bar and a summary table (the work itself is
:func:`assembler.batch.run_batch`)."""

from __future__ import annotations

import argparse
import os

from assembler.cli.common import add_pdf_option


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("batch", help="render many matters: a folder of answers files, or a CSV/XLSX sheet")
    p.add_argument("template", metavar="TEMPLATE")
    p.add_argument("source", metavar="FOLDER|SHEET", help="a folder of answers files (*.yaml), or a .csv/.xlsx "
                   "sheet with a column per answer and a row per matter (a 'matter' column names the files)")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="where the drafts go (NAME.docx)")
    p.add_argument("--workers", type=int, metavar="N", help=f"processes (default: one a core, here {os.cpu_count()})")
    p.add_argument("--force", action="store_true", help="replace drafts that are out of date")
    p.add_argument("--strict", action="store_true", help="refuse deprecated or draft clause versions")
    p.add_argument("--no-layout", action="store_true", help="no LibreOffice layout for memoranda's page numbers")
    add_pdf_option(p)
    p.set_defaults(handler=batch)


def batch(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from assembler.batch import matters_from, run_batch

    matters = matters_from(args.source)
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task(f"{args.template}", total=len(matters))
        outcomes = run_batch(args.library, args.template, matters, args.output, layout=not args.no_layout,
                             pdf=args.pdf, force=args.force, strict=args.strict, workers=args.workers,
                             on_outcome=lambda outcome: progress.advance(task))
    table = Table(title=f"{args.template}: {len(outcomes)} matter(s) into {args.output}")
    for column in ("matter", "result", "seconds", "note"):
        table.add_column(column, justify="right" if column == "seconds" else "left", overflow="fold")
    for outcome in outcomes:
        style = {"failed": "red", "skipped": "dim"}.get(outcome.status, "")
        table.add_row(outcome.matter, outcome.status, f"{outcome.seconds:.2f}", outcome.message, style=style)
    Console(soft_wrap=False).print(table)
    counts = {status: sum(o.status == status for o in outcomes) for status in ("rendered", "skipped", "failed")}
    print(", ".join(f"{n} {status}" for status, n in counts.items()))
    return 1 if counts["failed"] else 0
