"""Start-up time of the command line: how long a user waits for `consilience --help`, for
`consilience show` on a small ledger (as text and as JSON), and for `import consilience`.
Each is run in a fresh process; prints the best of N runs in wall-clock ms, and the CPU
ms of that run (user + system, steadier than wall time on a loaded machine).

Usage: python bench/startup.py [--runs 7] [--ledger build/example.db]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEDGER = ROOT / "build" / "example.db"
# What any Typer command line costs before consilience imports anything: an app with the
# same settings (plain Click help, no Rich) and one command taking a path and a number.
BARE_TYPER = """
import sys
from pathlib import Path
import typer
app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None)
@app.command()
def show(ledger: Path, limit: int = 40) -> None:
    \"\"\"Print a ledger.\"\"\"
@app.command()
def other() -> None:
    \"\"\"Another command.\"\"\"
app(sys.argv[1:])
"""


def command() -> list[str]:
    """The `consilience` script installed beside this Python, as a user runs it."""
    script = Path(sys.executable).with_name("consilience")
    return [str(script)] if script.exists() else [sys.executable, "-m", "consilience"]


def timed(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `args`, output discarded (not a terminal)."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu


def best(args: list[str], runs: int) -> tuple[float, float]:
    """The fastest of `runs` runs (wall, and that run's CPU), after one warm-up run that
    fills the file cache."""
    timed(args)
    return min(timed(args) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--ledger", type=Path, default=LEDGER)
    args = parser.parse_args()
    consilience = command()
    if not args.ledger.exists():
        args.ledger.parent.mkdir(parents=True, exist_ok=True)
        build = [*consilience, "build", str(ROOT / "examples"), "--ledger", str(args.ledger)]
        subprocess.run(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    cases = {
        "consilience --help": [*consilience, "--help"],
        f"consilience show {args.ledger.name}": [*consilience, "show", str(args.ledger)],
        f"consilience show {args.ledger.name} --json": [
            *consilience,
            "show",
            str(args.ledger),
            "--json",
        ],
        'python -c "import consilience"': [sys.executable, "-c", "import consilience"],
        "floor: python -c pass": [sys.executable, "-c", "pass"],
        "floor: bare Typer app --help": [sys.executable, "-c", BARE_TYPER, "--help"],
        "floor: bare Typer app show LEDGER": [
            sys.executable,
            "-c",
            BARE_TYPER,
            "show",
            str(args.ledger),
        ],
    }
    print(f"best of {args.runs} runs, fresh process each; ms")
    for name, case in cases.items():
        wall, cpu = best(case, args.runs)
        print(f"{name:<40} {wall * 1000:7.0f} wall  {cpu * 1000:7.0f} CPU")


if __name__ == "__main__":
    main()
