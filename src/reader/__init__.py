"""Reader: a desktop reader for saved articles, with CJK-aware search and lasting annotations."""

__version__ = "0.1.0"
