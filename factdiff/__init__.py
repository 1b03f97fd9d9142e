"""factdiff: find factual discrepancies in news coverage.

Library use::

    import factdiff
    report = factdiff.scan(["seeds/"])
    for d in report.discrepancies:
        print(d.kind, d.subject, [v.value for v in d.variants])
"""

__version__ = "0.1.0"

from factdiff.api import compare, extract_claims, scan  # noqa: E402

__all__ = ["__version__", "compare", "extract_claims", "scan"]
