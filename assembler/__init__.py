"""assembler: litigation papers from a versioned clause library.

The public API, which the ``assembler`` command itself uses::

    import assembler

    library = assembler.load_library()                 # built-in clauses, or load_library("path/to/firm")
    answers = assembler.load_answers("examples/cepia-motion.yaml")
    draft = assembler.assemble(library, "rule-12b2-motion", answers)   # plain data: blocks, citations, clauses
    result = assembler.render(library, "rule-12b2-motion", answers, "memorandum.docx")
    print(result.docx_path, result.warnings)
    report = assembler.check(library, "memorandum.docx")       # also after the draft was edited in Word
    for finding in report.findings:
        print(finding)

Every foreseen problem is an :class:`AssemblerError` whose message names the file, answer or clause at fault.
Names are loaded on first use, so ``import assembler`` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from assembler.errors import AssemblerError

_API = {
    "load_library": ("assembler.library.loading", "load_library"),
    "verify_library": ("assembler.library.loading", "verify_library"),
    "Library": ("assembler.library.loading", "Library"),
    "load_answers": ("assembler.assembly.answers", "load_answers"),
    "save_answers": ("assembler.assembly.answers", "save_answers"),
    "assemble": ("assembler.assembly.assemble", "assemble"),
    "Draft": ("assembler.assembly.assemble", "Draft"),
    "render": ("assembler.api", "render_document"),
    "reassemble": ("assembler.api", "reassemble_document"),
    "RenderResult": ("assembler.api", "RenderResult"),
    "write_pdf": ("assembler.api", "write_pdf"),
    "check": ("assembler.checks.check", "check_draft"),
}

__all__ = ["AssemblerError", "__version__", *_API]

if TYPE_CHECKING:  # pragma: no cover
    from assembler.api import RenderResult, reassemble_document as reassemble, render_document as render, write_pdf
    from assembler.assembly.answers import load_answers, save_answers
    from assembler.assembly.assemble import Draft, assemble
    from assembler.checks.check import check_draft as check
    from assembler.library.loading import Library, load_library, verify_library


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'assembler' has no attribute {name!r}")
    import importlib

    module, attribute = _API[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value
