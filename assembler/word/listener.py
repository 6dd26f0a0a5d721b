"""The warm LibreOffice: a small server, run by a Python that has LibreOffice's UNO bridge, that keeps one
headless ``soffice`` loaded and converts documents for :mod:`assembler.word.layout` on request.

It is a script, not imported by the package: ``python3 listener.py SOCKET PROFILE IDLE_SECONDS`` (Debian's
``/usr/bin/python3`` with ``python3-uno``). It starts ``soffice --accept`` on a private pipe, connects to it
over UNO, then serves one JSON request a line on the Unix socket ``SOCKET`` — one at a time, as LibreOffice
converts one document at a time. After ``IDLE_SECONDS`` without a request it closes LibreOffice and exits;
if LibreOffice dies it answers that request with the cause and exits, so the next caller starts afresh.

Requests: ``{"convert": [SOURCE, TARGET], "filter": "writer_pdf_Export", "options": {EXPORT OPTIONS}}``, ``{"ping": true}``,
``{"stop": true}``. Answers: ``{"ok": true, "pid": SOFFICE_PID}`` or ``{"error": "why"}``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import uno  # noqa: F401  (LibreOffice's bridge: this script runs only under a Python that has it)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

START_TIMEOUT = 90  # seconds for a cold LibreOffice to accept connections on a loaded machine


def _prop(name: str, value: object) -> PropertyValue:
    return PropertyValue(Name=name, Value=value)


class Office:
    """One headless LibreOffice and the UNO desktop that drives it."""

    def __init__(self, profile: str) -> None:
        pipe = f"assembler{os.getpid()}"
        self.process = subprocess.Popen(
            ["soffice", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", "--headless", "--invisible",
             "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if self.process.poll() is not None:
                    raise RuntimeError(f"LibreOffice exited with status {self.process.returncode} on start") from None
                if time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"LibreOffice did not accept a connection in {START_TIMEOUT} s") from None
                time.sleep(0.05)
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def convert(self, source: str, target: str, filter_name: str, options: dict) -> None:
        document = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, (_prop("Hidden", True), _prop("ReadOnly", True)))
        if document is None:
            raise RuntimeError(f"LibreOffice could not open {source}")
        try:
            settings = [_prop("FilterName", filter_name), _prop("Overwrite", True)]
            if options:
                data = tuple(_prop(name, value) for name, value in options.items())
                settings.append(_prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", data)))
            uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(target), tuple(settings)))
        finally:
            document.close(True)

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        try:
            if self.alive():
                self.desktop.terminate()
        except Exception:  # noqa: BLE001 — a dying LibreOffice may refuse even this
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(socket_path: str, profile: str, idle: float) -> None:
    office = Office(profile)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    temporary = f"{socket_path}.{os.getpid()}"
    server.bind(temporary)
    server.listen(8)
    os.replace(temporary, socket_path)  # the socket appears only once LibreOffice is ready
    signal.signal(signal.SIGTERM, _exit)
    server.settimeout(idle)
    try:
        while True:
            try:
                connection, _ = server.accept()
            except socket.timeout:
                return  # idle: stop
            with connection:
                connection.settimeout(None)
                request = json.loads(connection.makefile("r", encoding="utf-8").readline() or "{}")
                answer, stop = _answer(office, request)
                connection.sendall((json.dumps(answer) + "\n").encode("utf-8"))
            if stop:
                return
    finally:
        try:
            if os.path.exists(socket_path) and os.stat(socket_path).st_ino == os.fstat(server.fileno()).st_ino:
                os.unlink(socket_path)
        except OSError:
            pass
        server.close()
        office.close()


def _exit(*_: object) -> None:
    raise SystemExit(0)  # so that ``finally`` closes LibreOffice


def _answer(office: Office, request: dict) -> tuple[dict, bool]:
    if not office.alive():
        return {"error": f"the LibreOffice listener died (exit status {office.process.returncode})"}, True
    if request.get("stop"):
        return {"ok": True, "pid": office.process.pid}, True
    if "convert" in request:
        source, target = request["convert"]
        try:
            office.convert(source, target, request.get("filter", "writer_pdf_Export"), request.get("options") or {})
        except Exception as exc:  # noqa: BLE001 — every failure goes back to the caller as one line
            dead = not office.alive()
            cause = "the LibreOffice listener died mid-conversion" if dead else type(exc).__name__
            return {"error": f"{cause}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")}, dead
    return {"ok": True, "pid": office.process.pid}, False


if __name__ == "__main__":
    try:
        serve(sys.argv[1], sys.argv[2], float(sys.argv[3]))
    except Exception as exc:  # noqa: BLE001 — the last line of the log is the cause the caller reports
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
