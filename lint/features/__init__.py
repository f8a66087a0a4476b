"""The built-in features, by key."""

from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.features.lines import LineHashes

FEATURES: dict[str, type[Feature]] = {
    LineHashes.key: LineHashes,
}

__all__ = ["FEATURES", "AnalysisEnv", "DocumentAnalysis", "Feature", "Reducer"]
