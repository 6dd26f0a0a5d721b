"""What a court's local rules say about a memorandum's length and form, read from ``court-rules.yaml``.

Kept as data beside the templates so a firm can add its courts (or a judge's individual practices) in its
own library without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assembler.errors import TemplateError
from assembler.yamlio import YAMLError, load_yaml

RULES_FILE = "court-rules.yaml"


@dataclass(frozen=True)
class CourtRules:
    court: str
    rule: str
    limit_words: int | None = None
    reply_words: int | None = None
    limit_pages: int | None = None
    type_size: int = 12
    footnote_size: int | None = None
    spacing: str = "double"
    certificate: bool = False
    counted: tuple[str, ...] = ("footnotes",)
    excluded: tuple[str, ...] = field(default=("caption", "tables", "signature block", "certificates"))
    note: str = ""

    @property
    def is_default(self) -> bool:
        return self.court == "default"


def rules_for(template_dirs: list[Path], court_id: str) -> CourtRules:
    """The rules for ``court_id``: the last library layer that lists the court wins; else the default."""
    table: dict[str, dict] = {}
    for directory in template_dirs:
        path = directory / RULES_FILE
        if not path.is_file():
            continue
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, YAMLError) as exc:
            raise TemplateError(f"{path}: cannot be read: {' '.join(str(exc).split())}") from exc
        if not isinstance(data, dict):
            raise TemplateError(f"{path}: expected a mapping of court ids to rules")
        table.update(data)
    chosen = court_id if court_id in table else "default"
    raw = dict(table.get(chosen) or {"rule": "no court rules recorded"})
    try:
        for name in ("counted", "excluded"):
            if name in raw:
                raw[name] = tuple(raw[name])
        return CourtRules(court=chosen, **raw)
    except TypeError as exc:
        raise TemplateError(f"{RULES_FILE}: rules for '{chosen}': {exc}") from None
