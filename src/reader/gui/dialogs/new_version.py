"""The question asked when an imported page shares a source with an article but reads otherwise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.versions import SourceMatch


def ask_new_version(
    title: str, match: SourceMatch, existing_title: str, parent: QWidget | None
) -> bool:
    """True for "new version of #N"; a separate article (nothing replaced) otherwise.

    Escape and closing the box choose the separate article: that answer loses nothing.
    """
    box = QMessageBox(parent)
    box.setObjectName("new-version-question")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("NewVersion", "New Version or New Article?"))
    shared = (
        QCoreApplication.translate("NewVersion", "web address")
        if match.by == "URL"
        else QCoreApplication.translate("NewVersion", "file")
    )
    box.setText(
        QCoreApplication.translate(
            "NewVersion",
            "“{title}” has the same {shared} as #{id} “{old}”, but the texts differ a lot.",
        ).format(title=title, shared=shared, id=match.article_id, old=existing_title)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "NewVersion",
            "{kept:.0%} of the stored text is in the new one. A new version replaces the text "
            "of #{id} and moves its highlights onto the new text; a separate article leaves "
            "#{id} as it is.",
        ).format(kept=match.likeness.kept, id=match.article_id)
    )
    version = box.addButton(
        QCoreApplication.translate("NewVersion", "New Version of #{id}").format(
            id=match.article_id
        ),
        QMessageBox.ButtonRole.AcceptRole,
    )
    separate = box.addButton(
        QCoreApplication.translate("NewVersion", "Separate Article"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(separate)
    box.setEscapeButton(separate)
    box.exec()
    return box.clickedButton() is version
