"""A finding: one thing a check found wrong, named by what it is about.

``assembler check`` reports findings against a rule of court or citation ("S.D.N.Y. Local Civ. R. 7.1(c)",
"Bluebook R. 10.9"); ``authorities verify`` reports them against a registry key ("daimler"). One class serves
both, so a script reads every report the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    subject: str  # the rule it comes from, or the registry key it is about
    message: str
    level: str = "error"  # "error" fails the command; a "warning" is shown and does not

    def __post_init__(self) -> None:
        if self.level not in LEVELS:  # catches Finding(key, "error", message): subject and message come first
            raise ValueError(f"finding level must be one of {', '.join(LEVELS)}, not {self.level!r}")

    @property
    def rule(self) -> str:
        return self.subject

    @property
    def key(self) -> str:
        return self.subject

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"
