"""newslint: a source-reliability and translation-artifact linter for news corpora."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newslint")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
