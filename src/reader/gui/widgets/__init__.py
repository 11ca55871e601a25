"""Small composite widgets: the search field, the find bar and the import strip."""
