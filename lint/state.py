"""The kept corpus state: the index builder's reducer state, saved between runs.

After building an index from scratch the engine keeps the builder's reducer state, keyed by the
set of file keys it holds, and a manifest naming the latest one. A later run whose files differ
by a few (pre-commit: one new or edited article) loads that state, removes the files that are
gone or changed (their old analyses are still cached), adds the new ones, and builds the index
from it: the same index as from scratch, since incremental reducers do not depend on order
(tests/test_incremental.py checks this), without reading 10^4 cached analyses.
"""

from __future__ import annotations

from collections.abc import Sequence

from lint.cache import Cache
from lint.cache_kinds import STATE_MANIFEST, CacheKind
from lint.corpus import IndexBuilder
from lint.features.base import Feature
from lint.hashing import digest
from lint.tasks import stored_analyses

STATE_MAX_CHANGES = 0.2
"""The kept state is used when at most this share of the corpus changed."""
STATE_SAVE_AFTER = 16
"""A state updated by more changes than this is kept again (the manifest then points at it)."""

Manifest = tuple[str, frozenset[str]]
"""(state key, the file keys it holds)."""


def kept_manifest(
    features: Sequence[Feature], cache: Cache, keys: dict[str, str | None]
) -> Manifest | None:
    """The kept state's manifest when it is close enough to this run's files to update."""
    if not IndexBuilder(features).incremental:
        return None
    manifest = cache.get(CacheKind.STATE, STATE_MANIFEST)
    if not (isinstance(manifest, tuple) and len(manifest) == 2 and isinstance(manifest[1], frozenset)):
        return None
    current = {k for k in keys.values() if k}
    held: frozenset[str] = manifest[1]
    changes = len(held - current) + len(current - held)
    if changes > max(STATE_SAVE_AFTER, STATE_MAX_CHANGES * len(current)):
        return None
    return manifest


def start_builder(
    features: Sequence[Feature], cache: Cache, base: Manifest | None, keys: dict[str, str | None]
) -> tuple[IndexBuilder, dict[str, str]]:
    """A builder holding the kept state minus the files that left it, and the files it holds
    (path -> key); a new, empty builder when there is no usable state."""
    empty: tuple[IndexBuilder, dict[str, str]] = (IndexBuilder(features), {})
    if base is None:
        return empty
    state = cache.get(CacheKind.STATE, base[0])
    fresh = empty[0].reducers
    if not isinstance(state, IndexBuilder) or {k: type(r) for k, r in state.reducers.items()} != {
        k: type(r) for k, r in fresh.items()
    }:
        return empty  # another set of features: start over
    current = {k for k in keys.values() if k}
    try:
        for gone in base[1] - current:
            analyses = stored_analyses(cache, gone)
            if analyses is None:
                return empty  # cannot take it out: start over
            for analysis in analyses:
                state.remove(analysis)
    except Exception:  # a state that does not hold what it claims: start over
        return (IndexBuilder(features), {})
    return state, {p: k for p, k in keys.items() if k and k in base[1]}


def keep_state(
    cache: Cache, builder: IndexBuilder, base: Manifest | None, keys: Sequence[str | None]
) -> None:
    """Keep the builder's state for later runs unless it is the kept one plus a few changes."""
    held = frozenset(k for k in keys if k)
    if not builder.incremental:
        return
    if base is not None and len(held - base[1]) + len(base[1] - held) <= STATE_SAVE_AFTER:
        return
    key = digest(cache.dir.name, "state", *sorted(held))
    previous = cache.get(CacheKind.STATE, STATE_MANIFEST)
    cache.put(CacheKind.STATE, key, builder)
    cache.put(CacheKind.STATE, STATE_MANIFEST, (key, held))
    if isinstance(previous, tuple) and previous and previous[0] != key:
        cache.discard(CacheKind.STATE, previous[0])  # one kept state per namespace, not one per change
