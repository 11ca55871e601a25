"""The services: every user-visible operation, used alike by the window and the command line.

    library      the Library facade: opening, reading, changing, backups, search, exports
    importing    files and pages into articles (batched commits, extraction on all cores)
    annotating   highlights, notes, tags, annotation exchange
    indexer      keeps the search index in step with the change log

Front ends import these (and `core`, `errors`, `paths`), never `storage` or `search`.
"""
