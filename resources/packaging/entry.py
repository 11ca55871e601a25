"""The bundled application's entry point: the `reader` command (no command opens the window)."""

import multiprocessing

# A bundled executable is also what spawned workers (imports, index rebuilds) start as:
# freeze_support lets such a child run its task instead of opening another window.
multiprocessing.freeze_support()

import sys  # noqa: E402

# A command's automatic backup runs detached as `<this executable> -m <module> ARGS`
# (backup_runs.DETACHED_MODULE): a bundle has no `-m`, so the arguments are recognised here.
if sys.argv[1:3] == ["-m", "reader.services.backup_runs"]:
    from reader.services.backup_runs import run_detached

    raise SystemExit(run_detached(sys.argv[3:]))

from reader.cli.main import main  # noqa: E402  (after freeze_support, as it requires)

raise SystemExit(main())
