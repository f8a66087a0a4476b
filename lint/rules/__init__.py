"""Built-in code rules, by module. Each module exports ``RULES``."""

from lint.rules import boilerplate, repetition, transcription
from lint.rules.base import Rule

BUILTIN_MODULES = [boilerplate, repetition, transcription]


def builtin_rule_classes() -> list[type[Rule]]:
    return [cls for module in BUILTIN_MODULES for cls in module.RULES]
