"""Entry point of the `reader` command: parses arguments, opens the library, runs a command."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO, cast

from reader import __version__
from reader.cli import (
    articles,
    edit,
    images,
    maintenance,
    notes,
    saved_searches,
    search,
    serve,
    sync,
)
from reader.cli.arguments import check_arguments
from reader.cli.output import printable
from reader.errors import DamagedDatabase, ReaderError
from reader.paths import PRIVATE_DIR, DataPaths, create_private_file, resolve_data_dir
from reader.services.library import open_library, recover_damaged

log = logging.getLogger("reader")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Reader: a desktop reader for saved articles. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="library folder (default: READER_DATA_DIR, then the platform's user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.set_defaults(handler=None)
    articles.add_parsers(sub)
    edit.add_parsers(sub)
    images.add_parsers(sub)
    search.add_parsers(sub)
    saved_searches.add_parsers(sub)
    notes.add_parsers(sub)
    maintenance.add_parsers(sub)
    serve.add_parsers(sub)
    sync.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _prepare_streams()
    parser = build_parser()
    args, extra = parser.parse_known_args(_arranged(sys.argv[1:] if argv is None else argv))
    if args.command not in (None, "gui") and extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        check_arguments(args)
    except ReaderError as exc:
        print(f"reader: error: {exc}", file=sys.stderr)
        return 1
    paths = resolve_data_dir(args.data_dir)
    offline = getattr(args, "offline_handler", None)
    if getattr(args, "handler", None) is None and offline is None:
        return run_gui(paths, extra)
    _configure_logging(paths)
    output = _GuardedOutput(sys.stdout) if sys.stdout is not None else None
    if output is not None:
        sys.stdout = cast(TextIO, output)
    try:
        if offline is not None:
            status = int(offline(paths, args))
        else:
            lib, recovery = open_library(paths)
            if recovery is not None:
                print(f"reader: {printable(recovery.message())}", file=sys.stderr)
            with lib:
                status = int(args.handler(lib, args))
                lib.backup_if_due()
        if output is not None:
            output.flush()  # output that cannot be written fails here, not at exit
        return status
    except DamagedDatabase as exc:
        # Damage in a page the check at open did not cover: set the file aside now.
        print(f"reader: error: {printable(exc)}", file=sys.stderr)
        late = recover_damaged(paths)
        if late is not None:
            print(f"reader: {printable(late.message())}", file=sys.stderr)
        return 1
    except ReaderError as exc:
        print(f"reader: error: {printable(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_output()
        return 0
    except _OutputFailed as exc:
        _drop_output()
        print(f"reader: error: cannot write the output: {printable(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        log.exception("unexpected error")
        print(
            f"reader: internal error: {printable(repr(exc))} (details in {paths.log_file})",
            file=sys.stderr,
        )
        return 1
    finally:
        if output is not None and sys.stdout is cast(TextIO, output):
            sys.stdout = output.stream


class _OutputFailed(Exception):
    """Standard output could not be written (a full disk, a device that refuses it)."""


class _GuardedOutput:
    """Standard output whose write errors say so, rather than look like any other OSError
    (an internal error). A closed pipe stays a BrokenPipeError: the reader has gone."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        with _said_as_output_failure():
            return self.stream.write(text)

    def flush(self) -> None:
        with _said_as_output_failure():
            self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextmanager
def _said_as_output_failure() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _OutputFailed(exc.strerror or str(exc)) from exc


def _drop_output() -> None:
    """Send what is left unwritten to the null device: Python's own flush at exit would fail
    on it too, and print a traceback."""
    stream = sys.stdout.stream if isinstance(sys.stdout, _GuardedOutput) else sys.stdout
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _arranged(argv: Sequence[str]) -> list[str]:
    """argv with the words of a `search` placed after `--`, so `-word` is the query's NOT."""
    argv = list(argv)
    position = 0
    while position < len(argv) and argv[position].startswith("-"):
        position += 2 if argv[position] == "--data-dir" else 1
    if position < len(argv) and argv[position] == "search":
        return argv[: position + 1] + search.words_after_options(argv[position + 1 :])
    return argv


def run_gui(paths: DataPaths, argv: Sequence[str]) -> int:
    try:
        from reader.gui.application import run
    except ImportError as exc:
        print(
            f"reader: the window is not available ({exc}); use `reader --help` for the commands",
            file=sys.stderr,
        )
        return 1
    return run(paths, list(argv))


def gui_main() -> int:
    """`reader-gui`: the window, with the same options (a command still runs headless)."""
    return main(sys.argv[1:])


def _prepare_streams() -> None:
    # A console or pipe in a legacy code page must not turn a Chinese title into a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _configure_logging(paths: DataPaths) -> None:
    """Log to the data folder's reader.log (one handler; a later run in the same process on
    another library, as in tests, moves it there)."""
    for old in list(log.handlers):
        if getattr(old, "reader_log", None) == paths.log_file:
            return
        if hasattr(old, "reader_log"):
            log.removeHandler(old)
            old.close()
    log.setLevel(logging.INFO)
    handler: logging.Handler = logging.NullHandler()
    try:
        paths.root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
        # Owner-only like the rest of the library; a FIFO in its place would block the open.
        if create_private_file(paths.log_file):
            handler = _QuietFileHandler(paths.log_file, encoding="utf-8")
    except OSError:
        pass
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.reader_log = paths.log_file  # type: ignore[attr-defined]
    log.addHandler(handler)


class _QuietFileHandler(logging.FileHandler):
    """A log on a full or read-only disk: the user gets our one-line message, not logging's
    own traceback on the console."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass
