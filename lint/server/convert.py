"""newslint's diagnostics and fixes as LSP types (lsprotocol).

newslint counts lines from 1 and columns in code points from 1; LSP counts both from 0 and
columns in the client's position encoding (UTF-16 unless it asked for another), which
pygls's ``PositionCodec`` converts to. A JSONL record's findings point at its line in the
file; an HTML page's at its first line (they are found in the extracted text).
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from lint.diagnostic import Diagnostic, Fix, Severity
from lint.document import normalize_newlines
from lint.fixes import apply_edits
from lint.formats import format_of
from lint.live import Checked

SOURCE = "newslint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
"""The code action kind of "apply every safe fix" (``source.fixAll.newslint``, as ruff's)."""


class Positions:
    """Converts a checked text's offsets and 1-based places into LSP positions."""

    def __init__(self, checked: Checked, codec: PositionCodec) -> None:
        self.codec = codec
        self.format = format_of(checked.path)
        self.fixable = self.format == "text" and len(checked.documents) == 1
        self.document = checked.documents[0] if self.fixable else None
        self.lines = self.document.lines if self.document else normalize_newlines(checked.text).split("\n")

    def at(self, line: int, column: int) -> types.Position:
        """The LSP position of a 1-based line and code-point column of the text."""
        line = max(0, min(line - 1, len(self.lines) - 1))
        column = max(0, min(column - 1, len(self.lines[line])))
        return self.codec.position_to_client_units(self.lines, ServerTextPosition(line, column))

    def span(self, diagnostic: Diagnostic) -> types.Range:
        if diagnostic.record is not None:  # JSONL: the record's line
            line = diagnostic.record
            return types.Range(self.at(line, 1), self.at(line, len(self.lines[line - 1]) + 1))
        if self.format == "html":
            return types.Range(self.at(1, 1), self.at(1, 1))
        return types.Range(self.at(diagnostic.line, diagnostic.column),
                           self.at(diagnostic.end_line, diagnostic.end_column))

    def offset(self, offset: int) -> types.Position:
        assert self.document is not None
        place = self.document.position(offset)
        return self.at(place.line, place.column)

    def end(self) -> types.Position:
        return self.at(len(self.lines), len(self.lines[-1]) + 1)


def lsp_diagnostic(diagnostic: Diagnostic, positions: Positions) -> types.Diagnostic:
    message = diagnostic.message
    if diagnostic.suggestion and diagnostic.suggestion not in message:
        message += f" (suggestion: {diagnostic.suggestion})"
    return types.Diagnostic(
        range=positions.span(diagnostic),
        message=message,
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        source=SOURCE,
        related_information=[
            types.DiagnosticRelatedInformation(
                location=types.Location(
                    uri=from_fs_path(related.path) or related.path,
                    range=types.Range(
                        types.Position(related.line - 1, related.column - 1),
                        types.Position(related.line - 1, related.column - 1),
                    ),
                ),
                message=related.message or diagnostic.name,
            )
            for related in diagnostic.related
        ] or None,
        data={"name": diagnostic.name},
    )


def lsp_diagnostics(checked: Checked, codec: PositionCodec) -> list[types.Diagnostic]:
    positions = Positions(checked, codec)
    return [lsp_diagnostic(d, positions) for d in checked.diagnostics]


def text_edits(fix: Fix, positions: Positions) -> list[types.TextEdit]:
    return [
        types.TextEdit(types.Range(positions.offset(e.start), positions.offset(e.end)), e.replacement)
        for e in sorted(fix.edits, key=lambda e: e.start)
    ]


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def code_actions(
    uri: str, checked: Checked, codec: PositionCodec, wanted: types.Range,
    only: Sequence[str] | None = None,
) -> list[types.CodeAction]:
    """Quick fixes (safe fixes) and rewrites (unsafe ones) of the findings in ``wanted``, and
    "fix all" (every safe fix of the article), as ruff's server offers them."""
    positions = Positions(checked, codec)
    if not positions.fixable:
        return []
    actions: list[types.CodeAction] = []
    for diagnostic in checked.diagnostics:
        fix = diagnostic.fix
        if fix is None or not fix.edits:
            continue
        lsp = lsp_diagnostic(diagnostic, positions)
        if not _overlaps(lsp.range, wanted):
            continue
        kind = types.CodeActionKind.QuickFix if fix.safe else types.CodeActionKind.RefactorRewrite
        title = fix.description or f"apply {diagnostic.name}'s fix"
        actions.append(types.CodeAction(
            title=f"newslint: {title} ({diagnostic.code})" + ("" if fix.safe else " [unsafe: review it]"),
            kind=kind,
            diagnostics=[lsp],
            is_preferred=fix.safe,
            edit=types.WorkspaceEdit(changes={uri: text_edits(fix, positions)}),
        ))
    fix_all = _fix_all(uri, checked, positions)
    if fix_all is not None:
        actions.append(fix_all)
    if only:
        actions = [a for a in actions if any(_kind_in(a.kind, k) for k in only)]
    return actions


def _kind_in(kind: str | types.CodeActionKind | None, wanted: str) -> bool:
    value = kind.value if isinstance(kind, types.CodeActionKind) else (kind or "")
    return value == wanted or value.startswith(f"{wanted}.")


def _fix_all(uri: str, checked: Checked, positions: Positions) -> types.CodeAction | None:
    safe = [d.fix for d in checked.diagnostics if d.fix is not None and d.fix.safe and d.fix.edits]
    document = positions.document
    if not safe or document is None:
        return None
    fixed, applied = apply_edits(document.text, safe)
    if not applied or fixed == document.text:
        return None
    return types.CodeAction(
        title=f"newslint: apply {applied} safe fix{'es' if applied != 1 else ''}",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(
            types.Range(types.Position(0, 0), positions.end()),
            fixed.replace("\n", document.newline),
        )]}),
    )
