"""JUnit XML, which CI servers (GitLab, Jenkins, Azure Pipelines, CircleCI) show as test
results: a test suite per file with findings, a failing test case per finding; a run without
findings is one passing test case."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree

from lint.diagnostic import Diagnostic
from lint.report.text import location, record_suffix
from lint.result import RunResult


def _case(suite: ElementTree.Element, d: Diagnostic) -> None:
    line, column, _, _ = d.file_position()
    case = ElementTree.SubElement(suite, "testcase", {
        "name": f"{d.code} {d.name} at {line}:{column}", "classname": d.path, "file": d.path,
        "line": str(line),
    })
    failure = ElementTree.SubElement(case, "failure", {
        "message": d.message, "type": f"{d.code} {d.severity}",
    })
    suggestion = f" (suggestion: {d.suggestion!r})" if d.suggestion else ""
    failure.text = f"{location(d)}: {d.code} {d.severity} {d.message}{suggestion}{record_suffix(d)}"


def render_junit(result: RunResult) -> str:
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_path[d.path].append(d)
    count = max(1, len(result.diagnostics))
    root = ElementTree.Element("testsuites", {
        "name": "newslint", "tests": str(count), "failures": str(len(result.diagnostics)),
        "errors": "0",
    })
    if not by_path:
        suite = ElementTree.SubElement(root, "testsuite", {
            "name": "newslint", "tests": "1", "failures": "0", "errors": "0",
        })
        ElementTree.SubElement(suite, "testcase", {
            "name": f"{result.files} files checked: no findings", "classname": "newslint",
        })
    for path, found in by_path.items():
        suite = ElementTree.SubElement(root, "testsuite", {
            "name": path, "tests": str(len(found)), "failures": str(len(found)), "errors": "0",
        })
        for d in found:
            _case(suite, d)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(
        root, encoding="unicode") + "\n"
