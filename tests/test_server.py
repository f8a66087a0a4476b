"""``newslint server`` driven by a real LSP client (pygls's) over the server's stdio, as an
editor drives it: initialize, open, change, receive diagnostics, ask for code actions and
apply their edits, close, shut down."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from bench.lsp_session import EditorSession, apply_edit
from tests.conftest import newslint_command

PERSON = "Ottilie Brandvold"
FILLER = "The committee met for several hours before the vote was delayed."


def story(number: int) -> str:
    return (
        f"Harbour plan goes to council ({number})\n\n"
        f"Deputy Mayor {PERSON} said on Monday that the harbour plan would be published.\n\n"
        f"{FILLER}\n\nBrandvold added that the ferry terminal would be rebuilt next year.\n"
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A newsroom folder: a config naming the corpus, three articles that spell the deputy
    mayor's name one way."""
    (tmp_path / "newslint.toml").write_text('corpus = ["articles"]\njobs = 1\n', encoding="utf-8")
    (tmp_path / "articles").mkdir()
    for number in range(3):
        (tmp_path / "articles" / f"a{number}.txt").write_text(story(number), encoding="utf-8")
    return tmp_path


def session(root: Path) -> EditorSession:
    return EditorSession([*newslint_command(), "server"], root)


def run(coroutine: Coroutine[Any, Any, None]) -> None:
    asyncio.run(asyncio.wait_for(coroutine, 300))


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


def test_an_editor_session_gets_diagnostics_and_applies_a_quick_fix(workspace: Path) -> None:
    async def scenario() -> None:
        editor = session(workspace)
        init = await editor.start()
        capabilities = init.capabilities
        assert capabilities.code_action_provider and capabilities.text_document_sync
        # an emoji (two UTF-16 units) before the doubled word shifts its column by two
        text = ("Ferry debate\n\nOttilie Brandvolt 🚢 told reporters that the the terminal "
                "was too small.\n")
        uri = editor.open(workspace / "articles" / "new.txt", text)
        found = await editor.diagnostics(uri, 1)
        assert codes(found) == ["NL301", "NL401"]
        name = next(d for d in found if d.code == "NL401")
        assert "Ottilie Brandvold" in name.message and "3 files" in name.message
        assert name.range == types.Range(types.Position(2, 0), types.Position(2, 17))
        assert name.related_information and all(
            r.location.uri.endswith(("a0.txt", "a1.txt", "a2.txt")) for r in name.related_information)
        doubled = next(d for d in found if d.code == "NL301")
        column = text.split("\n")[2].index("the the")
        assert doubled.range.start == types.Position(2, column + 1)  # +1: the emoji's 2nd unit

        # the quick fix of the doubled word, applied as an editor applies it
        actions = await editor.code_actions(uri, doubled.range, [doubled])
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert len(quick) == 1 and quick[0].is_preferred
        assert quick[0].edit is not None and quick[0].edit.changes is not None
        version = editor.edit(uri, quick[0].edit.changes[uri])
        assert "that the terminal" in editor.texts[uri]
        assert codes(await editor.diagnostics(uri, version)) == ["NL401"]

        # the name fix is unsafe: offered as a rewrite to review, not as a quick fix
        name_actions = await editor.code_actions(uri, name.range, [name])
        assert [a.kind for a in name_actions] == [types.CodeActionKind.RefactorRewrite]
        version = editor.change(uri, editor.texts[uri].replace("Brandvolt", "Brandvold"))
        assert await editor.diagnostics(uri, version) == []  # look-alike: the right spelling

        editor.close(uri)
        assert await editor.diagnostics(uri, None) == []
        assert await editor.stop() == 0

    run(scenario())


def test_fix_all_applies_every_safe_fix_and_keeps_the_rest(workspace: Path) -> None:
    # with a pool of workers (the server has threads: they start from a fork server)
    (workspace / "newslint.toml").write_text('corpus = ["articles"]\njobs = 2\n', encoding="utf-8")

    async def scenario() -> None:
        editor = session(workspace)
        await editor.start()
        text = "Ferry debate\n\nThe the mayor said the the terminal was small .\n"
        uri = editor.open(workspace / "draft.txt", text)
        found = await editor.diagnostics(uri, 1)
        assert {"NL301", "NL302"} <= set(codes(found))
        everything = types.Range(types.Position(0, 0), types.Position(3, 0))
        actions = await editor.code_actions(uri, everything, only=["source.fixAll"])
        assert [a.kind for a in actions] == ["source.fixAll.newslint"]
        assert actions[0].edit is not None and actions[0].edit.changes is not None
        fixed = text
        for edit in actions[0].edit.changes[uri]:
            fixed = apply_edit(fixed, edit)
        assert fixed == "Ferry debate\n\nThe mayor said the terminal was small.\n"
        version = editor.edit(uri, actions[0].edit.changes[uri])
        assert not {"NL301", "NL302"} & set(codes(await editor.diagnostics(uri, version)))
        assert await editor.stop() == 0

    run(scenario())


def test_unsaved_edits_of_corpus_articles_are_what_the_corpus_says(workspace: Path) -> None:
    async def scenario() -> None:
        editor = session(workspace)
        await editor.start()
        variant = "Ferry debate\n\nOttilie Brandvolt told reporters the terminal was too small.\n"
        uri = editor.open(workspace / "articles" / "new.txt", variant)
        assert codes(await editor.diagnostics(uri, 1)) == ["NL401"]
        # two corpus articles respelled in the editor, not saved: "Brandvolt" is now the
        # spelling of three articles, no longer a rare slip
        others = []
        for number in (0, 1):
            other = editor.open(workspace / "articles" / f"a{number}.txt", story(number))
            version = editor.change(other, story(number).replace("Brandvold", "Brandvolt"))
            await editor.diagnostics(other, version)
            others.append(other)
        version = editor.change(uri, variant + "\nMore later.\n")
        assert codes(await editor.diagnostics(uri, version)) == []
        for other in others:  # closed without saving: the files on disk count again
            editor.close(other)
        version = editor.change(uri, variant)
        assert codes(await editor.diagnostics(uri, version)) == ["NL401"]
        assert await editor.stop() == 0

    run(scenario())


def test_a_bad_config_is_shown_to_the_editor_and_the_server_keeps_running(workspace: Path) -> None:
    (workspace / "newslint.toml").write_text('corpus = ["articles"]\nselectt = ["NL1"]\n',
                                             encoding="utf-8")

    async def scenario() -> None:
        editor = session(workspace)
        await editor.start()
        editor.open(workspace / "articles" / "new.txt", "Title\n\nThe the text.\n")
        for _ in range(300):
            if editor.logs:
                break
            await asyncio.sleep(0.1)
        assert any("selectt" in message for message in editor.logs), editor.logs
        assert await editor.stop() == 0

    run(scenario())
