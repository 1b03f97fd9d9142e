"""Where data derived from a dependency is kept between runs (the user's cache folder), and
how a file there is written so that processes starting at once never read half of it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_folder() -> Path | None:
    """``$XDG_CACHE_HOME/factdiff``, else ``~/.cache/factdiff``; None when there is no home to
    keep it in."""
    configured = Path(os.environ.get("XDG_CACHE_HOME", ""))
    base = configured if configured.is_absolute() else Path.home() / ".cache"
    return base / "factdiff" if base.is_absolute() else None


def write_whole(path: Path, data: bytes) -> None:
    """The bytes written under a temporary name, then renamed into place; nothing is written
    where the folder cannot be (a read-only or full disk: the next run tries again)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
