"""A cache, kept across runs, of what each clause text uses: its answer variables and the authority keys it cites.

Every command loads the library, and loading checks every version of every clause by parsing its Jinja text
(about 100 texts; most of a second on a busy machine). A text's analysis depends only on the text and on this
code, so it is kept on disk keyed by the text's sha256, in a file named for the analyser's own source hash and
the Jinja version (a change to either starts a new file). Texts that fail to parse are never cached: their
error is raised afresh each time. ``ASSEMBLER_CACHE_DIR`` sets the folder (default: the user's cache folder);
an unwritable folder just means no cache.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import tempfile
from pathlib import Path

_ENTRIES: dict[str, list[list[str]]] | None = None
_DIRTY = False


def cache_file() -> Path:
    import jinja2

    from assembler.text import clausetext

    source = Path(clausetext.__file__).read_bytes() + Path(__file__).read_bytes() + jinja2.__version__.encode()
    return cache_folder() / f"clause-analysis-{hashlib.sha256(source).hexdigest()[:12]}.json"


def cache_folder() -> Path:
    """Where `assembler` keeps what it can reuse across runs: ``ASSEMBLER_CACHE_DIR``, else the user's cache."""
    return Path(os.environ.get("ASSEMBLER_CACHE_DIR") or
                Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "assembler")


def lookup(text: str) -> tuple[set[str], set[str]] | None:
    found = _entries().get(_key(text))
    return (set(found[0]), set(found[1])) if found else None


def remember(text: str, variables: set[str], keys: set[str]) -> None:
    global _DIRTY
    _entries()[_key(text)] = [sorted(variables), sorted(keys)]
    if not _DIRTY:
        _DIRTY = True
        atexit.register(save)


def save() -> None:
    """Write the cache atomically (several processes may finish at once; the last complete file wins)."""
    global _DIRTY
    if not _DIRTY or _ENTRIES is None:
        return
    path = cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as handle:
            json.dump(_ENTRIES, handle)
        os.replace(handle.name, path)
        _DIRTY = False
    except OSError:
        pass


def _entries() -> dict[str, list[list[str]]]:
    global _ENTRIES
    if _ENTRIES is None:
        try:
            loaded = json.loads(cache_file().read_text(encoding="utf-8"))
            _ENTRIES = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            _ENTRIES = {}
    return _ENTRIES


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
