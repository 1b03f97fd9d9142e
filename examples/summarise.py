"""Read `factdiff scan --format json` from stdin and print where each discrepancy's evidence is.

factdiff scan seeds/ --format json | python examples/summarise.py
"""

import json
import sys

report = json.load(sys.stdin)
print(f"{len(report['discrepancies'])} discrepancies in {len(report['documents'])} documents")
for item in report["discrepancies"]:
    print(f"\n[{item['severity']}] {item['kind']}: {item['subject']}")
    for variant in item["variants"]:
        places = ", ".join(f"{c['path']}:{c['line']}" for c in variant["claims"])
        print(f"  {variant['value']!r:>24}  {places}")
