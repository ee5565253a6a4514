"""Turn the paths a user names into the list of input files, in a stable order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consilience.ingest.problems import IngestProblem
from consilience.ingest.readers import format_of


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def discover(paths: list[str]) -> Discovery:
    """Files named directly, plus supported files found recursively in directories.

    A file named directly in an unsupported format is a problem; one met inside a
    directory is only listed as ignored (folders hold READMEs and images too). Hidden
    files and folders are skipped. Each file is listed once.
    """
    found = Discovery()
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = str(path)
        if key not in seen:
            seen.add(key)
            found.files.append(key)

    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts) or not child.is_file():
                    continue
                if format_of(child) is not None:
                    add(child)
                elif not _is_sidecar(child):
                    found.ignored.append(str(child))
        elif path.is_file():
            if format_of(path) is None:
                suffix = path.suffix or "no extension"
                found.problems.append(
                    IngestProblem(
                        name, f"unsupported format ({suffix}); use .txt, .md, .html or .jsonl"
                    )
                )
            else:
                add(path)
        else:
            found.problems.append(IngestProblem(name, "no such file or directory"))
    return found
