"""Union-find: items joined pairwise into groups, shared by the rules and the story stage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item", str, int)
"""What is grouped: names, document ids, or rows of a table (any two compare)."""


class Partition(Generic[Item]):
    """Items joined pairwise into groups (path-halving union-find)."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.parent = {item: item for item in items}

    def root(self, item: Item) -> Item:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, first: Item, second: Item) -> None:
        """Put two items in one group; the smaller root names it, so groups are deterministic."""
        a, b = self.root(first), self.root(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[Item]]:
        """Every group, its items in sorted order, groups ordered by their first item."""
        found: dict[Item, list[Item]] = {}
        for item in sorted(self.parent):
            found.setdefault(self.root(item), []).append(item)
        return list(found.values())
