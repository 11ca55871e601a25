"""The export dialog: which format, and which articles (this one, its section, the library)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.exporters import FORMATS

# Formats about articles rather than annotations: they cover every article in scope.
CITATION_FORMATS = ("bibtex", "ris", "csl-json")


@dataclass(frozen=True)
class ExportChoice:
    format: str  # a key of exporters.FORMATS
    scope: str  # "article", "section" or "library"


class ExportDialog(QDialog):
    def __init__(self, has_article: bool, section: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Annotations"))
        self.formats = QComboBox()
        labels = {
            "markdown": self.tr("Markdown (quotes and notes)"),
            "w3c": self.tr("W3C Web Annotations (JSON-LD)"),
            "csv": self.tr("CSV (one row per highlight)"),
            "bibtex": self.tr("BibTeX citations"),
            "ris": self.tr("RIS citations"),
            "csl-json": self.tr("CSL-JSON citations"),
        }
        for key in ("markdown", "w3c", "csv", "bibtex", "ris", "csl-json"):
            assert key in FORMATS
            self.formats.addItem(labels[key], key)
        self.scopes = QButtonGroup(self)
        scope_box = QVBoxLayout()
        for key, label, enabled in (
            ("article", self.tr("This article"), has_article),
            (
                "section",
                self.tr("Its section: {section}").format(section=section or "—"),
                bool(section),
            ),
            ("library", self.tr("The whole library"), True),
        ):
            button = QRadioButton(label)
            button.setEnabled(enabled)
            button.setProperty("scope", key)
            self.scopes.addButton(button)
            scope_box.addWidget(button)
        first = next(b for b in self.scopes.buttons() if b.isEnabled())
        first.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.formats)
        form.addRow(self.tr("Articles:"), scope_box)
        form.addRow(buttons)

    def choice(self) -> ExportChoice:
        checked = self.scopes.checkedButton()
        scope = checked.property("scope") if checked is not None else "library"
        return ExportChoice(str(self.formats.currentData()), str(scope))
