"""Where a user's time goes, each figure as a ratio against its baseline measured in the same run.

Run: ``python benchmarks/bench.py`` (``--quick`` for fewer repetitions; ``--matters N`` for the batch size;
``--sellers 1000,10000,50000`` for the Schedule A sizes). Nothing here is a test: timings depend on the
machine (and on what else runs on it), so they are measured and reported, never asserted.

Every figure is a whole fresh process, as a user runs it, paired with its baseline over alternating runs,
medians reported, so drift in the machine's speed hits both sides alike:

* memorandum render without layout, against bare docxtpl rendering the same finished page (target ≤ 1.5×);
* memorandum render with its tables' page numbers, LibreOffice warm, against the same without layout
  (targets ≤ 4× and ≤ 1.5 s);
* ``check --no-layout`` against python-docx reading the draft (target ≤ 2×);
* a Schedule A of each size against bare docxtpl looping a table row over the same sellers, and against the
  floor (the same table's XML written with lxml alone): time and peak memory (targets: 10,000 ≤ 1.0×
  docxtpl; 50,000 ≤ 0.5× docxtpl's time and ≤ 500 MiB);
* LibreOffice converting a draft warm against starting it per file;
* ``assembler batch`` per matter, with page numbers, against one ``assembler render`` process per matter
  (target ≤ 1 s a matter on 2 cores);
* ``assembler --help`` against ``python -c pass``.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


# ---- children: each runs in a fresh process -------------------------------------------------------------

def sellers(count: int) -> list[dict]:
    return [{"name": f"Seller {n} Trading Co., Ltd.", "store": f"store{n}", "marketplace": "AliExpress",
             "url": f"https://www.aliexpress.com/store/{n}"} for n in range(1, count + 1)]


def child_ours(count: int, out: str) -> None:
    """`assembler` rendering the proposed order with ``count`` sellers, from the library API."""
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from assembler.api import render_document
    from assembler.library.loading import load_library
    from samples import order_answers

    render_document(load_library(), "pi-order", order_answers(schedule_a=sellers(count)), out, force=True)


def child_docxtpl(template: str, count: int, out: str) -> None:
    """Bare docxtpl: the same order, its Schedule A a ``{%tr for %}`` row looped over the sellers."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(template)
    rows = [{"n": n, **s} for n, s in enumerate(sellers(count), start=1)]
    document.render({"sellers": rows}, autoescape=True)
    document.save(out)


def child_lxml(template: str, count: int, out: str) -> None:
    """The floor: the same table written with lxml alone, each row a copy of one prototype row."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(template) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    table = root.findall(f".//{w}tbl")[-1]
    rows = table.findall(f"{w}tr")
    prototype = rows[2]  # header, {%tr for %}, the row, {%tr endfor %}
    for row in rows[1:]:
        table.remove(row)
    for n, seller in enumerate(sellers(count), start=1):
        row = copy.deepcopy(prototype)
        for text, value in zip(row.iter(f"{w}t"), (n, seller["name"], seller["store"], seller["marketplace"],
                                                    seller["url"])):
            text.text = str(value)
        table.append(row)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def child_docx_read(path: str) -> None:
    from docx import Document

    Document(path)


def child_bare_page(template: str, context: str, out: str) -> None:
    from docxtpl import DocxTemplate

    document = DocxTemplate(template)
    document.render(json.loads(Path(context).read_text()), autoescape=True)
    document.save(out)


def child_warm(paths: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from assembler.word import layout

    for path in paths:
        layout.to_pdf(Path(path).parent, None, Path(path))


# ---- the parent: pairs, medians, ratios --------------------------------------------------------------------

def timed(argv: list[str], env: dict | None = None) -> tuple[float, float]:
    """(seconds, peak resident MiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status:
        raise SystemExit(f"benchmark step failed: {' '.join(argv)}\n{process.stderr.read().decode()[-2000:]}")
    process.stderr.close()
    return seconds, usage.ru_maxrss / 1024


def paired(ours: list[str], base: list[str], runs: int) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Alternate the two processes ``runs`` times each, so the machine's drift falls on both."""
    a, b = [], []
    for _ in range(runs):
        a.append(timed(ours))
        b.append(timed(base))
    return a, b


def median(samples: list[tuple[float, float]], index: int = 0) -> float:
    return statistics.median(s[index] for s in samples)


def me(*args: object) -> list[str]:
    return [PY, str(Path(__file__).resolve()), *map(str, args)]


def cli(*args: object) -> list[str]:
    return [PY, "-m", "assembler", *map(str, args)]


def schedule_template(folder: Path) -> Path:
    """The order with a one-seller Schedule A, its data row turned into docxtpl's ``{%tr for %}`` loop."""
    from docx import Document

    out = folder / "one-seller.docx"
    subprocess.run(me("--child", "ours", 1, out), check=True, cwd=ROOT)
    document = Document(str(out))
    table = document.tables[-1]
    row = table.rows[1]._tr
    for cell, field in zip(table.rows[1].cells, ("n", "name", "store", "marketplace", "url")):
        cell.paragraphs[0].runs[0].text = "{{ s.%s }}" % field
    for text, where in (("{%tr for s in sellers %}", "before"), ("{%tr endfor %}", "after")):
        marker = copy.deepcopy(row)
        for cell_text in marker.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
            cell_text.text = ""
        next(marker.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")).text = text
        row.addprevious(marker) if where == "before" else row.addnext(marker)
    template = folder / "schedule-template.docx"
    document.save(str(template))
    return template


def bare_page(folder: Path) -> tuple[Path, Path]:
    """The memorandum as a finished page whose caption is still docxtpl's tags: what docxtpl alone renders."""
    sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
    from docx import Document

    from assembler.assembly.assemble import assemble
    from assembler.library.loading import load_library
    from assembler.word.writer import _skeleton_context, default_skeleton, render_docx
    from samples import motion_answers

    draft = assemble(load_library(), "rule-12b2-motion", motion_answers())
    finished = Document(io.BytesIO(render_docx(draft)))
    skeleton = Document(io.BytesIO(default_skeleton()))
    caption_and_title = len(skeleton.element.body) - 1
    sect = skeleton.element.body[-1]
    for element in list(finished.element.body)[caption_and_title:-1]:
        sect.addprevious(element)
    template, context = folder / "bare-memorandum.docx", folder / "context.json"
    skeleton.save(str(template))
    context.write_text(json.dumps(_skeleton_context(draft)))
    return template, context


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--matters", type=int, default=20, help="matters in the batch figure (default 20)")
    parser.add_argument("--sellers", default="1000,10000,50000", help="Schedule A sizes")
    parser.add_argument("--only", default="", help="comma-separated: render,layout,check,schedule,libreoffice,"
                                                   "batch,help")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        return {"ours": lambda: child_ours(int(rest[0]), rest[1]),
                "docxtpl": lambda: child_docxtpl(rest[0], int(rest[1]), rest[2]),
                "lxml": lambda: child_lxml(rest[0], int(rest[1]), rest[2]),
                "read": lambda: child_docx_read(rest[0]),
                "page": lambda: child_bare_page(*rest),
                "warm": lambda: child_warm(rest)}[kind]()

    from rich.console import Console
    from rich.table import Table

    runs = 3 if args.quick else 5
    only = set(filter(None, args.only.split(","))) or {"render", "layout", "check", "schedule", "libreoffice",
                                                         "batch", "help"}
    console = Console()
    results = Table(title=f"assembler against its baselines (whole processes, median of {runs} alternating runs)")
    for column in ("figure", "assembler", "baseline", "ratio", "target"):
        results.add_column(column, justify="left" if column in ("figure", "baseline", "target") else "right")

    def row(figure: str, ours: float, base: float, base_name: str, target: str, unit: str = "s") -> None:
        results.add_row(figure, f"{ours:.2f} {unit}", f"{base_name} {base:.2f} {unit}", f"{ours / base:.2f}×", target)

    folder = Path(tempfile.mkdtemp(prefix="assembler-bench-"))
    memo = folder / "memorandum.docx"
    answers = ROOT / "examples" / "cepia-motion.yaml"
    layout_ok = bool(shutil.which("soffice") and shutil.which("pdftotext"))
    env = os.environ
    env.setdefault("ASSEMBLER_LAYOUT_SLOT", "bench")
    try:
        if "render" in only:
            template, context = bare_page(folder)
            a, b = paired(cli("render", "rule-12b2-motion", "--answers", answers, "-o", memo, "--force",
                              "--no-layout"), me("--child", "page", template, context, folder / "bare.docx"), runs)
            row("memorandum render, no layout", median(a), median(b), "bare docxtpl", "≤ 1.5×")
        if "layout" in only and layout_ok:
            timed(cli("render", "rule-12b2-motion", "--answers", answers, "-o", memo, "--force"))  # warm it
            a, b = paired(cli("render", "rule-12b2-motion", "--answers", answers, "-o", memo, "--force"),
                          cli("render", "rule-12b2-motion", "--answers", answers, "-o", memo, "--force",
                              "--no-layout"), runs)
            row("memorandum with page numbers, LibreOffice warm", median(a), median(b), "same, no layout",
                "≤ 4× and ≤ 1.5 s")
        if "check" in only:
            timed(cli("render", "rule-12b2-motion", "--answers", answers, "-o", memo, "--force", "--no-layout"))
            a, b = paired(cli("check", memo, "--no-layout"), me("--child", "read", memo), runs)
            row("check --no-layout", median(a), median(b), "python-docx read", "≤ 2×")
        if "help" in only:
            a, b = paired(cli("--help"), [PY, "-c", "pass"], runs)
            row("assembler --help", median(a), median(b), "python -c pass", "")
        if "libreoffice" in only and layout_ok:
            drafts = []
            for n in range(5):
                drafts.append(folder / f"lo{n}.docx")
                shutil.copy(memo, drafts[-1])
            timed(me("--child", "warm", drafts[0]))
            warm = statistics.median(timed(me("--child", "warm", *drafts))[0] / len(drafts) for _ in range(max(1, runs // 2)))
            cold = statistics.median(timed(["soffice", f"-env:UserInstallation=file://{folder}/p{n}", "--headless",
                                            "--convert-to", "pdf", "--outdir", str(folder), str(drafts[0])])[0]
                                     for n in range(max(1, runs // 2)))
            row("LibreOffice, a draft converted warm", warm, cold, "started per file", "")
        if "schedule" in only:
            template = schedule_template(folder)
            for count in (int(c) for c in args.sellers.split(",")):
                reps = max(1, runs // 2) if count >= 50_000 else runs
                a, b, c = [], [], []
                for _ in range(reps):
                    a.append(timed(me("--child", "ours", count, folder / "ours.docx")))
                    b.append(timed(me("--child", "docxtpl", template, count, folder / "docxtpl.docx")))
                    c.append(timed(me("--child", "lxml", template, count, folder / "lxml.docx")))
                row(f"Schedule A {count:,} sellers", median(a), median(b), "bare docxtpl",
                    {10_000: "≤ 1.0×", 50_000: "≤ 0.5×"}.get(count, ""))
                row(f"Schedule A {count:,} sellers", median(a), median(c), "lxml floor", "")
                row(f"Schedule A {count:,} sellers, peak memory", median(a, 1), median(b, 1), "bare docxtpl",
                    "≤ 500 MiB" if count == 50_000 else "", unit="MiB")
        if "batch" in only:
            batch_figure(folder, args.matters, runs, layout_ok, row)
    finally:
        if layout_ok:
            sys.path.insert(0, str(ROOT))
            from assembler.word.layout import default_engine

            default_engine().stop()
        shutil.rmtree(folder, ignore_errors=True)
    console.print(results)
    console.print(f"{os.cpu_count()} cores; Python {sys.version.split()[0]} on {sys.platform}; load average "
                  f"{os.getloadavg()[0]:.1f} at the end")


def batch_figure(folder: Path, matters: int, runs: int, layout_ok: bool, row) -> None:
    """``assembler batch`` over ``matters`` memoranda (page numbers when LibreOffice is here), per matter,
    against one ``assembler render`` process per matter (timed over a few matters)."""
    import yaml

    source = folder / "matters"
    source.mkdir()
    base = yaml.safe_load((ROOT / "examples" / "cepia-motion.yaml").read_text())
    for n in range(matters):
        answers = copy.deepcopy(base)
        answers["case_number"] = f"4:26-cv-{n:05d}"
        (source / f"matter-{n:03d}.yaml").write_text(yaml.safe_dump(answers))
    layout = [] if layout_ok else ["--no-layout"]
    out = folder / "drafts"
    seconds, _ = timed(cli("batch", "rule-12b2-motion", source, "-o", out, *layout))
    singles = [timed(cli("render", "rule-12b2-motion", "--answers", source / f"matter-{n:03d}.yaml", "-o",
                         folder / f"single{n}.docx", "--force", *layout))[0] for n in range(min(3, matters))]
    row(f"batch, {matters} memoranda{' with page numbers' if layout_ok else ''}, per matter", seconds / matters,
        statistics.median(singles), "a render process each", "≤ 1 s a matter")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
