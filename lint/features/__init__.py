"""The built-in features, by key."""

from lint.features.base import AnalysisEnv, DocumentAnalysis, Feature, Reducer
from lint.features.context import Context
from lint.features.lines import LineHashes
from lint.features.names import Names
from lint.features.quotes import Quotes
from lint.features.story import Story
from lint.features.vocab import Vocab

FEATURES: dict[str, type[Feature]] = {
    LineHashes.key: LineHashes,
    Vocab.key: Vocab,
    Names.key: Names,
    Quotes.key: Quotes,
    Story.key: Story,
    Context.key: Context,
}

__all__ = ["FEATURES", "AnalysisEnv", "DocumentAnalysis", "Feature", "Reducer"]
