"""The one Jinja2 environment every HTML view renders with: autoescaping always on, the
shared macros, stylesheet and script, and the number format."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2

from consilience.numbers import number

__all__ = ["TEMPLATES", "asset", "environment", "number"]

TEMPLATES = Path(str(resources.files("consilience.present") / "templates"))


def environment(*folders: Path) -> jinja2.Environment:
    """Templates from `folders` first, then the shared ones (macros, style, script)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, TEMPLATES]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["number"] = number
    return env


def asset(name: str) -> str:
    """A shared asset's text (style.css, claims.js), to inline into a page."""
    return (TEMPLATES / name).read_text(encoding="utf-8")
