"""Benchmarks run by hand: ``python -m benchmarks.quality`` and ``python -m benchmarks.speed``.

They read the shared, human-labelled news data in ``../shared/bench/`` (never copied into the
package) and write Markdown tables to ``benchmarks/results/``.
"""
