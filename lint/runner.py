"""Choose the executor and the cache a run uses, from the config."""

from __future__ import annotations

from collections.abc import Sequence

from lint.cache import Cache, MemoryCache, default_root, namespace
from lint.config import Config
from lint.executors import DaskExecutor, Executor, ProcessExecutor, SerialExecutor, default_jobs
from lint.packs import Pack
from lint.rules.base import Rule


def make_executor(config: Config) -> Executor:
    """Dask when asked; else a process pool with one worker per core; ``jobs = 1``: no pool."""
    jobs = config.jobs or default_jobs()
    if config.executor == "dask":
        return DaskExecutor(config.scheduler, jobs)
    if jobs > 1:
        return ProcessExecutor(jobs)
    return SerialExecutor()


def make_cache(
    config: Config, rules: Sequence[Rule], packs: Sequence[Pack], executor: Executor
) -> Cache:
    """The persistent cache, or with ``cache = false`` one that lasts for this run: in memory
    for a serial run, in a temporary folder when workers must read it."""
    space = namespace(
        config.fingerprint(),
        [pack.source for pack in packs],
        [f"{rule.code}:{type(rule).__module__}.{type(rule).__qualname__}" for rule in rules],
    )
    if config.cache:
        return Cache(config.cache_dir or default_root(config.source), space)
    if isinstance(executor, SerialExecutor):
        return MemoryCache()
    return Cache.temporary_dir(space)
