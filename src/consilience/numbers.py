"""How a figure is written for a reader, in every view and in stored headlines."""

from __future__ import annotations


def number(value: float | int | None) -> str:
    """A figure as a reader expects it: thousands separated, no trailing '.0'."""
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"
