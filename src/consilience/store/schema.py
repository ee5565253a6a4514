"""The ledger's SQLite schema, its version, and the migrations between versions."""

from __future__ import annotations

SCHEMA_VERSION = 5
LEDGER_KIND = "consilience-ledger"
# The oldest version a read-only open accepts: the migrations since then rebuild or add
# indexes only, and every read works without them (the full-text search of a version-4
# ledger matches words as written, not stemmed, until a writable open migrates it).
READABLE_SINCE = 4
# The version whose full-text index stems words ("killed" finds "killing").
STEMMED_SINCE = 5

# Claim tables other than entities keep their kind-specific fields in `attrs` (JSON)
# until their extractor lands and promotes what needs indexing to columns.
_ATTR_CLAIM_TABLES = ("figures", "dates", "statements", "incidents", "quotes")
RESULT_TABLES = ("slots", "events", "reuse", "timeline", "actors")
_RESULT_TABLE = "CREATE TABLE {} (id TEXT PRIMARY KEY, rank INTEGER NOT NULL, data TEXT NOT NULL)"
_RANK_INDEX = "CREATE INDEX {0}_rank ON {0}(rank, id)"


def _attr_claim_table(table: str) -> list[str]:
    """A claim table of a kind whose fields other than its span are JSON `attrs`."""
    return [
        f"""CREATE TABLE {table} (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{{}}'
        )""",
        f"CREATE INDEX {table}_doc ON {table}(doc_id, start)",
    ]


# The schemas of earlier versions are history: they stay as those versions created
# ledgers, whatever the tables are called now (a test builds old ledgers from them).
_BASE_TABLES = [
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
]
SCHEMA_V1 = [
    *_BASE_TABLES,
    *(sql for kind in ("figures", "dates", "events", "quotes") for sql in _attr_claim_table(kind)),
    *(_RESULT_TABLE.format(table) for table in ("slots", "reuse", "timeline")),
]
# Version 2 adds the index of actors and places.
SCHEMA_V2 = [*SCHEMA_V1, _RESULT_TABLE.format("actors")]

# Version 3 serves the report and the web UI without full scans: full-text search over
# the documents (FTS5, reading its text from `documents` itself, kept in step by
# triggers), figures by measure, and result rows by rank. The FTS index points at the
# documents' rowids, which only VACUUM would change: the ledger never runs VACUUM, and
# `INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')` repairs it if one did.
MEASURE_EXPRESSION = "json_extract(attrs, '$.measure')"
_FTS_TABLE = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
    "content_rowid='rowid', tokenize='{}')"
)
_SEARCH_INDEXES = [
    _FTS_TABLE.format("unicode61 remove_diacritics 2"),
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); "
    "END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); "
    "END",
    "CREATE INDEX documents_published ON documents(published)",
    # Covering the page order too, so a page of one measure's figures sorts nothing.
    f"CREATE INDEX figures_measure ON figures({MEASURE_EXPRESSION}, doc_id, start, id)",
]
_V3_ADDITIONS = [
    *_SEARCH_INDEXES,
    *(_RANK_INDEX.format(table) for table in ("slots", "reuse", "timeline", "actors")),
]
SCHEMA_V3 = [*SCHEMA_V2, *_V3_ADDITIONS]

# Version 4: dated statements are the claims of `statements` (they were `events`); the
# events a document reports are claims of `incidents`; `events` is now the result table
# of events across documents.
SCHEMA_V4 = [
    *_BASE_TABLES,
    *(sql for table in _ATTR_CLAIM_TABLES for sql in _attr_claim_table(table)),
    *(_RESULT_TABLE.format(table) for table in RESULT_TABLES),
    *_SEARCH_INDEXES,
    *(_RANK_INDEX.format(table) for table in RESULT_TABLES),
]

# Version 5 serves search: the full-text index stems English words with the Porter
# stemmer ("killed", "kills" and "killing" are one word; a query is stemmed the same way),
# and figures are indexed by measure and stated value, so a search for the figures of one
# measure between two values walks only the matching rows, in value order.
VALUE_EXPRESSION = "json_extract(attrs, '$.value')"
_STEMMED_FTS_TABLE = _FTS_TABLE.format("porter unicode61 remove_diacritics 2")
_VALUE_INDEX = (
    f"CREATE INDEX figures_measure_value ON figures({MEASURE_EXPRESSION}, "
    f"{VALUE_EXPRESSION}, doc_id, start, id)"
)
SCHEMA_V5 = [
    *(_STEMMED_FTS_TABLE if sql == _SEARCH_INDEXES[0] else sql for sql in SCHEMA_V4),
    _VALUE_INDEX,
]
SCHEMA = SCHEMA_V5  # what a new ledger is made of

# MIGRATIONS[n] upgrades a ledger from version n to n + 1. Claims a migration cannot give
# (new kinds, new fields) come with the next build: the extractor version changes with
# them, so every document is extracted again.
MIGRATIONS: dict[int, list[str]] = {
    1: [_RESULT_TABLE.format("actors"), "INSERT OR REPLACE INTO meta VALUES ('aligned', '0')"],
    2: [*_V3_ADDITIONS, "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"],
    3: [
        "ALTER TABLE events RENAME TO statements",
        "DROP INDEX events_doc",
        "CREATE INDEX statements_doc ON statements(doc_id, start)",
        *_attr_claim_table("incidents"),
        _RESULT_TABLE.format("events"),
        _RANK_INDEX.format("events"),
        "INSERT OR REPLACE INTO meta VALUES ('aligned', '0')",
    ],
    # The full-text index is made again from the stored texts (reading each once); its
    # triggers name the table, not its tokenizer, so they stay as they are.
    4: [
        "DROP TABLE documents_fts",
        _STEMMED_FTS_TABLE,
        "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
        _VALUE_INDEX,
    ],
}
