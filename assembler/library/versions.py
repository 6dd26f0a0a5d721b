"""Semantic versions of clauses and the specs a template uses to pick one (``1.2.0``, ``^1``, ``~1.2``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import total_ordering

_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_PARTIAL = re.compile(r"^(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?$")


@total_ordering
@dataclass(frozen=True)
class Version:
    """A clause version: MAJOR.MINOR.PATCH.

    MAJOR changes what the clause argues or holds (a new rule of law); MINOR adds or rewords without changing
    the law stated; PATCH fixes a typo or a citation detail.
    """

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: object) -> Version:
        match = _SEMVER.match(str(text).strip())
        if not match:
            raise ValueError(f"'{text}' is not a semantic version like 1.2.0")
        return cls(*(int(part) for part in match.groups()))

    def bump(self, part: str) -> Version:
        if part == "major":
            return Version(self.major + 1, 0, 0)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        if part == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        raise ValueError(f"unknown version part '{part}'")

    def __lt__(self, other: Version) -> bool:
        return (self.major, self.minor, self.patch) < (other.major, other.minor, other.patch)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(frozen=True)
class VersionSpec:
    """What a template asks for: ``None`` (latest approved), an exact version, ``^1`` or ``~1.2``.

    ``^1.2`` admits any later version with the same major number; ``~1.2`` any later patch of 1.2; a bare
    ``1`` or ``1.2`` is read as ``^1`` / ``~1.2``.
    """

    text: str | None = None

    @property
    def is_exact(self) -> bool:
        return self.text is not None and bool(_SEMVER.match(self.text))

    def validate(self) -> None:
        if self.text is None or self.is_exact:
            return
        body = self.text.lstrip("^~")
        if not _PARTIAL.match(body) or len(self.text) - len(body) > 1:
            raise ValueError(f"'{self.text}' is not a version or range (use 1.2.0, ^1 or ~1.2)")

    def admits(self, version: Version) -> bool:
        if self.text is None:
            return True
        if self.is_exact:
            return Version.parse(self.text) == version
        self.validate()
        op = self.text[0] if self.text[0] in "^~" else ("~" if self.text.count(".") == 1 else "^")
        parts = [int(p) for p in self.text.lstrip("^~").split(".")]
        floor = Version(*(parts + [0, 0, 0])[:3])
        if version < floor:
            return False
        if op == "^":
            return version.major == floor.major
        return version.major == floor.major and version.minor == floor.minor

    def __str__(self) -> str:
        return self.text or "latest"


def split_ref(ref: str) -> tuple[str, VersionSpec]:
    """``'daimler-at-home@^2'`` -> ``('daimler-at-home', VersionSpec('^2'))``."""
    clause_id, _, spec = ref.partition("@")
    return clause_id.strip(), VersionSpec(spec.strip() or None)
