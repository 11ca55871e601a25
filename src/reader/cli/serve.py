"""`reader serve`: the browser connector without the window, and its pairing (token, origin)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.capture.pairing import Pairing, load_pairing, rotate_token, update_pairing
from reader.cli.output import print_json
from reader.paths import DataPaths
from reader.services.library import Library

if TYPE_CHECKING:
    from reader.capture.connector import SaveFunction, SaveRequest


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="run the browser connector (on 127.0.0.1) until interrupted; or show its pairing",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--info", action="store_true", help="print the port and pairing token")
    what.add_argument(
        "--rotate-token", action="store_true", help="make a new token (the old one stops working)"
    )
    what.add_argument(
        "--pair-origin",
        metavar="ORIGIN",
        help="the extension allowed to save: chrome-extension://<id> or moz-extension://<uuid>",
    )
    p.add_argument("--port", type=int, metavar="N", help="listen on this port from now on")
    p.add_argument("--json", action="store_true", help="print the pairing as JSON")
    p.set_defaults(handler=cmd_serve)


def pairing_command(paths: DataPaths, args: argparse.Namespace) -> Pairing | None:
    """Carry out --info, --rotate-token, --pair-origin or --port; None when none was given."""
    if args.rotate_token:
        return rotate_token(paths.connector)
    if args.pair_origin is not None or args.port is not None:
        return update_pairing(paths.connector, origin=args.pair_origin, port=args.port)
    if args.info:
        return load_pairing(paths.connector)
    return None


def cmd_serve(lib: Library, args: argparse.Namespace) -> int:
    changed = pairing_command(lib.paths, args)
    if args.info or args.rotate_token or args.pair_origin is not None:
        assert changed is not None
        _print_pairing(changed, args.json)
        return 0
    from reader.capture.connector import Connector  # an http server: only for this command

    pairing = changed or load_pairing(lib.paths.connector)
    connector = Connector(lib.paths.connector, _saver(lib), port=pairing.port)
    connector.start()
    paired = pairing.origin or "no extension yet: reader serve --pair-origin ORIGIN"
    print(
        f"connector listening on http://127.0.0.1:{connector.port} (paired with {paired}); "
        "Ctrl+C stops it",
        file=sys.stderr,
        flush=True,
    )
    try:
        connector.wait()
    except KeyboardInterrupt:
        pass
    finally:
        connector.stop()
    return 0


def _saver(lib: Library) -> SaveFunction:
    def save(request: SaveRequest) -> dict[str, object]:
        saved = lib.save_page(request.url, request.title, request.html, request.selection)
        return saved.to_json()

    return save


def _print_pairing(pairing: Pairing, as_json: bool) -> None:
    if as_json:
        print_json({"port": pairing.port, "token": pairing.token, "origin": pairing.origin})
        return
    print(f"port    {pairing.port}")
    print(f"token   {pairing.token}")
    print(f"origin  {pairing.origin or '(none paired: reader serve --pair-origin ORIGIN)'}")
