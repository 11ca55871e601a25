"""Views: the article list, the sidebar tree and the reading pane."""
