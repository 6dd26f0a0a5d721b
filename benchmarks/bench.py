"""Benchmarks for the README's performance figures. Run: ``python benchmarks/bench.py`` (add ``--quick`` for
fewer repetitions). Nothing here is a test: timings depend on the machine, so they are measured and
reported, never asserted.

Measures:
* each template, answers to .docx bytes, against bare docxtpl rendering the same skeleton already holding the
  same finished body (what docxtpl alone costs for a document of that size) — target ≤ 1.5×;
* the proposed order with a Schedule A of 100, 1,000 and 10,000 sellers, each in a fresh process: time, time
  per seller, peak resident memory (which counts lxml's C allocations) and the Python heap peak (tracemalloc)
  — target 10,000 in ≤ 5 s, linear growth;
* ``assembler --help`` in a fresh interpreter — target ≤ 0.5 s;
* loading the built-in library (clauses, authorities, templates).
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from assembler.assembly.assemble import assemble  # noqa: E402
from assembler.library.loading import load_library  # noqa: E402
from assembler.word.writer import _skeleton_context, _skeleton_env, render_docx  # noqa: E402
from samples import motion_answers, order_answers  # noqa: E402

TEMPLATES = {
    "rule-12b2-motion": motion_answers,
    "rule-12b2-notice": motion_answers,
    "rule-12b2-proposed-order": motion_answers,
    "pi-order": order_answers,
}


def best_of(fn, repeat: int) -> float:
    """Fastest of ``repeat`` calls after a warm-up (as timeit advises: slower runs measure the machine's other
    work, not the code)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def baseline_template(library, template_id: str, answers: dict) -> tuple[bytes, dict]:
    """The same skeleton, with the finished body already in it and the caption tags still unrendered: what
    bare docxtpl renders when the document is written by hand instead of assembled."""
    from docx import Document

    from assembler.word.writer import default_skeleton

    draft = assemble(library, template_id, answers)
    finished = Document(io.BytesIO(render_docx(draft)))
    skeleton = Document(io.BytesIO(default_skeleton()))
    body = skeleton.element.body
    sect = body[-1]
    caption_and_title = len(Document(io.BytesIO(default_skeleton())).element.body) - 1
    for element in list(finished.element.body)[caption_and_title:-1]:
        sect.addprevious(element)
    out = io.BytesIO()
    skeleton.save(out)
    return out.getvalue(), _skeleton_context(draft)


def bare_docxtpl(source: bytes, context: dict) -> bytes:
    from docxtpl import DocxTemplate

    template = DocxTemplate(io.BytesIO(source))
    template.render(context, jinja_env=_skeleton_env(), autoescape=True)
    out = io.BytesIO()
    template.docx.save(out)
    return out.getvalue()


def sellers(count: int) -> list[dict]:
    return [{"name": f"Seller {n} Trading Co., Ltd.", "store": f"store{n}", "marketplace": "AliExpress",
             "url": f"https://www.aliexpress.com/store/{n}"} for n in range(1, count + 1)]


def schedule_a(count: int) -> None:
    """One Schedule A size, in this (fresh) process, so peak RSS belongs to it alone. Prints JSON."""
    library = load_library()
    answers = order_answers(schedule_a=sellers(count))
    render_docx(assemble(library, "pi-order", order_answers()))  # warm caches, as a second document would
    start = time.perf_counter()
    data = render_docx(assemble(library, "pi-order", answers))
    seconds = time.perf_counter() - start
    tracemalloc.start()
    render_docx(assemble(library, "pi-order", answers))
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    print(json.dumps({"seconds": seconds, "heap_peak": heap_peak, "max_rss": max_rss, "size": len(data)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--schedule-a", type=int, metavar="N", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.schedule_a:
        return schedule_a(args.schedule_a)
    repeat = 3 if args.quick else 10
    console = Console()

    start = time.perf_counter()
    library = load_library()
    load_time = time.perf_counter() - start

    table = Table(title="Rendering each template, answers to .docx bytes (best of %d)" % repeat)
    for column in ("template", "assembler", "bare docxtpl", "ratio"):
        table.add_column(column, justify="left" if column == "template" else "right")
    for template_id, make in TEMPLATES.items():
        answers = make()
        ours = best_of(lambda: render_docx(assemble(library, template_id, answers)), repeat)
        source, context = baseline_template(library, template_id, answers)
        bare = best_of(lambda: bare_docxtpl(source, context), repeat)
        table.add_row(template_id, f"{ours * 1000:.0f} ms", f"{bare * 1000:.0f} ms", f"{ours / bare:.2f}×")
    console.print(table)

    table = Table(title="Proposed order with a Schedule A (each size in a fresh process)")
    for column in ("sellers", "time", "per seller", "peak RSS", "Python heap peak", ".docx size"):
        table.add_column(column, justify="right")
    for count in (100, 1_000, 10_000):
        run = subprocess.run([sys.executable, __file__, "--schedule-a", str(count)], check=True,
                             capture_output=True, text=True)
        figures = json.loads(run.stdout)
        table.add_row(f"{count:,}", f"{figures['seconds']:.2f} s", f"{figures['seconds'] / count * 1e6:.0f} µs",
                      f"{figures['max_rss'] / 2**20:.0f} MiB", f"{figures['heap_peak'] / 2**20:.0f} MiB",
                      f"{figures['size'] / 1024:.0f} KiB")
    console.print(table)

    helps = []
    for _ in range(3 if args.quick else 7):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assembler", "--help"], check=True, capture_output=True)
        helps.append(time.perf_counter() - start)
    console.print(f"assembler --help: {statistics.median(helps) * 1000:.0f} ms (median of {len(helps)}, "
                  "fresh interpreter)")
    console.print(f"loading the built-in library: {load_time * 1000:.0f} ms")
    from assembler.word import layout
    from assembler.word.writer import render

    if layout.available():
        draft = assemble(library, "rule-12b2-motion", motion_answers())
        start = time.perf_counter()
        render(draft, layout=True)
        console.print(f"memorandum with its LibreOffice layout pass (tables' page numbers): "
                      f"{time.perf_counter() - start:.1f} s")
    console.print(f"Python {sys.version.split()[0]} on {sys.platform}")


if __name__ == "__main__":
    main()
