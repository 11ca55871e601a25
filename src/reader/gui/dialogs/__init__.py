"""Dialogs: preferences, the import summary and the search syntax help."""
