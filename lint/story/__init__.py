"""The story layer: articles about one event, their aligned sentences, and the odd ones out.

Other outlets that tell the same story are the best reference an article has: a wire story
republished by several sites, or a local paper's article machine-translated into English,
repeats the facts, names, quotations and institutions of its siblings, and a round-trip artifact
is the odd one out against them. See docs/stories.md.
"""
