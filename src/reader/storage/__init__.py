"""SQLite storage: the library database, the single source of truth."""
