"""Where data derived from a dependency is kept between runs (the user's cache folder), and
how a file there is written so that processes starting at once never read half of it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


def cache_folder() -> Path | None:
    """``$XDG_CACHE_HOME/factdiff``, else ``~/.cache/factdiff``; None when there is no home to
    keep it in."""
    configured = Path(os.environ.get("XDG_CACHE_HOME", ""))
    base = configured if configured.is_absolute() else Path.home() / ".cache"
    return base / "factdiff" if base.is_absolute() else None


def write_whole(path: Path, write: Callable[[Path], object], errors: tuple[type[Exception], ...] = ()) -> None:
    """``write`` fills a temporary file beside ``path``, which is then renamed into place;
    nothing is written where the folder cannot be (a read-only or full disk, or one of
    ``errors`` while writing: the next run tries again)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(temporary)
        os.replace(temporary, path)
    except (OSError, *errors):
        with contextlib.suppress(OSError):
            temporary.unlink()
