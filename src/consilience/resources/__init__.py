"""Language knowledge as data: one folder per language (see each file's header)."""
