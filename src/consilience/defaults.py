"""Defaults a user can change on the command line, in one light module: the CLI declares
its options with them without loading the stages that use them."""

from __future__ import annotations

DEFAULT_LEDGER = "consilience.db"
# Inputs (files, or JSONL lines) larger than this are skipped with one line (--max-bytes).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Documents sent to a worker at once: enough for spaCy to batch its network and for the
# cost of a round trip to vanish, few enough that progress shows often and a lost worker
# loses little work.
DEFAULT_BATCH_SIZE = 32
# `--dask local`: a Dask LocalCluster on this machine.
LOCAL = "local"
# Characters of text to extract (what is left once unchanged documents are skipped) from
# which a pool of one worker per core finishes a build sooner than this process alone.
# Below it, starting the workers costs more than the second core saves: two workers take
# 4.8 s to spawn, load the spaCy model and be ready, one process 4.1 s. Measured on
# 2026-12-02, two cores, builds of the first N items of the 2025 portal feed, best of
# three: the two tie at about 73,000 characters (400 items); one process is 1.5 s faster
# at 37,000, the pool 3.1 s faster at 109,000 (BENCHMARKS.md, "Default workers").
POOL_THRESHOLD_CHARS = 75_000
