"""Citing the forum state's long-arm statute from the long-arm table, for clauses that serve many states.

A clause such as ``two-step-coextensive`` argues the same point for every state whose statute reaches the
limits of due process; only the citation differs. It writes ``{{ cite_long_arm('statute') }}`` and
``{{ cite_long_arm('case') }}``, and this module looks the forum state up in ``templates/long-arm.yaml`` and
cites through the registry like any other citation (full, short or *Id.* form; Table of Authorities; manifest).
The table is checked against the registry when the library loads, so every reference it holds exists.

An entry nobody has checked is said so on every render (terminal and manifest) and refused under ``--strict``:
a filed paper must not rest on a state's law that no one has read.
"""

from __future__ import annotations

from typing import Any

from assembler.citing.citations import CitationFormatter
from assembler.errors import ClauseRenderError
from assembler.library.courts import Court
from assembler.library.longarm import LONG_ARM_FILE, LongArm

PARTS = ("statute", "case", "registration")


class LongArmCiter:
    def __init__(self, entry: LongArm | None, court: Court, formatter: CitationFormatter, strict: bool) -> None:
        self.entry, self.court, self.formatter, self.strict = entry, court, formatter, strict
        self.warnings: list[str] = []

    def context(self) -> dict[str, Any]:
        """What clause text sees: ``long_arm`` (state, reach, has_case, registration, verified) and the helper."""
        return {"long_arm": self.entry.as_context() if self.entry else None, "cite_long_arm": self.cite}

    def cite(self, part: str, signal: str | None = None, paren: str | None = None) -> str:
        where = self.formatter.where or "clause"
        if self.entry is None:
            raise ClauseRenderError(where, f"needs {self.court.state}'s long-arm statute, which {LONG_ARM_FILE} "
                                           "does not list; add it to your firm library (--library)")
        if part not in PARTS:
            raise ClauseRenderError(where, f"cite_long_arm('{part}'): expected one of {', '.join(PARTS)}")
        ref = {"statute": self.entry.statute, "case": self.entry.case,
               "registration": self.entry.registration_authority}[part]
        if not ref:
            raise ClauseRenderError(where, f"cite_long_arm('{part}'): {LONG_ARM_FILE} records no {part} authority "
                                           f"for {self.entry.state}")
        self._check_verified(where)
        return self.formatter.cite(ref, signal=signal, paren=paren)

    def registration_warnings(self, context: dict[str, Any]) -> list[str]:
        """A movant registered in a state that treats registration as consent (Pennsylvania by statute, Georgia by
        decision) faces general jurisdiction there after *Mallory*: the lawyer must know before filing."""
        theories = context.get("jurisdiction_theories") or []
        if (self.entry is None or self.entry.registration != "consent" or "consent_by_registration" not in theories
                or not context.get("registered_in_forum")):
            return []
        return [f"{self.entry.name} treats a foreign corporation's registration to do business as consent to general "
                f"jurisdiction ({LONG_ARM_FILE}); the consent-by-registration section must meet that rule directly"]

    def _check_verified(self, where: str) -> None:
        if self.entry is None or self.entry.verified:
            return
        if self.strict:
            raise ClauseRenderError(where, f"cites the long-arm entry for {self.entry.name}, which is unverified "
                                           f"in {LONG_ARM_FILE}; --strict refuses it")
        message = (f"the long-arm entry for {self.entry.name} in {LONG_ARM_FILE} is unverified: check the statute "
                   "and its construction before filing")
        if message not in self.warnings:
            self.warnings.append(message)
