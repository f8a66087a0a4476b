"""Built-in code rules, by module. Each module exports ``RULES``."""

from lint.rules import (
    boilerplate,
    directives,
    facts,
    foreign,
    grammar,
    jurisdiction,
    mt,
    repetition,
    spelling,
    transcription,
    typography,
    wording,
)
from lint.rules import locale as locale_rules
from lint.rules import names as name_rules
from lint.rules import quotes as quote_rules
from lint.rules.base import Rule

BUILTIN_MODULES = [directives, boilerplate, repetition, transcription, mt, locale_rules, spelling, grammar,
                   name_rules, quote_rules, jurisdiction, facts, wording, typography, foreign]


def builtin_rule_classes() -> list[type[Rule]]:
    return [cls for module in BUILTIN_MODULES for cls in module.RULES]
