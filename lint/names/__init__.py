"""Name mentions, folding and the corpus name authority (see docs/names.md)."""
