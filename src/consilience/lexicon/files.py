"""Reading a language's resource files (`resources/<lang>/`), and the digest of them all."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any


def language_folder(language: str) -> Traversable:
    return resources.files("consilience.resources").joinpath(language)


def read_toml(folder: Traversable, name: str) -> dict[str, Any]:
    """One resource file as tables; a missing or malformed file names itself."""
    path = folder.joinpath(name)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"resources/{folder.name}/{name}: {error}") from error


def folder_digest(folder: Traversable) -> str:
    """sha256 over every resource file's name and bytes, in name order: part of the
    extractor version, so a changed word list re-extracts."""
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.is_file() and path.name.endswith((".toml", ".tsv")):
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def words(table: dict[str, Any], key: str) -> frozenset[str]:
    """A list of words as a set, lower-cased as they are matched."""
    return frozenset(str(word).lower() for word in table[key])
