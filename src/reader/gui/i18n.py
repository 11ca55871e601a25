"""Interface translations: Simplified Chinese when the system (or READER_LANG) asks for it."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from reader.paths import resources_dir

log = logging.getLogger(__name__)

ENV_LANG = "READER_LANG"
# Traditional-Chinese readers get the Simplified interface too: closer than English.
TRANSLATIONS = {"zh": "zh_CN"}
ENGLISH = "en"  # the plural forms of the source texts

# Qt's own texts that its shipped catalogues miss (they still hold the Qt 5 wording, e.g.
# "Look in:"): marked here so our catalogue carries them. Qt's catalogue is installed after
# ours and so asked first; these fill its gaps.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
)


def interface_language() -> QLocale:
    """READER_LANG (e.g. zh_CN) when set, otherwise the system locale."""
    forced = os.environ.get(ENV_LANG, "").strip()
    return QLocale(forced) if forced else QLocale.system()


def install_translators(app: QCoreApplication) -> list[QTranslator]:
    """Load our catalogue and Qt's own (dialogs, standard buttons, context menus); returns
    what was installed. Languages without a catalogue get the English one, which holds only
    plural forms ("1 highlight", "2 highlights"): the sources say "%n highlight(s)"."""
    locale = interface_language()
    if os.environ.get(ENV_LANG):
        QLocale.setDefault(locale)  # dates and numbers follow the forced language too
    code = TRANSLATIONS.get(locale.name().split("_")[0])
    installed = [_load(app, translations_dir(), f"reader_{code or ENGLISH}")]
    if code is not None:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        installed.append(_load(app, Path(qt_dir), f"qtbase_{code}"))
    found = [translator for translator in installed if translator is not None]
    for translator in found:
        app.installTranslator(translator)
    return found


def _load(app: QCoreApplication, folder: Path, name: str) -> QTranslator | None:
    translator = QTranslator(app)
    if translator.load(name, str(folder)):
        return translator
    log.warning("interface translation %s not found in %s", name, folder)
    return None


def translations_dir() -> Path:
    return resources_dir() / "i18n"
