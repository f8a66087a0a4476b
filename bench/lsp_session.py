"""An editor's side of ``newslint server``: pygls's real LSP client over the server's stdio.

Used by tests/test_server.py and bench/bench_server.py: start the server as a subprocess,
initialize, open and change articles, wait for their published diagnostics, ask for code
actions and apply their edits to the text as an editor does (UTF-16 positions).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path


class EditorSession:
    """One editor connected to one ``newslint server`` process."""

    def __init__(self, command: Sequence[str], root: Path) -> None:
        self.command = list(command)
        self.root = root
        self.client = LanguageClient("newslint-test-editor", "1")
        self.published: dict[str, list[tuple[int | None, list[types.Diagnostic], float]]] = {}
        self.arrived = asyncio.Event()
        self.logs: list[str] = []
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self.stderr: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(
                (params.version, list(params.diagnostics), time.perf_counter()))
            self.arrived.set()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def log_message(client: LanguageClient, params: types.LogMessageParams) -> None:
            self.logs.append(params.message)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def show_message(client: LanguageClient, params: types.ShowMessageParams) -> None:
            self.logs.append(params.message)

    async def start(self, options: dict[str, Any] | None = None) -> types.InitializeResult:
        await self.client.start_io(self.command[0], *self.command[1:], cwd=str(self.root))
        self._drain = asyncio.create_task(self._read_stderr())
        result = await self.client.initialize_async(types.InitializeParams(
            process_id=None,
            root_uri=from_fs_path(str(self.root)),
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                        related_information=True, version_support=True),
                    code_action=types.CodeActionClientCapabilities(
                        code_action_literal_support=types.ClientCodeActionLiteralOptions(
                            code_action_kind=types.ClientCodeActionKindOptions(value_set=[
                                types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite,
                                types.CodeActionKind.SourceFixAll,
                            ])))),
            ),
            initialization_options=options,
        ))
        self.client.initialized(types.InitializedParams())
        return result

    async def _read_stderr(self) -> None:
        """Keep the server's standard error (its log) read, as an editor does: a full pipe
        would block the server."""
        server = self.client._server
        if server is None or server.stderr is None:
            return
        while line := await server.stderr.readline():
            self.stderr.append(line.decode("utf-8", "replace").rstrip())

    def open(self, path: Path, text: str, language: str = "plaintext") -> str:
        uri = from_fs_path(str(path)) or str(path)
        self.versions[uri] = 1
        self.texts[uri] = text
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, text: str) -> int:
        """Replace the whole text (one content change without a range); the new version."""
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        ))
        return self.versions[uri]

    def edit(self, uri: str, edits: Sequence[types.TextEdit]) -> int:
        """Apply ``edits`` (from a code action) to the text and send them as ranged changes,
        last first, as an editor does; the new version."""
        self.versions[uri] += 1
        text = self.texts[uri]
        changes: list[types.TextDocumentContentChangeEvent] = []
        for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                           reverse=True):
            text = apply_edit(text, edit)
            changes.append(types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text))
        self.texts[uri] = text
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes,
        ))
        return self.versions[uri]

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            types.TextDocumentIdentifier(uri)))

    async def diagnostics(self, uri: str, version: int | None = None,
                          timeout: float = 180.0) -> list[types.Diagnostic]:
        """The diagnostics published for ``uri`` (at ``version`` when given), waiting for them."""
        found = await self.wait_for(uri, version, timeout)
        return found[1]

    async def wait_for(self, uri: str, version: int | None = None,
                       timeout: float = 180.0) -> tuple[int | None, list[types.Diagnostic], float]:
        deadline = time.monotonic() + timeout
        while True:
            for item in reversed(self.published.get(uri, [])):
                if version is None or item[0] == version:
                    return item
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no diagnostics for {uri} (version {version}); "
                                   f"server said: {self.logs}")
            self.arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), left)

    async def code_actions(self, uri: str, where: types.Range,
                           diagnostics: Sequence[types.Diagnostic] = (),
                           only: Sequence[str] | None = None) -> list[types.CodeAction]:
        result = await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=where,
            context=types.CodeActionContext(diagnostics=list(diagnostics),
                                            only=list(only) if only else None),
        ))
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    async def stop(self) -> int | None:
        """Shut the server down as an editor does; its exit code."""
        server = self.client._server
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 30)
            self.client.exit(None)
            if server is not None:
                await asyncio.wait_for(server.wait(), 30)
        finally:
            await self.client.stop()
        return server.returncode if server is not None else None


def apply_edit(text: str, edit: types.TextEdit) -> str:
    """``text`` with one LSP edit applied (positions in UTF-16 code units)."""
    start, end = offset(text, edit.range.start), offset(text, edit.range.end)
    return text[:start] + edit.new_text + text[end:]


def offset(text: str, position: types.Position) -> int:
    """The code-point offset in ``text`` of an LSP position (UTF-16 columns)."""
    lines = text.split("\n")
    line = min(position.line, len(lines) - 1)
    before = sum(len(x) + 1 for x in lines[:line])
    units = 0
    for column, char in enumerate(lines[line]):
        if units >= position.character:
            return before + column
        units += 2 if ord(char) > 0xFFFF else 1
    return before + len(lines[line])
