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
from assembler.library.authorities import Registry
from assembler.library.courts import Court
from assembler.library.longarm import LONG_ARM_FILE, LongArm

PARTS = ("statute", "case", "registration")


class LongArmCiter:
    def __init__(self, entry: LongArm | None, court: Court, formatter: CitationFormatter, strict: bool) -> None:
        self.entry, self.court, self.formatter, self.strict = entry, court, formatter, strict
        self.warnings: list[str] = []

    def context(self) -> dict[str, Any]:
        """What clause text sees: ``long_arm`` (state, reach, has_case, registration, has_registration_authority,
        verified) and the helper."""
        return {"long_arm": self.entry.as_context() if self.entry else None, "cite_long_arm": self.cite}

    def cite(self, part: str, signal: str | None = None, paren: str | None = None, holding: bool = False) -> str:
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
        return self.formatter.cite(ref, signal=signal, paren=paren, holding=holding)

    def registration_warnings(self, context: dict[str, Any]) -> list[str]:
        """A state whose rule on consent by registration is unsettled, with a movant registered there: the
        memorandum argues the point as an open one, and the lawyer checks current law before filing."""
        theories = context.get("jurisdiction_theories") or []
        if (self.entry is None or self.entry.registration != "unsettled" or "consent_by_registration" not in theories
                or not context.get("registered_in_forum")):
            return []
        return [f"whether registration to do business in {self.entry.name} is consent to general jurisdiction is "
                f"unsettled ({LONG_ARM_FILE}); check current law before filing"]

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


def registration_refusal(entry: LongArm | None, registry: Registry, context: dict[str, Any]) -> str | None:
    """Why the motion papers cannot be assembled, or None: a movant registered to do business in a state whose law
    makes registration consent to general jurisdiction (Pennsylvania by statute, upheld in *Mallory*; Georgia by
    decision). Arguing that its registration "is not consent" would misstate that state's law; what remains (the
    dormant Commerce Clause question *Mallory* left open) is for counsel to argue, not a clause."""
    theories = context.get("jurisdiction_theories") or []
    if (entry is None or entry.registration != "consent" or "consent_by_registration" not in theories
            or not context.get("registered_in_forum")):
        return None
    ref, _, pin = (entry.registration_authority or "").partition(":")
    authority = registry.get(ref).full_plain(pin or None) if ref else LONG_ARM_FILE
    upheld = (", which Mallory v. Norfolk Southern Railway Co., 600 U.S. 122 (2023), held due process permits"
              if entry.code == "pa" else "")
    return (f"'registered_in_forum': {entry.name} makes a corporation's registration to do business there consent to "
            f"general jurisdiction ({authority}{upheld}); the library will not argue that a registered movant did not "
            "consent. Answer no only if no movant is registered; otherwise take 'consent_by_registration' out of "
            "'jurisdiction_theories' and argue what remains open yourself")
