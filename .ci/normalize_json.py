"""Print newslint's JSON diagnostics with paths relative to TOP, for comparing two runs."""

import json
import os
import sys

top = os.environ["TOP"]
diagnostics = json.load(sys.stdin)["diagnostics"]
for item in diagnostics:
    item["path"] = os.path.relpath(os.path.join(top, item["path"]), top)
    for related in item.get("related", []):
        related["path"] = os.path.relpath(os.path.join(top, related["path"]), top)
print(json.dumps(diagnostics, sort_keys=True, indent=1))
