"""Interface translations: Simplified Chinese when the system (or READER_LANG) asks for it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import resources_dir

log = logging.getLogger(__name__)

ENV_LANG = "READER_LANG"
# Traditional-Chinese readers get the Simplified interface too: closer than English.
TRANSLATIONS = {"zh": "zh_CN"}


def interface_language() -> QLocale:
    """READER_LANG (e.g. zh_CN) when set, otherwise the system locale."""
    forced = os.environ.get(ENV_LANG, "").strip()
    return QLocale(forced) if forced else QLocale.system()


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Load our catalogue and Qt's own (standard buttons); returns what was installed."""
    locale = interface_language()
    if os.environ.get(ENV_LANG):
        QLocale.setDefault(locale)  # dates and numbers follow the forced language too
    code = TRANSLATIONS.get(locale.name().split("_")[0])
    if code is None:
        return []
    catalogue = translations_dir() / f"reader_{code}.qm"
    ours = QTranslator(app)
    if not ours.load(str(catalogue)):
        log.warning("interface translation %s not found", catalogue)
        return []
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def translations_dir() -> Path:
    return resources_dir() / "i18n"
