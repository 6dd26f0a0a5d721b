"""Writing files the way a court paper deserves: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from assembler.errors import AssemblerError, OutputExistsError


def check_writable(*paths: Path, force: bool = False, probe: bool = False) -> None:
    """Refuse an occupied path (without ``force``) or a missing folder. With ``probe``, also prove each folder
    writable by creating and removing a file in it, so an interview can find out before its first question."""
    for path in paths:
        if path.exists() and not force:
            raise OutputExistsError(path)
        if not path.parent.is_dir():
            raise AssemblerError(f"{path.parent}: folder does not exist")
        if probe:
            try:
                tempfile.TemporaryFile(dir=path.parent).close()
            except OSError as exc:
                raise AssemblerError(f"{path.parent}: cannot write in this folder ({exc.strerror or exc})") from None


def _mode() -> int:
    """0666 less the user's umask: the permissions any other program would give a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder while files are renamed into it, so two renders into one path
    cannot interleave and leave a draft beside another draft's manifest."""
    try:
        import fcntl
    except ImportError:  # not POSIX: renames are still atomic one by one
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def write_atomically(path: Path, data: bytes, force: bool = False) -> Path:
    return write_all_atomically({path: data}, force=force)[0]


def write_all_atomically(files: dict[Path, bytes], force: bool = False) -> list[Path]:
    """Write every file to a temporary sibling, then rename them all into place.

    A failure before the renames leaves nothing behind; readers never see a half-written file.
    """
    check_writable(*files, force=force)
    temps: list[tuple[Path, Path]] = []
    mode = _mode()
    try:
        for path, data in files.items():
            handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
            with handle:
                handle.write(data)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
            temps.append((Path(handle.name), path))
        folders = sorted({path.parent.resolve() for path in files})
        with ExitStack() as locks:
            for folder in folders:
                locks.enter_context(_folder_lock(folder))
            check_writable(*files, force=force)  # again, under the lock: another render may have just written
            for temp, path in temps:
                os.replace(temp, path)
    except OSError as exc:
        where = Path(exc.filename).parent if exc.filename else next(iter(files)).parent
        raise AssemblerError(f"{where}: cannot write the files here ({exc.strerror or exc})") from None
    finally:
        for temp, _ in temps:
            if temp.exists():
                temp.unlink()
    return list(files)
