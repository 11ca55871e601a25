"""The bundled application's entry point: the `reader` command (no command opens the window)."""

import multiprocessing

# A bundled executable is also what spawned workers (imports, index rebuilds) start as:
# freeze_support lets such a child run its task instead of opening another window.
multiprocessing.freeze_support()

from reader.cli.main import main  # noqa: E402  (after freeze_support, as it requires)

raise SystemExit(main())
