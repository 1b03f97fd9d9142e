"""Union-find: items joined pairwise into groups, shared by the rules and the story stage."""

from __future__ import annotations

from collections.abc import Iterable


class Partition:
    """Items joined pairwise into groups (path-halving union-find)."""

    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def root(self, item: str) -> str:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, first: str, second: str) -> None:
        """Put two items in one group; the smaller root names it, so groups are deterministic."""
        a, b = self.root(first), self.root(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[str]]:
        """Every group, its items in sorted order, groups ordered by their first item."""
        found: dict[str, list[str]] = {}
        for item in sorted(self.parent):
            found.setdefault(self.root(item), []).append(item)
        return list(found.values())
