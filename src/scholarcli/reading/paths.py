"""Command-line paths to the files they name: `-` for stdin, files, and folders walked in sorted order.

Symbolic links to folders are followed, and a folder reached a second time (a link loop) is not read
again. Inside folders, only regular files are read: FIFOs, sockets and devices are skipped with a warning,
since opening one could wait forever. A special file named on the command line is read as asked.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from scholarcli.reading.errors import InputError

STDIN = "-"


def iter_paths(raw: str) -> Iterator[str | InputError]:
    """The files one argument names, in order, and an InputError (a warning) for each entry skipped."""
    if raw == STDIN:
        yield raw
        return
    path = Path(raw)
    if not path.is_dir():
        if path.exists() or path.is_symlink():
            yield raw
            return
        yield InputError(raw, "no such file or folder; check the path")
        return
    found = False
    for item in _walk(path, set()):
        found = found or isinstance(item, str)
        yield item
    if not found:
        yield InputError(raw, "folder holds no files; give a folder of saved pages")


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[str | InputError]:
    try:
        info = folder.stat()
    except OSError as exc:
        yield InputError(str(folder), f"cannot read this folder ({exc.strerror or exc}); skipped")
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield InputError(str(folder), "is a folder already read (a symbolic link leads back to it); skipped")
        return
    seen.add(key)
    try:
        names = sorted(name for name in os.listdir(folder) if not name.startswith("."))
    except OSError as exc:
        yield InputError(str(folder), f"cannot list this folder ({exc.strerror or exc}); skipped")
        return
    folders: list[Path] = []
    for name in names:
        entry = folder / name
        try:
            mode = entry.stat().st_mode
        except OSError:
            yield InputError(str(entry), "broken symbolic link or unreadable entry; skipped")
            continue
        if stat.S_ISDIR(mode):
            folders.append(entry)
        elif stat.S_ISREG(mode):
            yield str(entry)
        else:
            yield InputError(str(entry), f"is a {_kind(mode)}, not a file; skipped (name it alone to read it)")
    for sub in folders:  # files first, then subfolders, each level sorted (as os.walk lists them)
        yield from _walk(sub, seen)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def expand_path(raw: str) -> list[str]:
    """The files one argument names: itself, `-` for stdin, or every non-hidden file below a folder, sorted.

    Raises InputError when the argument names nothing; skipped entries are left out silently (see iter_paths).
    """
    files = [item for item in iter_paths(raw) if isinstance(item, str)]
    if not files:
        errors = [item for item in iter_paths(raw) if isinstance(item, InputError)]
        raise errors[-1] if errors else InputError(raw, "names no file")
    return files
