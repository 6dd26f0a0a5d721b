"""The one way `assembler` drives LibreOffice: laying drafts out, for the tables' page numbers, ``check``'s page
count and PDFs.

**A warm engine.** Starting LibreOffice costs about 2 s; converting a draft in one already running costs a
tenth of that. So the first conversion starts one headless LibreOffice behind a small listener
(:mod:`assembler.word.listener`, run by a Python that has LibreOffice's UNO bridge — Debian's
``python3-uno``) and every later conversion, from the same command or the next one, reuses it over a Unix
socket. The listener stops LibreOffice after :data:`IDLE_SECONDS` without a request (10 minutes;
``ASSEMBLER_LAYOUT_IDLE`` sets another number of seconds). Each *slot* is one LibreOffice: commands share
the ``default`` slot, and ``assembler batch`` gives each worker its own.

**Falling back.** When the warm engine cannot be had — no UNO bridge, a listener that does not start, or one
that dies mid-run — the conversion is done the old way, by a one-off ``soffice --convert-to`` in a throwaway
profile, after a one-line warning naming the cause (:class:`~assembler.errors.AssemblerWarning`). Without
``soffice`` at all there is no layout: callers get None and say what they did instead.

**Page numbers.** A copy of the draft is written with tiny tokens (``@@c12@@``, in 1-point type) at every
citation and heading, converted to PDF, and read back page by page with ``pdftotext``. The tokens are what
the reader of the final draft would see, minus a few points of width, so the pages match the draft.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

TOKEN = re.compile(r"@@([ch]\d+)@@")
IDLE_SECONDS = 600
START_SECONDS = 120  # a cold LibreOffice on a busy 2-core machine
LISTENER = Path(__file__).with_name("listener.py")
PDF = "writer_pdf_Export"


class EngineUnavailable(Exception):
    """The warm LibreOffice cannot serve this request; the message is the cause, for the warning."""


class LayoutFailed(Exception):
    """LibreOffice is installed but could not lay the draft out; the message is the cause."""


def available() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftotext"))


def token(kind: str, number: int) -> str:
    return f"@@{kind}{number}@@"


def pages_of_tokens(docx: bytes, timeout: int = 300) -> dict[str, int] | None:
    """``{"c12": 4, "h3": 5, ...}``: the page each token fell on; None without ``pdftotext``. Raises
    :class:`LayoutFailed`, naming the cause, when LibreOffice is there but cannot lay the draft out."""
    if not shutil.which("pdftotext"):
        return None
    pdf = pdf_of(docx, timeout=timeout)
    try:
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, check=True, capture_output=True,
                              timeout=timeout).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError) as exc:
        raise LayoutFailed(f"pdftotext could not read LibreOffice's PDF ({failure(exc)})") from None
    found: dict[str, int] = {}
    for number, page in enumerate(text.split("\f"), start=1):
        for match in TOKEN.finditer(page.replace(" ", "")):
            found.setdefault(match.group(1), number)
    return found


def convert_to_pdf(docx: bytes, options: dict[str, object] | None = None, timeout: int = 300) -> bytes | None:
    """The PDF LibreOffice makes of ``docx`` with its Writer PDF export ``options`` (e.g.
    ``{"SelectPdfVersion": 2}``); None if LibreOffice is missing or failed."""
    try:
        return pdf_of(docx, options, timeout)
    except LayoutFailed:
        return None


def pdf_of(docx: bytes, options: dict[str, object] | None = None, timeout: int = 300) -> bytes:
    """As :func:`convert_to_pdf`, but a failure raises :class:`LayoutFailed` saying why."""
    with tempfile.TemporaryDirectory(prefix="assembler-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "draft.docx"
        source.write_bytes(docx)
        try:
            to_pdf(folder, None, source, timeout=timeout, options=options)
        except (OSError, subprocess.SubprocessError) as exc:
            raise LayoutFailed(failure(exc)) from None
        result = folder / "draft.pdf"
        if not result.is_file():
            raise LayoutFailed("LibreOffice finished but wrote no PDF")
        return result.read_bytes()


def failure(exc: BaseException) -> str:
    """What went wrong with a LibreOffice run, in a few words: "soffice exited with status 1: <its last line>"."""
    if isinstance(exc, subprocess.CalledProcessError):
        said = [line.strip() for line in (exc.stderr or exc.stdout or b"").decode("utf-8", "replace").splitlines()
                if line.strip()]
        program = Path(str(exc.cmd[0] if isinstance(exc.cmd, (list, tuple)) else exc.cmd)).name
        return f"{program} exited with status {exc.returncode}" + (f": {said[-1]}" if said else "")
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"LibreOffice gave no result in {exc.timeout:.0f} s"
    if isinstance(exc, FileNotFoundError) and not exc.strerror:
        return f"{exc} not found"
    return f"{exc.strerror} ({exc.filename})" if isinstance(exc, OSError) and exc.filename else str(exc)


def to_pdf(folder: Path, profile: Path | None, *documents: Path, timeout: int = 300,
           options: dict[str, object] | None = None) -> None:
    """Convert documents to PDF in ``folder`` (``NAME.docx`` → ``NAME.pdf``) with the warm engine, or, when it
    cannot be had, with a one-off LibreOffice in ``profile`` (a throwaway one if None). Raises
    :class:`OSError` or :class:`subprocess.SubprocessError` if LibreOffice cannot convert them at all."""
    pairs = [(Path(d), Path(folder) / f"{Path(d).stem}.pdf") for d in documents]
    try:
        default_engine().convert(pairs, options=options, timeout=timeout)
    except EngineUnavailable as cause:
        warn(f"{cause}; LibreOffice is started afresh for this conversion")
        one_off_pdf(Path(folder), profile, *documents, timeout=timeout, options=options)


def one_off_pdf(folder: Path, profile: Path | None, *documents: Path, timeout: int = 300,
                options: dict[str, object] | None = None) -> None:
    """Convert with a LibreOffice started for this call alone, in its own profile (so a running LibreOffice,
    or another conversion, cannot interfere)."""
    with tempfile.TemporaryDirectory(prefix="assembler-profile-") as spare:
        where = Path(profile or spare).resolve()
        subprocess.run(
            ["soffice", f"-env:UserInstallation={where.as_uri()}", "--headless", "--convert-to", _target(options),
             "--outdir", str(folder), *map(str, documents)],
            check=True, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
        )


def _target(options: dict[str, object] | None) -> str:
    """``pdf``, or ``pdf:writer_pdf_Export:{...}`` with each option typed as LibreOffice's JSON filter syntax
    wants it (booleans, longs, strings)."""
    if not options:
        return "pdf"
    typed = {}
    for name, value in options.items():
        kind = "boolean" if isinstance(value, bool) else "long" if isinstance(value, int) else "string"
        typed[name] = {"type": kind, "value": str(value).lower() if isinstance(value, bool) else str(value)}
    return f"pdf:{PDF}:" + json.dumps(typed, separators=(",", ":"))


def warn(message: str) -> None:
    from assembler.errors import AssemblerWarning

    warnings.warn(message, AssemblerWarning, stacklevel=3)


class Engine:
    """One warm LibreOffice (a *slot*), started on the first request and reused by every later one."""

    def __init__(self, slot: str = "default", root: Path | None = None) -> None:
        self.slot = slot
        self.root = root
        self.listener: subprocess.Popen | None = None  # the listener this process started, if any

    @property
    def folder(self) -> Path:
        """Where this slot's socket, profile, lock and log live: per user, and per listener version (two
        checkouts of different versions never share one)."""
        root = self.root or Path(os.environ.get("ASSEMBLER_LAYOUT_DIR") or
                                 Path(tempfile.gettempdir()) / f"assembler-layout-{os.getuid()}")
        version = hashlib.sha256(LISTENER.read_bytes()).hexdigest()[:10]
        return Path(root) / f"{self.slot}-{version}"

    @property
    def socket_path(self) -> Path:
        return self.folder / "listener.sock"

    def pid(self) -> int | None:
        """The process id of the warm LibreOffice, or None if none is running (never starts one)."""
        try:
            return int(self._request({"ping": True}, timeout=10)["pid"])
        except EngineUnavailable:
            return None

    def convert(self, pairs: list[tuple[Path, Path]], options: dict[str, object] | None = None,
                timeout: int = 300) -> None:
        """Convert each (SOURCE.docx, TARGET.pdf); raises :class:`EngineUnavailable` with the cause when the
        warm engine cannot do it (the caller falls back)."""
        if not shutil.which("soffice"):
            raise FileNotFoundError("soffice")
        self.start()
        with tempfile.TemporaryDirectory(prefix="assembler-warm-") as tmp:
            for number, (source, target) in enumerate(pairs):
                sendable = _without_comments(Path(source), Path(tmp) / f"{number}.docx")
                self._request({"convert": [str(sendable.resolve()), str(Path(target).resolve())], "filter": PDF,
                               "options": options or {}}, timeout=timeout)

    def start(self) -> None:
        """Make sure the listener runs; start it (once, even with several callers racing) if not."""
        import fcntl

        if self.pid() is not None:
            return
        python = uno_python()
        if python is None:
            raise EngineUnavailable("no Python with LibreOffice's UNO bridge (on Debian: apt-get install "
                                    "python3-uno), so no warm LibreOffice")
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.folder / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.pid() is not None:
                return
            self.socket_path.unlink(missing_ok=True)
            self._reap(wait=10)
            log = self.folder / "listener.log"
            with open(log, "w") as out:
                self.listener = listener = subprocess.Popen(
                    [python, str(LISTENER), str(self.socket_path), str(self.folder / "profile"), str(idle_seconds())],
                    stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True,
                )
            deadline = time.monotonic() + START_SECONDS
            while not self.socket_path.exists():
                if listener.poll() is not None:
                    raise EngineUnavailable(f"the LibreOffice listener did not start ({_last_line(log)})")
                if time.monotonic() > deadline:
                    listener.kill()
                    raise EngineUnavailable(f"the LibreOffice listener did not start in {START_SECONDS} s")
                time.sleep(0.05)

    def stop(self) -> None:
        """Close this slot's LibreOffice now, if it runs."""
        with contextlib.suppress(EngineUnavailable):
            self._request({"stop": True}, timeout=30)
        self._reap(wait=30)

    def _reap(self, wait: float = 0) -> None:
        """Collect the exit of a listener this process started (it stops itself when idle or broken)."""
        if self.listener is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.listener.wait(wait) if wait else self.listener.poll()
            if self.listener.returncode is not None:
                self.listener = None

    def _request(self, request: dict, timeout: float) -> dict:
        if not self.socket_path.exists():
            raise EngineUnavailable("no warm LibreOffice is running")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(timeout)
                client.connect(str(self.socket_path))
                client.sendall((json.dumps(request) + "\n").encode("utf-8"))
                line = client.makefile("r", encoding="utf-8").readline()
        except socket.timeout:
            raise EngineUnavailable(f"the LibreOffice listener gave no answer in {timeout:.0f} s") from None
        except OSError as exc:
            raise EngineUnavailable(f"the LibreOffice listener is gone ({exc.strerror or exc})") from None
        if not line:
            raise EngineUnavailable("the LibreOffice listener died mid-run")
        answer = json.loads(line)
        if "error" in answer:
            raise EngineUnavailable(answer["error"])
        return answer


_ENGINES: dict[str, Engine] = {}


def default_engine() -> Engine:
    """This process's engine: the slot named by ``ASSEMBLER_LAYOUT_SLOT`` (set for each batch worker), else
    the one every command shares."""
    slot = os.environ.get("ASSEMBLER_LAYOUT_SLOT") or "default"
    return _ENGINES.setdefault(slot, Engine(slot))


def idle_seconds() -> float:
    try:
        return max(1.0, float(os.environ.get("ASSEMBLER_LAYOUT_IDLE") or IDLE_SECONDS))
    except ValueError:
        return float(IDLE_SECONDS)


def uno_python() -> str | None:
    """A Python interpreter that can ``import uno``: ``ASSEMBLER_UNO_PYTHON``, this one, LibreOffice's own,
    or the system's. Checked once per process."""
    global _UNO_PYTHON
    if _UNO_PYTHON is None:
        candidates = [os.environ.get("ASSEMBLER_UNO_PYTHON"), sys.executable, "/usr/lib/libreoffice/program/python",
                      "/usr/bin/python3", shutil.which("python3")]
        _UNO_PYTHON = next((c for c in candidates if c and _has_uno(c)), "")
    return _UNO_PYTHON or None


_UNO_PYTHON: str | None = None


def _has_uno(python: str) -> bool:
    if not os.access(python, os.X_OK):
        return False
    try:
        return subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _without_comments(source: Path, spare: Path) -> Path:
    """The draft as LibreOffice should see it: without Word comments, which crash a listening LibreOffice 7.4
    without a GUI (it builds each comment's margin window from a UI file the headless packages leave out).
    Comments are neither laid out in the page nor exported to the PDF, so nothing else changes."""
    import zipfile

    with zipfile.ZipFile(source) as archive:
        if "word/comments.xml" not in archive.namelist():
            return source
        with zipfile.ZipFile(spare, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in archive.infolist():
                data = archive.read(item)
                if item.filename == "word/document.xml":
                    data = _COMMENT_MARKS.sub(b"", data)
                copy.writestr(item, data)
    return spare


_COMMENT_MARKS = re.compile(
    rb"<w:commentRange(?:Start|End)\b[^>]*/>|<w:r>(?:(?!</w:r>).)*?<w:commentReference\b[^>]*/>\s*</w:r>"
    rb"|<w:commentReference\b[^>]*/>", re.S)


def _last_line(log: Path) -> str:
    try:
        lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return "no log"
    return lines[-1].strip() if lines else "no message"
