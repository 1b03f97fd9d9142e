"""Which files to read: the paths given, folders walked in sorted order with --glob and
--exclude, symbolic links and their loops, pipes and standard input read once."""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path

from factdiff.load.markup import HTML_SUFFIXES

READABLE_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".text", ".jsonl", ".ndjson", ".json"} | HTML_SUFFIXES
)
"""File types read when walking a directory (a file named explicitly is read whatever its suffix)."""


def iter_files(
    paths: Iterable[str | Path], include: Sequence[str] = (), exclude: Sequence[str] = (), follow: bool = False
) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, problem) for each input path; directories are walked in sorted order,
    keeping files whose path inside the folder matches an ``include`` pattern (default: the
    readable suffixes) and no ``exclude`` pattern ('*.jsonl', 'drafts/*'). Symbolic links to
    files are read; links to folders only with ``follow``, and a link back into a folder
    being walked is reported, not followed."""
    for raw in paths:
        path = Path(raw)
        status = None if str(raw) == STDIN else _status(path)
        if status is None:
            yield path, None
        elif isinstance(status, str):
            yield path, status
        elif stat.S_ISDIR(status.st_mode):
            for child, problem in _walk(path, follow):
                inside = child.relative_to(path).as_posix()
                if include and not any(fnmatch.fnmatch(inside, pattern) for pattern in include):
                    continue
                if not include and child.suffix.lower() not in READABLE_SUFFIXES and problem != LOOP:
                    continue
                if any(fnmatch.fnmatch(inside, pattern) for pattern in exclude):
                    continue
                yield child, problem
        else:
            kind = stat.S_IFMT(status.st_mode)
            yield path, None if kind in READ_TYPES else f"not a regular file: {TYPE_NAMES.get(kind, 'special file')}"


LOOP = "symbolic link loop (a folder that contains itself); not followed"


SELF_LOOP = "symbolic link loop (a link that leads back to itself)"


READ_TYPES = frozenset({stat.S_IFREG, stat.S_IFIFO, stat.S_IFCHR})
"""What a path named on the command line may be: a file, a pipe (bash's <(curl …)) or a
character device (/dev/null); a pipe or device is read once (see read_once). A folder walk
reads regular files only."""


TYPE_NAMES = {stat.S_IFSOCK: "socket", stat.S_IFBLK: "block device"}


def _status(path: Path) -> os.stat_result | str:
    """The status of the file a path leads to, or why there is none."""
    try:
        return path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return SELF_LOOP
        if path.is_symlink():
            return "broken symbolic link"
        return "no such file or directory" if error.errno == errno.ENOENT else error.strerror or str(error)


def _walk(folder: Path, follow: bool, ancestors: tuple[tuple[int, int], ...] = ()) -> Iterator[tuple[Path, str | None]]:
    """Files under a folder in sorted order, with a problem for each broken link or loop.
    ``ancestors`` are the (device, inode) of the folders above, for loop detection."""
    status = folder.stat()
    ancestors = (*ancestors, (status.st_dev, status.st_ino))
    try:
        children = sorted(folder.iterdir())
    except OSError as error:
        yield folder, error.strerror or str(error)
        return
    for child in children:
        if child.is_dir():
            if not child.is_symlink():
                yield from _walk(child, follow, ancestors)
            elif follow:
                target = child.stat()
                if (target.st_dev, target.st_ino) in ancestors:
                    yield child, LOOP
                else:
                    yield from _walk(child, follow, ancestors)
        elif child.is_file():
            yield child, None
        elif child.is_symlink() and isinstance(problem := _status(child), str):
            yield child, problem


STDIN = "-"
"""The path that means standard input."""


@cache
def read_once(name: str) -> bytes:
    """Standard input, a pipe or a device, read once and kept: it cannot be read again for
    evidence (a new run clears the cache: /dev/fd/63 is another pipe then)."""
    return sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()


def streamed(path: Path) -> bool:
    """Read once, not from a file: standard input, a pipe or a device named on the command line."""
    return str(path) == STDIN or not path.is_file()


def input_bytes(path: Path) -> bytes:
    return read_once(str(path)) if streamed(path) else path.read_bytes()
