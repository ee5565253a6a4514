"""The packages that load their names on first use: each name they export resolves, from
the module they say it lives in, and `import consilience` loads no stage."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PACKAGES = ("consilience", "consilience.align", "consilience.extract", "consilience.ingest")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_exported_name_resolves_from_its_home(package: str) -> None:
    module = importlib.import_module(package)
    homes = module._HOMES
    assert set(module.__all__) == set(homes)
    for name, home in homes.items():
        assert getattr(module, name) is getattr(importlib.import_module(home), name), name
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018


def test_importing_the_package_loads_no_stage() -> None:
    code = (
        "import sys, consilience, consilience.store; "
        "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'trafilatura', "
        "'consilience.extract.run', 'consilience.align.run'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"
