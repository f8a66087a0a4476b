"""Print the diagnostics of newslint's JSON output, sorted and indented, for comparing runs."""

import json
import sys

print(json.dumps(json.load(sys.stdin)["diagnostics"], sort_keys=True, indent=1))
