"""The search syntax help, shown as a popup under the search field or as a dialog."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QVBoxLayout, QWidget


def syntax_rows() -> list[tuple[str, str]]:
    return [
        (
            "风筝 harbour",
            QCoreApplication.translate("SearchHelp", "articles containing all the words"),
        ),
        ('"国际风筝节"', QCoreApplication.translate("SearchHelp", "the exact phrase")),
        ("kite OR 风筝", QCoreApplication.translate("SearchHelp", "either word")),
        ("-sport", QCoreApplication.translate("SearchHelp", "leave out articles with the word")),
        ("title:风筝", QCoreApplication.translate("SearchHelp", "the word in the title")),
        (
            "section:国际  site:华文天下",
            QCoreApplication.translate("SearchHelp", "a section or a site"),
        ),
        ("lang:zh  lang:en", QCoreApplication.translate("SearchHelp", "the article's language")),
        ("tag:research", QCoreApplication.translate("SearchHelp", "a tag")),
        (
            "is:bookmarked  has:notes",
            QCoreApplication.translate("SearchHelp", "bookmarked, or with notes"),
        ),
        (
            "after:2024-01-01  before:2024-12-31",
            QCoreApplication.translate("SearchHelp", "published after or before"),
        ),
        (
            "date:2024-10",
            QCoreApplication.translate("SearchHelp", "published in that year, month or day"),
        ),
    ]


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:3px 14px 3px 0'><code>{html.escape(example)}</code></td>"
        f"<td style='padding:3px 0'>{html.escape(meaning)}</td></tr>"
        for example, meaning in syntax_rows()
    )
    heading = html.escape(QCoreApplication.translate("SearchHelp", "Search syntax"))
    note = html.escape(
        QCoreApplication.translate(
            "SearchHelp", "Chinese, Japanese and Korean words are found without spaces."
        )
    )
    return f"<b>{heading}</b><table>{rows}</table><p>{note}</p>"


class SearchHelpPopup(QFrame):
    """A small popup that closes on the next click elsewhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        label = QLabel(syntax_html(), self)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.addWidget(label)

    def show_below(self, anchor: QWidget) -> None:
        self.adjustSize()
        below = anchor.mapToGlobal(QPoint(anchor.width() - self.width(), anchor.height() + 4))
        self.move(below)
        self.show()


def show_syntax(parent: QWidget) -> None:
    """The same help as a dialog (Help → Search Syntax)."""
    title = QCoreApplication.translate("SearchHelp", "Search Syntax")
    QMessageBox.information(parent, title, syntax_html())
