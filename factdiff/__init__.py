"""factdiff: find factual discrepancies in news coverage.

Library use::

    import factdiff
    report = factdiff.scan(["seeds/"])
    for d in report.discrepancies:
        print(d.kind, d.subject, [v.value for v in d.variants])
"""

__version__ = "0.1.0"

__all__ = ["__version__", "check", "compare", "extract_claims", "scan", "stories"]


def __getattr__(name: str) -> object:
    """Import the API on first use, so `python -m factdiff` can explain a missing dependency."""
    if name in ("check", "compare", "extract_claims", "scan", "stories"):
        from factdiff import api

        return getattr(api, name)
    raise AttributeError(f"module 'factdiff' has no attribute {name!r}")
