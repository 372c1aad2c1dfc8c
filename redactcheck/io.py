"""Atomic, private output files: never a half-written report or copy, never the input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import ConfigError


def current_umask() -> int:
    """The process umask (read by setting and restoring it: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def copy_mode(source: str | Path) -> int:
    """The mode for a file derived from `source`: the umask's default, owner-only (0600)
    when the source itself is readable by its owner alone."""
    mode = 0o666 & ~current_umask()
    try:
        if not os.stat(source).st_mode & 0o077:
            mode &= 0o600
    except OSError:
        mode &= 0o600
    return mode


def write_atomic(path: str | Path, data: str | bytes, private: bool = True,
                 mode: int | None = None) -> Path:
    """Write to a temporary file in the target folder, fsync, then rename over `path`.

    `private` makes the file owner-only (0600): reports and logs hold document text.
    Otherwise the file gets `mode`, or the umask's default for a new file.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError(f"{path}: folder {folder} does not exist")
    if path.exists() and not path.is_file():  # never rename over a device, pipe or folder
        raise ConfigError(f"{path}: not a regular file; give a file name")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600 if private else
                 (mode if mode is not None else 0o666 & ~current_umask()))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when a and b name the same file (b may not exist yet)."""
    a, b = Path(a), Path(b)
    if not b.exists():
        return a.resolve() == b.resolve()
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
