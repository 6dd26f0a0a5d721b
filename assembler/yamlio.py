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


def read_yaml_file(path: Path, error: Callable[[str], AssemblerError], *, typed_by_hand: bool = False) -> Any:
    """The parsed contents of ``path``; any failure raises ``error(problem)``, where ``problem`` is one line
    ("not found", "not UTF-8 text (byte 0xe9 at position 51); save it as UTF-8", "not valid YAML at line 4:
    …") for the caller's error class to prefix with the file and what the file is. ``typed_by_hand``: read
    it as answers are read (a key given twice refused, dates kept as text)."""
    try:
        text = path.read_text(encoding="utf-8")
        return load_answers_yaml(text) if typed_by_hand else load_yaml(text)
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


class _AnswersLoader(_Loader):  # type: ignore[misc, valid-type]
    """For answers a lawyer typed: a key given twice is an error (the second would silently win), and a date
    stays the text it was typed as (so "2026-02-30" is refused by the answer check, not by PyYAML)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _Loader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            places: dict[Any, tuple[int, int]] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                here = (key_node.start_mark.line + 1, key_node.start_mark.column)
                try:
                    first = places.setdefault(key, here)
                except TypeError:
                    continue  # an unhashable key; the safe constructor reports it
                if first != here:  # (two keys on one line, as in {a: 1, a: 2}, are two places too)
                    lines = f"line {here[0]}" if first[0] == here[0] else f"lines {first[0]} and {here[0]}"
                    raise yaml.constructor.ConstructorError(
                        None, None, f"'{key}' is given twice ({lines}); keep one", key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


def load_answers_yaml(text: str) -> Any:
    """Parse an answers file: duplicate keys refused, dates kept as text."""
    return yaml.load(text, Loader=_AnswersLoader)  # noqa: S506 - a safe loader, C or Python
