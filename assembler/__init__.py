"""assembler: litigation papers from a versioned clause library.

The public API::

    from assembler import load_library, assemble, load_answers
    library = load_library()                      # built-in clauses, or load_library("path/to/firm")
    result = assemble(library, "pi-order", load_answers("examples/alibabacoin-pi-order.yaml"))
    result.save("order.docx")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import AssemblerError
from .library import Library, load_library, verify_library

__all__ = ["AssemblerError", "Library", "load_library", "verify_library", "__version__"]
