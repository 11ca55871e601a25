"""`python -m reader`: the same as the `reader` command."""

from reader.cli.main import main

raise SystemExit(main())
