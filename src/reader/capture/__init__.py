"""Capture: articles from the web (a URL fetched, a page sent by the browser connector)."""
