"""The WebDAV password: in the OS keyring, or READER_SYNC_PASSWORD; never in a file of ours."""

from __future__ import annotations

import os

from reader.errors import SyncError

SERVICE = "article-reader-sync"
ENVIRONMENT = "READER_SYNC_PASSWORD"


def from_environment() -> str | None:
    """The password given for headless use (a server, CI), or None."""
    return os.environ.get(ENVIRONMENT) or None


def password_for(account: str) -> str:
    """The password of `account` ("user@host/path"): the environment first, then the keyring."""
    given = from_environment()
    if given is not None:
        return given
    import keyring  # here: asked only by a WebDAV sync (importing it costs every start)
    import keyring.errors

    try:
        stored = keyring.get_password(SERVICE, account)
    except keyring.errors.KeyringError as exc:
        raise SyncError(_no_keyring(exc)) from exc
    if stored is None:
        raise SyncError(
            f"no WebDAV password is stored for {account}; run `reader sync setup` again "
            f"or set {ENVIRONMENT}"
        )
    return stored


def remember(account: str, password: str) -> None:
    """Keep the password in the OS keyring; refuse (never fall back to a file) without one."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, account, password)
    except keyring.errors.KeyringError as exc:
        raise SyncError(_no_keyring(exc)) from exc


def _no_keyring(exc: Exception) -> str:
    first = str(exc).split(".")[0] or type(exc).__name__
    return (
        f"no OS keyring can hold the WebDAV password ({first}); it is not stored in a file: "
        f"set {ENVIRONMENT} instead"
    )
