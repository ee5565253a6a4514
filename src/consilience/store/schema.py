"""The ledger's SQLite schema, its version, and the migrations between versions."""

from __future__ import annotations

SCHEMA_VERSION = 2
LEDGER_KIND = "consilience-ledger"

# Claim tables other than entities keep their kind-specific fields in `attrs` (JSON)
# until their extractor lands and promotes what needs indexing to columns.
_ATTR_CLAIM_TABLES = ("figures", "dates", "events", "quotes")
RESULT_TABLES = ("slots", "reuse", "timeline", "actors")
_RESULT_TABLE = "CREATE TABLE {} (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, data TEXT NOT NULL)"

SCHEMA_V1 = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        source_file TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        publisher TEXT,
        author TEXT,
        published TEXT,
        url TEXT,
        sha256 TEXT NOT NULL,
        encoding TEXT NOT NULL,
        text TEXT NOT NULL,
        extractor_version TEXT NOT NULL
    )""",
    "CREATE INDEX documents_path ON documents(path)",
    """CREATE TABLE document_sources (
        source_file TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (source_file, doc_id)
    )""",
    "CREATE INDEX document_sources_doc ON document_sources(doc_id)",
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL
    )""",
    "CREATE INDEX entities_doc ON entities(doc_id, start)",
    "CREATE INDEX entities_label ON entities(label, text)",
    *(
        statement
        for table in _ATTR_CLAIM_TABLES
        for statement in (
            f"""CREATE TABLE {table} (
                id TEXT PRIMARY KEY,
                doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                attrs TEXT NOT NULL DEFAULT '{{}}'
            )""",
            f"CREATE INDEX {table}_doc ON {table}(doc_id, start)",
        )
    ),
    *(_RESULT_TABLE.format(table) for table in RESULT_TABLES[:3]),
]
# Version 2 adds the index of actors and places.
SCHEMA_V2 = [*SCHEMA_V1, _RESULT_TABLE.format("actors")]

# MIGRATIONS[n] upgrades a ledger from version n to n + 1.
MIGRATIONS: dict[int, list[str]] = {
    1: [_RESULT_TABLE.format("actors"), "INSERT OR REPLACE INTO meta VALUES ('aligned', '0')"],
}
