"""Executors: where the per-document map steps run. An executor knows nothing of linters or
caches: it runs a :class:`Task` on batches, in the order of the batches, with a context object
made available once where batches run (the engine's is the ``Linter``; ``lint.tasks`` holds its
tasks), and decides which process runs a batch.

- ``SerialExecutor``: the calling process (tests, ``--jobs 1``, tiny runs).
- ``ProcessExecutor``: a process pool on this machine (``--jobs N``, the default). A worker
  that dies (a crash, the OOM killer) is replaced; its batch is retried file by file, and a
  file that kills a worker again is reported as NL999 while the others finish.
- ``DaskExecutor``: a dask.distributed cluster (``--executor dask``, ``--scheduler ADDRESS``,
  or a LocalCluster when no address is given). Workers read the files themselves.

Every executor runs the same ``Task`` functions on batches and yields their results in the
order of the batches, so diagnostics do not depend on the executor.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from lint.processes import signals_deferred

X = TypeVar("X")
Y = TypeVar("Y")


class Context(Protocol):
    """What every batch of a map is run with (picklable: pool workers receive it once)."""

    def warm_up(self) -> None:
        """Load what the tasks will need (slow to load, such as a model)."""


@dataclass(frozen=True)
class Task(Generic[X, Y]):
    """A batch function (context, batch, shared value) and what to report for an element
    whose worker died."""

    run: Callable[[Any, Sequence[X], Any], list[Y]]
    crashed: Callable[[X, str], Y]


Loader = Callable[[], Any]
"""A picklable, hashable callable that loads a shared value again (from a file the caller
wrote): pool workers load it once instead of receiving it with every batch."""


@dataclass(frozen=True)
class _Reference:
    load: Loader


class Executor(ABC):
    """Runs batches of a task; results come back in the order of the batches."""

    jobs: int = 1

    @property
    def workers(self) -> int:
        """Workers a map would use now without starting new ones (1: the calling process)."""
        return self.jobs

    @property
    def separate_workers(self) -> bool:
        """Whether maps run on several local worker processes, which load what a task needs
        each for itself (the engine then leaves the rare files that need spaCy to one)."""
        return False

    @abstractmethod
    def start(self, context: Context) -> None:
        """Make the context available where batches run."""

    def warm_up(self, workers: int = 1) -> None:
        """Optionally have ``workers`` workers warm the context up (load spaCy) while the
        caller is still reading the cache; called after :meth:`start`."""
        return None

    @abstractmethod
    def share(self, value: Any, load: Loader | None) -> Any:
        """A handle to ``value`` that tasks resolve with :func:`resolve`; ``load`` gets the
        same value in another process (None: the value itself travels with the tasks)."""

    @abstractmethod
    def map(self, task: Task[X, Y], batches: Iterable[Sequence[X]], shared: Any = None) -> Iterator[list[Y]]:
        """Run ``task`` on every batch."""

    def close(self) -> None:
        """Release workers."""
        return None


# ---------------------------------------------------------------------------------------------
# Worker-side state (one per process)

_CONTEXT: Context | None = None
_SHARED: dict[_Reference, Any] = {}


def resolve(handle: Any) -> Any:
    """The value behind a handle from :meth:`Executor.share` (loaded once per process)."""
    if not isinstance(handle, _Reference):
        return handle
    if handle not in _SHARED:
        _SHARED.clear()  # one shared value at a time: a new run's index replaces the old one
        _SHARED[handle] = handle.load()  # a loader raises rather than give nothing
    return _SHARED[handle]


def _init_worker(context: Context, parent: int | None = None, warm: bool = False) -> None:
    global _CONTEXT
    _CONTEXT = context
    if parent is not None:  # a local pool: die with the parent, whatever kills it
        from lint.processes import die_with_parent

        die_with_parent(parent)
    # Ctrl-C goes to the whole process group: the parent stops the pool, workers ignore it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm:  # every worker of the pool, before its first task
        _warm_up_worker()


def _warm_up_worker() -> None:
    assert _CONTEXT is not None, "worker not initialised"
    with contextlib.suppress(Exception):  # a missing model is reported by the task that needs it
        _CONTEXT.warm_up()


def _started() -> None:
    """A task that only makes the pool start its workers."""


def _call_in_worker(task: Task[X, Y], batch: Sequence[X], shared: Any) -> list[Y]:
    assert _CONTEXT is not None, "worker not initialised"
    return task.run(_CONTEXT, batch, shared)


def _crash_reason(exc: BaseException) -> str:
    if isinstance(exc, BrokenProcessPool):
        return "the worker process died (killed, out of memory or crashed)"
    return f"{type(exc).__name__}: {exc}"


# ---------------------------------------------------------------------------------------------


class SerialExecutor(Executor):
    """Everything in the calling process."""

    def __init__(self) -> None:
        self.context: Context | None = None

    def start(self, context: Context) -> None:
        self.context = context

    def share(self, value: Any, load: Loader | None) -> Any:
        return value

    def map(self, task: Task[X, Y], batches: Iterable[Sequence[X]], shared: Any = None) -> Iterator[list[Y]]:
        assert self.context is not None
        for batch in batches:
            yield task.run(self.context, batch, shared)


class ProcessExecutor(Executor):
    """A local process pool; each worker receives the context once, at start."""

    def __init__(self, jobs: int, start_method: str = "fork") -> None:
        self.jobs = max(1, jobs)
        self.start_method = start_method
        """fork: workers start in milliseconds and share the parent's imported modules; a
        process with threads (the language server) uses "forkserver": a fork taken while
        another thread holds a lock can hang the worker."""
        self.context: Context | None = None
        self.pool: ProcessPoolExecutor | None = None
        self.size = 0
        self.killed: list[int] = []
        """Workers this executor killed: their unfinished cache writes are removed."""
        self.used = False
        """Whether a task was submitted (a pool that only warmed up is killed, not awaited)."""

    def start(self, context: Context) -> None:
        self.context = context

    @property
    def workers(self) -> int:
        return self.size if self.pool is not None else self.jobs

    @property
    def separate_workers(self) -> bool:
        return self.jobs > 1

    def warm_up(self, workers: int = 1) -> None:
        """``workers`` workers warm the context up now (the engine asks when a rule may parse:
        spaCy). A run with one batch to do (pre-commit) asks for one: that worker takes it,
        pipeline loaded. A run with many asks for all: the pool the first map wants is already
        there, warm. A smaller pool is replaced when a map needs more; a pool that only warmed
        up is killed at close."""
        if self.context is None or self.pool is not None:
            return
        with signals_deferred():  # the first submit forks the workers
            self._new_pool(min(max(1, workers), self.jobs), warm=True).submit(_started)

    def _new_pool(self, size: int | None = None, warm: bool = False) -> ProcessPoolExecutor:
        """A fresh pool. Its first use sizes it: a run with one batch (a pre-commit run on one
        new article) gets one worker, which then loads spaCy once for both passes. ``warm``:
        each worker warms the context up as it starts."""
        if self.pool is not None:
            self._kill()
        import multiprocessing

        self.size = size or self.size or self.jobs
        context = multiprocessing.get_context(self.start_method)
        initializer: Any = _init_worker  # typeshed only knows initializers without arguments
        self.pool = ProcessPoolExecutor(
            self.size, mp_context=context, initializer=initializer,
            initargs=(self.context, os.getpid() if self.start_method == "fork" else None, warm),
        )
        return self.pool

    def share(self, value: Any, load: Loader | None) -> Any:
        # No loader (an in-memory cache: workers cannot read a dict in the parent): send the value.
        return value if load is None else _Reference(load)

    def _submit(self, task: Task[X, Y], batch: Sequence[X], shared: Any) -> Future[list[Y]]:
        assert self.pool is not None
        self.used = True
        with signals_deferred():  # a pool's first submit forks its workers
            return self.pool.submit(_call_in_worker, task, batch, shared)

    def map(self, task: Task[X, Y], batches: Iterable[Sequence[X]], shared: Any = None) -> Iterator[list[Y]]:
        """Submit the first batches now (the workers start before the first result is asked
        for, so the caller can do its own work meanwhile) and iterate over the results."""
        source = iter(batches)
        ahead = [b for b in (next(source, None) for _ in range(self.jobs)) if b is not None]
        if not ahead:
            return iter(())
        flight: deque[tuple[Sequence[X], Future[list[Y]]]] = deque()
        try:
            if self.pool is None or len(ahead) > self.size or self._broken():
                self._new_pool(len(ahead))
            source = itertools.chain(ahead, source)
            self._refill(task, source, flight, shared)
        except BaseException:
            self._kill()
            raise
        return self._drain(task, source, flight, shared)

    def _broken(self) -> bool:
        """Whether a worker of the current pool died after its last map had its results (a
        new map needs a new pool; ``_broken`` is a CPython internal, guarded)."""
        return bool(getattr(self.pool, "_broken", False))

    def _refill(
        self, task: Task[X, Y], source: Iterator[Sequence[X]],
        flight: deque[tuple[Sequence[X], Future[list[Y]]]], shared: Any,
    ) -> None:
        window = self.jobs * 4  # batches in flight: memory follows the window, not the corpus
        while len(flight) < window:
            batch = next(source, None)
            if batch is None:
                return
            flight.append((batch, self._submit(task, batch, shared)))

    def _drain(
        self, task: Task[X, Y], source: Iterator[Sequence[X]],
        flight: deque[tuple[Sequence[X], Future[list[Y]]]], shared: Any,
    ) -> Iterator[list[Y]]:
        try:
            while flight:
                batch, future = flight.popleft()
                try:
                    result = future.result()
                except BrokenProcessPool:
                    waiting = [b for b, _ in flight]
                    flight.clear()
                    self._new_pool()
                    result = self._one_by_one(task, batch, shared)
                    flight.extend((b, self._submit(task, b, shared)) for b in waiting)
                except Exception as exc:  # the engine catches rule errors; this is its own bug
                    result = [task.crashed(item, _crash_reason(exc)) for item in batch]
                yield result
                self._refill(task, source, flight, shared)
        except BaseException:
            self._kill()
            raise

    def _one_by_one(self, task: Task[X, Y], batch: Sequence[X], shared: Any) -> list[Y]:
        """Retry a batch whose worker died, one element at a time, to find the culprit."""
        out: list[Y] = []
        for item in batch:
            try:
                out.extend(self._submit(task, [item], shared).result())
            except BrokenProcessPool as exc:
                out.append(task.crashed(item, _crash_reason(exc)))
                self._new_pool()
            except Exception as exc:
                out.append(task.crashed(item, _crash_reason(exc)))
        return out

    def _kill(self) -> None:
        """Stop the pool now: SIGKILL its workers (a worker may be in the middle of a batch or
        of sending its result, and must not be able to delay the exit).

        A worker killed while it wrote a result leaves the pool's manager thread waiting in
        ``recv()`` for the rest of the message: the parent's own copy of the pipe's write end
        keeps the pipe open. Closing that copy gives the thread an EOF, it declares the pool
        broken and ends, and neither ``shutdown`` nor interpreter exit waits on it for ever.
        (``_result_queue`` and ``_executor_manager_thread`` are CPython internals; each use is
        guarded.)
        """
        pool, self.pool = self.pool, None
        if pool is None:
            return
        processes = list(getattr(pool, "_processes", {}).values())
        self.killed.extend(p.pid for p in processes if p.pid is not None)
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
        for process in processes:
            with contextlib.suppress(Exception):
                process.join(timeout=5)
        with contextlib.suppress(Exception):
            pool._result_queue._writer.close()  # type: ignore[attr-defined]
        with contextlib.suppress(Exception):
            pool.shutdown(wait=False, cancel_futures=True)
        manager = getattr(pool, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(timeout=5)

    def close(self) -> None:
        if not self.used:
            self._kill()  # it only warmed up: do not wait for spaCy to finish loading
            return
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _dask_call(batch: Sequence[X], task: Task[X, Y], context: Context, shared: Any) -> list[Y]:
    return task.run(context, batch, shared)


class DaskExecutor(Executor):
    """A dask.distributed cluster: the address of a running scheduler, or a LocalCluster."""

    def __init__(self, scheduler: str | None, jobs: int) -> None:
        import importlib

        distributed: Any = importlib.import_module("dask.distributed")  # optional: newslint[dask]
        self.jobs = max(1, jobs)
        self.cluster: Any = None
        self.client: Any
        if scheduler:
            self.client = distributed.Client(scheduler, timeout="30s")
        else:
            self.cluster = distributed.LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=40,
            )
            self.client = distributed.Client(self.cluster)
        self.context: Any = None

    def start(self, context: Context) -> None:
        self.context = self.client.scatter(context, broadcast=True, hash=False)

    def share(self, value: Any, load: Loader | None) -> Any:
        return self.client.scatter(value, broadcast=True, hash=False)

    def map(self, task: Task[X, Y], batches: Iterable[Sequence[X]], shared: Any = None) -> Iterator[list[Y]]:
        """Submit every batch now (Dask schedules them) and iterate over the results."""
        batches = list(batches)
        futures: list[Any] = self.client.map(
            _dask_call, batches, task=task, context=self.context, shared=shared, pure=False
        )
        return self._drain(task, batches, futures)

    def _drain(self, task: Task[X, Y], batches: list[Sequence[X]], futures: list[Any]) -> Iterator[list[Y]]:
        try:
            for batch, future in zip(batches, futures, strict=True):
                try:
                    result = future.result()
                except Exception as exc:  # KilledWorker after Dask's own retries, or a bug
                    result = [task.crashed(item, _crash_reason(exc)) for item in batch]
                future.release()
                yield result
        except BaseException:
            with contextlib.suppress(Exception):
                self.client.cancel(futures)
            raise

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
