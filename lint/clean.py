"""``newslint clean PATH --out DIR``: the corpus without its boilerplate lines, for dataset
pipelines.

A line goes when a boilerplate or repetition finding (NL1xx, NL201, NL203) of warning or error
severity covers the whole of it; findings on part of a line (a leaked field before the first
sentence, a sentence repeated inside a paragraph) leave the line alone. Text and Markdown files
are written back as text, JSONL files record by record with only the text field changed, HTML
pages as the extracted text (``.txt``). Outputs go under DIR, mirroring the input folders; an
existing output is never overwritten without ``--force``, and the input is rewritten only with
``--in-place``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from lint.cli_options import GroupedCommand, GroupedOption, setting_options
from lint.command import execute, prepare
from lint.config import Config
from lint.diagnostic import Diagnostic, Severity
from lint.discover import Missing, discover
from lint.document import Document
from lint.errors import EXIT_ERROR, EXIT_OK, fail
from lint.formats import format_of
from lint.loader import load
from lint.progress import ProgressBar
from lint.text import counted

LINE_CODES = ("NL201", "NL203")
"""Repetition findings that cover whole lines (NL202 covers part of one)."""


def removable(diagnostic: Diagnostic, document: Document) -> set[int]:
    """The lines a finding removes: all it covers, when it is a boilerplate or repeated-line
    warning or error that spans each of them from its first to its last character."""
    if diagnostic.severity < Severity.WARNING:
        return set()
    if not (diagnostic.code.startswith("NL1") or diagnostic.code in LINE_CODES):
        return set()
    first, last = diagnostic.line, diagnostic.end_line or diagnostic.line
    if not 1 <= first <= last <= document.line_count:
        return set()
    text = document.line(first)
    starts_at_text = diagnostic.column <= len(text) - len(text.lstrip()) + 1
    end_text = document.line(last).rstrip()
    ends_at_end = (diagnostic.end_column or 0) >= len(end_text) + 1 or last > first
    if not (starts_at_text and ends_at_end):
        return set()
    return set(range(first, last + 1))


def without_lines(document: Document, lines: set[int]) -> str:
    """The document's text without ``lines``; the blank lines they leave are collapsed."""
    kept: list[str] = []
    for number, line in enumerate(document.lines, start=1):
        if number in lines:
            continue
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue  # no blank line at the top, none doubled where a line went
        kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept) + "\n" if kept else ""


@dataclass
class CleanReport:
    """What a clean run did."""

    files: int = 0
    documents: int = 0
    changed: int = 0
    lines: int = 0
    characters: int = 0
    written: list[str] = field(default_factory=list)
    by_code: dict[str, int] = field(default_factory=dict)


def output_path(path: str, roots: Sequence[str], out_dir: Path | None) -> Path:
    """Where a cleaned file goes: beside itself with ``--in-place`` (``out_dir`` None), else
    under ``out_dir`` at its path below the folder it was found in (HTML becomes ``.txt``)."""
    source = Path(path)
    if out_dir is None:
        return source
    relative = Path(source.name)
    for root in roots:
        if os.path.isdir(root):
            try:
                relative = source.resolve().relative_to(Path(root).resolve())
                break
            except ValueError:
                continue
    target = out_dir / relative
    if format_of(path) == "html":
        target = target.with_suffix(".txt")
    return target


def _by_document(diagnostics: Iterable[Diagnostic]) -> dict[tuple[str, int | None], list[Diagnostic]]:
    found: dict[tuple[str, int | None], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        key = (os.path.realpath(diagnostic.path), diagnostic.record)
        found.setdefault(key, []).append(diagnostic)
    return found


def clean_corpus(
    files: Sequence[str],
    roots: Sequence[str],
    diagnostics: Iterable[Diagnostic],
    config: Config,
    out_dir: Path | None,
) -> CleanReport:
    """Write every file of the run without its boilerplate lines."""
    report = CleanReport()
    findings = _by_document(diagnostics)
    for path in files:
        loaded = load(path, config.encoding, config.max_file_size, config.jsonl_fields)
        if not loaded.documents:
            continue
        report.files += 1
        cleaned: dict[int | None, str] = {}
        for document in loaded.documents:
            report.documents += 1
            drop: set[int] = set()
            for diagnostic in findings.get((os.path.realpath(path), document.record), ()):
                lines = removable(diagnostic, document) - drop
                if lines:
                    report.by_code[diagnostic.code] = report.by_code.get(diagnostic.code, 0) + len(lines)
                drop |= lines
            text = without_lines(document, drop)
            cleaned[document.record] = text
            if drop:
                report.changed += 1
                report.lines += sum(1 for n in drop if document.line(n).strip())
                report.characters += len(document.text) - len(text)
        target = output_path(path, roots, out_dir)
        _write(path, target, loaded.documents, cleaned, config)
        report.written.append(str(target))
    return report


def _write(
    path: str, target: Path, documents: Sequence[Document], cleaned: dict[int | None, str],
    config: Config,
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if format_of(path) != "jsonl":
        document = documents[0]
        text = cleaned[document.record]
        if format_of(path) != "html":
            text = text.replace("\n", document.newline)
        data = text.encode(document.encoding if format_of(path) != "html" else "utf-8")
        target.write_bytes((b"\xef\xbb\xbf" if document.had_bom else b"") + data)
        return
    field_name = config.jsonl_fields.text
    raw_lines = Path(path).read_text(encoding=documents[0].encoding).splitlines()
    out: list[str] = []
    for number, raw in enumerate(raw_lines, start=1):
        if number in cleaned:
            record = json.loads(raw)
            record[field_name] = cleaned[number]
            out.append(json.dumps(record, ensure_ascii=False))
        elif raw.strip():
            out.append(raw)  # a record newslint could not read goes through unchanged
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


def planned_files(paths: Sequence[str], config: Config) -> tuple[list[str], list[str]]:
    """The files a run reads, and the paths that do not exist."""
    files: list[str] = []
    missing: list[str] = []
    for found in discover(paths, config.include, config.exclude):
        if isinstance(found, Missing):
            missing.append(found.path)
        else:
            files.append(found)
    return files, missing


@click.command("clean", cls=GroupedCommand)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", type=click.Path(file_okay=False), cls=GroupedOption,
              group="output", help="Folder for the cleaned corpus (it mirrors the input folders).")
@click.option("--in-place", is_flag=True, cls=GroupedOption, group="output",
              help="Rewrite the input files instead (no --out).")
@click.option("--force", is_flag=True, cls=GroupedOption, group="output",
              help="Overwrite files that already exist in --out.")
@setting_options("clean")
def clean_command(
    paths: tuple[str, ...], out_dir: str | None, in_place: bool, force: bool, **params: Any
) -> None:
    """Write PATHS without their boilerplate lines to --out DIR (JSONL in, JSONL out).

    The lines removed are those that boilerplate and repetition findings (NL1xx, NL201, NL203;
    --select narrows) cover whole. Exit 0 when the cleaned corpus was written, 2 on errors.
    """
    if bool(out_dir) == in_place:
        fail("give either --out DIR or --in-place")
    if not params.get("select"):
        params["select"] = ("NL1", "NL2")
    config, rule_set, rules = prepare(paths, params)
    files, missing = planned_files(paths, config)
    for path in missing:
        click.echo(f"newslint: error: {path}: no such file or directory", err=True)
    if missing:
        sys.exit(EXIT_ERROR)
    target_dir = Path(out_dir) if out_dir else None
    if target_dir is not None:
        resolved = target_dir.resolve()
        for path in files:
            if Path(path).resolve().is_relative_to(resolved):
                fail(f"{path} is inside --out {out_dir}: choose an output folder outside the input")
        existing = [t for t in (output_path(p, paths, target_dir) for p in files) if t.exists()]
        if existing and not force:
            fail(f"{existing[0]} exists ({len(existing)} output file(s) in all); use --force "
                 "to overwrite")
    result = execute(paths, config, rules, rule_set, ProgressBar(enabled=False))
    report = clean_corpus(files, paths, result.diagnostics, config, target_dir)
    codes = ", ".join(f"{code} {count}" for code, count in sorted(report.by_code.items()))
    click.echo(
        f"newslint: removed {counted(report.lines, 'line')} ({report.characters:,} characters) from "
        f"{report.changed} of {counted(report.documents, 'document')}"
        + (f" ({codes})" if codes else "")
        + f"; wrote {counted(len(report.written), 'file')}"
        + (f" to {out_dir}" if out_dir else " in place"),
        err=True,
    )
    sys.exit(EXIT_ERROR if result.internal_errors else EXIT_OK)
