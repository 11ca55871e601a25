"""Qt item models over the library: the article list, search results and the sidebar."""
