"""The language's knowledge is data (`src/consilience/resources/en/`): a measure or a trigger
is added by editing a file, and these checks hold the files to the schema, the docs and
the extractor version."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from consilience.extract import EXTRACTOR_VERSION
from consilience.lexicon import load_lexicon
from consilience.lexicon.files import folder_digest, language_folder, read_toml

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "src" / "consilience" / "resources" / "en"
SCHEMA = ROOT / "src" / "consilience" / "schema" / "consilience-2.schema.json"


def _schema_enum(field: str) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    found: list[list[str]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            value = node.get(field)
            if isinstance(value, dict) and "enum" in value:
                found.append(value["enum"])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(schema)
    assert found, f"no enum for {field} in the schema"
    return found[0]


def _documented_measures() -> list[str]:
    text = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    section = text.split("## Measures", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)


def test_the_measures_are_the_schemas_and_the_docs() -> None:
    measures = load_lexicon().measures.measures
    assert list(measures) == _schema_enum("measure")
    assert sorted(_documented_measures()) == sorted(measures)


def test_every_trigger_names_a_known_measure() -> None:
    words = load_lexicon().measures
    known = set(words.measures)
    tables = {
        "verbs": words.verbs,
        "nouns": words.nouns,
        "head_nouns": words.head_nouns,
        "states": words.states,
        "verb_objects": words.verb_objects,
    }
    for name, table in tables.items():
        unknown = {word: measure for word, measure in table.items() if measure not in known}
        assert not unknown, f"measures.toml [{name}] names no schema measure: {unknown}"


def test_the_qualifiers_are_the_schemas() -> None:
    qualifiers = set(read_toml(language_folder("en"), "numbers.toml")["qualifiers"].values())
    allowed = set(_schema_enum("qualifier")) | {"nearly"}  # "nearly" is reported as fewer_than
    assert qualifiers <= allowed


def _repeated_words(node: object, where: str) -> list[str]:
    """Lists of words under `node` that name a word twice, as "table.key: [words]"."""
    if isinstance(node, dict):
        return [
            found
            for key, child in node.items()
            for found in _repeated_words(child, f"{where}.{key}")
        ]
    if isinstance(node, list) and all(isinstance(item, str) for item in node):
        repeated = sorted({item for item in node if node.count(item) > 1})
        return [f"{where}: {repeated}"] if repeated else []
    return []


def test_a_list_names_each_word_once() -> None:
    """One entry per fact: no word twice in one list of any resource file."""
    import tomllib

    for path in sorted(RESOURCES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert not _repeated_words(data, path.name)


def test_a_changed_word_list_changes_the_extractor_version(tmp_path: Path) -> None:
    """The digest of every resource file is part of the extractor version, so a ledger
    built before a word was added re-extracts its documents."""
    assert EXTRACTOR_VERSION.endswith("+" + load_lexicon().digest)
    copy = tmp_path / "en"
    shutil.copytree(RESOURCES, copy)
    before = folder_digest(copy)
    assert before == load_lexicon().digest
    measures = copy / "measures.toml"
    text = measures.read_text(encoding="utf-8")
    measures.write_text(text.replace("[verbs]\n", '[verbs]\nbludgeon = "killed"\n', 1))
    assert folder_digest(copy) != before


def test_a_malformed_file_names_itself(tmp_path: Path) -> None:
    copy = tmp_path / "en"
    copy.mkdir()
    (copy / "numbers.toml").write_text("[cardinals\none = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"resources/en/numbers.toml"):
        read_toml(copy, "numbers.toml")
