"""The language server for editors (``newslint server``); needs pygls (the ``server`` extra)."""

from lint.server.lsp import build_server, serve

__all__ = ["build_server", "serve"]
