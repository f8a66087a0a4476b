"""``newslint server``: a language server (LSP over stdio, built on pygls).

After ``initialized`` the server analyses the corpus once in a background thread (the
``corpus`` of the workspace's config, else every article of the workspace; with the cache and
worker processes, as ``newslint check`` does) and keeps its index in memory
(``lint.live``). Each article the editor opens or changes is then checked against it, and the
diagnostics published; its fixes are code actions: safe fixes as quick fixes, unsafe ones as
rewrites to review, and ``source.fixAll.newslint`` for every safe fix at once.

Changes are checked after a short pause (``DEBOUNCE``), so a burst of keystrokes costs one
check; articles opened while the corpus loads are checked when it is ready.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.cache import Cache
from lint.config import Config, ConfigError, find_config, read_config_file
from lint.executors import ProcessExecutor
from lint.live import Checked, LiveCorpus
from lint.packs import PackError
from lint.plugins import PluginError
from lint.registry import load_rule_set, select_rules
from lint.runner import make_cache, make_executor
from lint.server.convert import FIX_ALL, code_actions, lsp_diagnostics

DEBOUNCE = 0.02
"""Seconds a change waits for the next one before it is checked."""

log = logging.getLogger("newslint.server")


class NewslintServer(LanguageServer):
    """The editor's view of a newslint corpus: one LiveCorpus, the last check of each article."""

    def __init__(self) -> None:
        super().__init__("newslint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.corpus: LiveCorpus | None = None
        self.cache: Cache | None = None
        self.failed: str | None = None
        self.checked: dict[str, tuple[int | None, Checked]] = {}
        """uri -> (document version, its last check)."""
        self.waiting: set[str] = set()
        """Articles opened before the corpus was ready."""
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.config_path: str | None = None

    # -- the corpus ----------------------------------------------------------------------------

    def root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def load_config(self) -> Config:
        if self.config_path:
            found = read_config_file(Path(self.config_path))
            if found is None:
                raise ConfigError(f"{self.config_path}: no [tool.newslint] table")
            return found
        return find_config(self.root())

    def start_corpus(self) -> None:
        """Analyse the corpus in a thread; the event loop stays free for the editor."""
        loop = asyncio.get_running_loop()
        threading.Thread(target=self._load_corpus, args=(loop,), name="newslint-corpus",
                         daemon=True).start()

    def _load_corpus(self, loop: asyncio.AbstractEventLoop) -> None:
        began = time.monotonic()
        try:
            config = self.load_config()
            rule_set = load_rule_set(config)
            rules = select_rules(rule_set, config)
            executor = make_executor(config)
            if isinstance(executor, ProcessExecutor):
                executor.start_method = "forkserver"  # see ProcessExecutor: this process has threads
            self.cache = make_cache(config, rules, rule_set.packs, executor)
            corpus = LiveCorpus.start(config, rules, rule_set.packs, self.root(), executor,
                                      self.cache)
        except (ConfigError, PackError, PluginError, OSError, ImportError) as exc:
            loop.call_soon_threadsafe(self._corpus_failed, str(exc))
            return
        parts = ", ".join(f"{k} {v:.1f} s" for k, v in corpus.timings.items())
        message = (f"newslint: {corpus.files:,} corpus files indexed in "
                   f"{time.monotonic() - began:.1f} s ({parts})")
        loop.call_soon_threadsafe(self._corpus_ready, corpus, message)

    def _corpus_failed(self, reason: str) -> None:
        self.failed = reason
        self.window_show_message(types.ShowMessageParams(types.MessageType.Error,
                                                         f"newslint: {reason}"))

    def _corpus_ready(self, corpus: LiveCorpus, message: str) -> None:
        self.corpus = corpus
        self.window_log_message(types.LogMessageParams(types.MessageType.Info, message))
        for uri in sorted(self.waiting):
            self.lint(uri)
        self.waiting.clear()

    # -- checking ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float = DEBOUNCE) -> None:
        """Check ``uri`` after ``delay`` unless another change comes first."""
        if self.corpus is None:
            self.waiting.add(uri)
            return
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.timers[uri] = asyncio.get_running_loop().call_later(delay, self.lint, uri)

    def lint(self, uri: str) -> None:
        """Check the editor's text of ``uri`` and publish its diagnostics."""
        self.timers.pop(uri, None)
        path = to_fs_path(uri)
        if self.corpus is None or path is None or uri not in self.workspace.text_documents:
            return
        document = self.workspace.get_text_document(uri)
        try:
            checked = self.corpus.check(path, document.source)
        except Exception:  # never take the editor's server down with one article
            log.exception("checking %s failed", path)
            return
        self.checked[uri] = (document.version, checked)
        codec = self.workspace.position_codec
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=lsp_diagnostics(checked, codec),
        ))

    def close(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.waiting.discard(uri)
        self.checked.pop(uri, None)
        path = to_fs_path(uri)
        if self.corpus is not None and path is not None:
            self.corpus.close(path)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        found = self.checked.get(uri)
        if found is None or uri not in self.workspace.text_documents:
            return []
        version, checked = found
        if version != self.workspace.get_text_document(uri).version:
            self.lint(uri)  # the text changed since: fixes must match it
            found = self.checked.get(uri)
            if found is None:
                return []
            checked = found[1]
        return code_actions(uri, checked, self.workspace.position_codec, params.range,
                            params.context.only)


def build_server() -> NewslintServer:
    """The server with its handlers registered."""
    server = NewslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        options: Any = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("config"), str):
            ls.config_path = os.path.expanduser(options["config"])

    @server.feature(types.INITIALIZED)
    def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        ls.start_corpus()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[
            types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite, FIX_ALL,
        ]),
    )
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.actions(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        if ls.cache is not None:
            ls.cache.close()

    return server


def serve() -> None:
    """Run the server on standard input and output until the editor says ``exit``."""
    logging.basicConfig(level=logging.WARNING, format="newslint server: %(message)s")
    build_server().start_io()
