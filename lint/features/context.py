"""The article's context, once per document: its country and likely source languages, and
the words of other languages it carries (lint/context/).

NL502 reads the country, NL504 the source languages, NL512 and NL507 the foreign words, and
NL505 the country (a proper name of the article's own country in another locale's spelling).
"""

from __future__ import annotations

from typing import Any

from lint.context.country import document_country
from lint.context.gazetteer import gazetteer_for
from lint.context.languages import main_source, source_languages
from lint.document import Document
from lint.features.base import AnalysisEnv, Feature
from lint.roles import LineRoles


class Context(Feature):
    key = "context"

    def analyze(self, document: Document, roles: LineRoles, env: AnalysisEnv) -> Any:
        from lint.context.foreign import foreign_words, weak_foreign_words
        from lint.rules.typography import typography_table

        guess = document_country(document.lines, roles, gazetteer_for(env.packs))
        marks = typography_table(env.packs).languages_of(document.text)
        foreign = foreign_words(document, roles, env.packs)
        languages = source_languages(guess.code, marks, [w.language for w in foreign if w.language])
        source = main_source(languages)
        if source is not None:
            foreign = [*foreign, *weak_foreign_words(document, roles, env.packs, source, foreign)]
        return {
            **guess.to_dict(),
            "languages": languages,
            "foreign": [w.to_tuple() for w in foreign],
        }
