"""The one Jinja2 environment every HTML view renders with: autoescaping always on, the
shared macros, stylesheet and script, and the number format."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from consilience.numbers import number

__all__ = ["TEMPLATES", "asset", "environment", "number", "script_json"]

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


def script_json(value: object) -> Markup:
    """`value` as JSON to place inside <script type="application/json">: every "<", ">"
    and "&" written as a \\u escape, so no source text can close the element or open a
    comment, whatever it holds."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def asset(name: str) -> str:
    """A shared asset's text (style.css, claims.js), to inline into a page."""
    return (TEMPLATES / name).read_text(encoding="utf-8")
