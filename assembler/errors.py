"""The one exception hierarchy a user of `assembler` ever sees.

Every error the program foresees is an :class:`AssemblerError`. Its message is written for a lawyer or a
paralegal: it names the file, clause, version, answer or authority at fault and says what is wrong, in one
line. The CLI prints that line and exits with :attr:`AssemblerError.exit_code`; the library never prints
and never exits.
"""

from __future__ import annotations


class AssemblerError(Exception):
    """Base of every foreseen failure. Bad input exits 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class AssemblerWarning(UserWarning):
    """Something the user should know that did not stop the work (e.g. LibreOffice started afresh because the
    warm one could not be had). The CLI prints each as one ``warning:`` line."""


class ClauseFileError(AssemblerError):
    """A clause file cannot be read or breaks the clause format."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class AuthorityError(AssemblerError):
    """The authorities registry is malformed, or a clause cites a key it does not hold."""


class UnknownClauseError(AssemblerError):
    """No clause has that id, or no version of it matches the requested version or range."""


class ClauseRenderError(AssemblerError):
    """A clause version could not be rendered with the answers given (e.g. a missing variable)."""

    def __init__(self, clause_ref: str, problem: str) -> None:
        super().__init__(f"clause {clause_ref}: {problem}")
        self.clause_ref = clause_ref
        self.problem = problem


class FrozenVersionError(AssemblerError):
    """An approved or deprecated clause version was edited in place."""


class LifecycleError(AssemblerError):
    """A clause lifecycle step (new version, approve, deprecate) is not allowed in the current state."""


class TemplateError(AssemblerError):
    """A document template or its interview spec is missing or malformed."""


class AnswersError(AssemblerError):
    """The answers are missing or invalid. Carries every problem at once, so a user fixes them in one pass."""

    def __init__(self, problems: list[str], source: object = None) -> None:
        self.problems = list(problems)
        self.source = source
        where = f"{source}: " if source else ""
        noun = "problem" if len(self.problems) == 1 else "problems"
        super().__init__(f"{where}{len(self.problems)} answer {noun}: " + "; ".join(self.problems))


class CourtError(AssemblerError):
    """A court id is not a federal district court that courts-db knows."""


class OutputExistsError(AssemblerError):
    """Refusing to overwrite an existing file without --force."""

    def __init__(self, path: object) -> None:
        super().__init__(f"{path}: already exists; pass --force to overwrite it")
        self.path = path


class ManifestError(AssemblerError):
    """A draft's assembly manifest is missing or unreadable."""


class InterviewAborted(AssemblerError):
    """The user stopped the interview (Ctrl-C). Nothing was written except, if asked, the answers so far."""

    exit_code = 130

    def __init__(self, answers: dict | None = None) -> None:
        super().__init__("interview stopped; no document was written")
        self.answers = answers or {}
