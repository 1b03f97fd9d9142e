"""Shared text helpers that every stage may import: folding, tokens, positions, month names,
number intervals, names, union-find, and the named word lists (``data/*.json``) loaded and
validated once. Nothing here imports a stage."""
