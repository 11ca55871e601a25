"""Pure domain types and text rules: standard library only, no I/O."""
