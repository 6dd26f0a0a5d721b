"""YAML reading, with libyaml's C parser when PyYAML was built with it (about ten times faster on the clause
library and templates, which are read on every run), and the one way a data file is read and its failure
reported: one line saying what is wrong with the file (missing, not UTF-8, not YAML and where)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from assembler.errors import AssemblerError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAMLError = yaml.YAMLError


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python


def read_yaml_file(path: Path, error: Callable[[str], AssemblerError]) -> Any:
    """The parsed contents of ``path``; any failure raises ``error(problem)``, where ``problem`` is one line
    ("not found", "not UTF-8 text (byte 0xe9 at position 51); save it as UTF-8", "not valid YAML at line 4:
    …") for the caller's error class to prefix with the file and what the file is."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error("not found") from None
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}); "
                    "save it as UTF-8") from None
    except OSError as exc:
        raise error(f"cannot be read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise error(f"not valid YAML{where}: {getattr(exc, 'problem', None) or ' '.join(str(exc).split())}") from None
