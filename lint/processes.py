"""The life of newslint's processes: workers die with their parent, SIGTERM and SIGHUP stop a
run as Ctrl-C does, and the temporary folders of runs that were killed are removed at the next
start.

Workers use Linux's parent-death signal (``prctl(PR_SET_PDEATHSIG, SIGKILL)``, through ctypes):
the kernel kills a worker as soon as the process that forked it is gone, whatever killed it
(SIGKILL and the OOM killer included), with no thread or pipe to watch. Where prctl does not
exist the workers keep the pool's own behaviour (they exit when they next find the pool's
pipes closed).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from types import FrameType

PR_SET_PDEATHSIG = 1
RUN_DIR_PREFIX = "newslint-run-"
_RUN_DIR = re.compile(re.escape(RUN_DIR_PREFIX) + r"(\d+)-")


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the run stops the way Ctrl-C stops it (workers killed, temporary
    files removed), then exits 128 + the signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


DEFERRED_SIGNALS = (signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else []))


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP that arrive while the block runs (in the main thread) are
    remembered and raised again when it ends, not lost. Starting a pool forks, and an
    interrupt raised inside a fork hook (logging's lock release) is printed and ignored: the run
    then went on to its end as if never interrupted."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = {signum: signal.signal(signum, remember) for signum in DEFERRED_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])  # now to this run's own handler


def on_start() -> None:
    """For the ``newslint`` command: stop cleanly on SIGTERM and SIGHUP, and remove the
    temporary folders that killed runs left."""
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                signal.signal(signum, _terminate)
    remove_stale_run_dirs()


def die_with_parent(parent: int) -> bool:
    """In a worker: ask the kernel to SIGKILL this process when its parent dies; exit now if
    the parent is already gone. False where prctl is not available."""
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):  # the parent's handlers
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    if os.getppid() != parent:  # the parent died before prctl: nobody will send the signal
        os._exit(1)
    return True


def temporary_run_dir() -> str:
    """A temporary folder for this run, named with its PID so that a later run can tell
    whether its owner is gone."""
    return tempfile.mkdtemp(prefix=f"{RUN_DIR_PREFIX}{os.getpid()}-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def remove_stale_run_dirs(folder: str | None = None) -> int:
    """Delete the temporary run folders (of this user) whose process is gone; how many."""
    folder = folder or tempfile.gettempdir()
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = _RUN_DIR.match(entry.name)
            if not found or int(found[1]) == os.getpid() or _alive(int(found[1])):
                continue
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_uid == os.getuid():
                    shutil.rmtree(entry.path)
                    removed += 1
    return removed
