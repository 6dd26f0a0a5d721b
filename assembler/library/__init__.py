"""The library on disk: clause files and their versions and lifecycle, the authorities registry, the court
table and court rules, templates and their interview specs. Each file is read and validated here, once, so a
firm's typo is reported as one line naming the file, key and problem before any document is assembled.
"""

from assembler.library.loading import Library, load_library, verify_library

__all__ = ["Library", "load_library", "verify_library"]
