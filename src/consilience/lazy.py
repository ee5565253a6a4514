"""Loading a package's names on first use: each package's `__init__` lists where each of
its names lives, so importing one light module of it (or running `consilience --help`)
does not load every stage."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any


def load_name(homes: Mapping[str, str], package: str, name: str) -> Any:
    """`name` of `package`, imported from the module `homes` gives for it; an unknown
    name is an AttributeError, as for any module."""
    home = homes.get(name)
    if home is None:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
