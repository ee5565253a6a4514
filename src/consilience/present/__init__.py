"""Present: views over the ledger. Nothing here recomputes extraction."""
