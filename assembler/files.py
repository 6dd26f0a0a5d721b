"""Writing files the way a court paper deserves: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from assembler.errors import AssemblerError, OutputExistsError


def check_writable(*paths: Path, force: bool = False) -> None:
    for path in paths:
        if path.exists() and not force:
            raise OutputExistsError(path)
        if not path.parent.is_dir():
            raise AssemblerError(f"{path.parent}: folder does not exist")


def write_atomically(path: Path, data: bytes, force: bool = False) -> Path:
    return write_all_atomically({path: data}, force=force)[0]


def write_all_atomically(files: dict[Path, bytes], force: bool = False) -> list[Path]:
    """Write every file to a temporary sibling, then rename them all into place.

    A failure before the renames leaves nothing behind; readers never see a half-written file.
    """
    check_writable(*files, force=force)
    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False)
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temps.append((Path(handle.name), path))
        for temp, path in temps:
            os.replace(temp, path)
    finally:
        for temp, _ in temps:
            if temp.exists():
                temp.unlink()
    return list(files)
