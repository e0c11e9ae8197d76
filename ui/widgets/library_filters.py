"""The Library tab's filters: one outlet, a range of dates, and statements to check.

The outlet list holds "All outlets" and every outlet in the library with its number of
articles ("The Coastal Times (12)"), filled from the library (``set_outlets``) and kept on
the outlet chosen when it is filled again. Each date box starts at "Any"; a date bounds
the published date of an article, else the day it was added. ``bounds`` is what the
library filters by (``reader.library.Bounds``); ``changed`` is emitted when it changes.
"Only with statements to check" keeps the articles with a statement less sure than the
reader's threshold (Review > Check Statements Below) that nobody has accepted. The filters
wrap onto a second row in a narrow window.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from reader.library import Bounds
from reader.model import CHECK_THRESHOLD
from ui import messages
from ui.style.safe_text import NAME_LIMIT, bounded, one_line, tooltip
from ui.widgets.flow_layout import FlowLayout

#: The date a date box shows as "Any" (its lowest).
NO_DATE = QDate(1800, 1, 1)


class LibraryFilters(QWidget):
    """An outlet list, two date boxes and "only with statements to check", wrapping."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outlet = QComboBox()
        self.outlet.setToolTip(messages.OUTLET_TIP)
        self.outlet.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outlet.setMinimumContentsLength(14)
        self.outlet.addItem(messages.ALL_OUTLETS, None)
        self.dated_from = _date_box(messages.DATE_FROM_TIP)
        self.dated_to = _date_box(messages.DATE_TO_TIP)
        self.outlet.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.dated_from.dateChanged.connect(lambda _date: self.changed.emit())
        self.dated_to.dateChanged.connect(lambda _date: self.changed.emit())
        self.to_check = QCheckBox(messages.ONLY_TO_CHECK)
        self.to_check.setToolTip(messages.ONLY_TO_CHECK_TIP)
        self.to_check.toggled.connect(lambda _on: self.changed.emit())
        #: Statements less sure than this, not reviewed, are "to check".
        self.check_below = CHECK_THRESHOLD
        flow = FlowLayout(self, spacing=6)
        flow.addWidget(self.outlet)
        flow.addWidget(_pair(messages.DATE_FROM, self.dated_from))
        flow.addWidget(_pair(messages.DATE_TO, self.dated_to))
        flow.addWidget(self.to_check)

    def bounds(self) -> Bounds:
        outlet = self.outlet.currentData()
        return Bounds(
            outlet=outlet if isinstance(outlet, str) else None,
            dated_from=_iso(self.dated_from),
            dated_to=_iso(self.dated_to),
            to_check_only=self.to_check.isChecked(),
            check_below=self.check_below,
        )

    def set_check_threshold(self, threshold: float) -> None:
        """The reader's threshold moved: the counts, and the filter if it is on, follow."""
        if threshold != self.check_below:
            self.check_below = threshold
            self.changed.emit()

    def set_outlets(self, outlets: list[tuple[str, int]] | tuple[tuple[str, int], ...]) -> None:
        """The outlets of the library with their counts; the one chosen stays chosen (with
        no articles left, it is listed with none)."""
        chosen = self.outlet.currentData()
        listed = list(outlets)
        if isinstance(chosen, str) and chosen.casefold() not in {n.casefold() for n, _ in listed}:
            listed.append((chosen, 0))
        self.outlet.blockSignals(True)
        try:
            self.outlet.clear()
            self.outlet.addItem(messages.ALL_OUTLETS, None)
            for name, count in listed:
                shown = bounded(one_line(name), NAME_LIMIT)
                self.outlet.addItem(messages.OUTLET_ITEM.format(name=shown, count=count), name)
                self.outlet.setItemData(
                    self.outlet.count() - 1, tooltip(shown), Qt.ItemDataRole.ToolTipRole
                )
            found = self.outlet.findData(chosen) if isinstance(chosen, str) else 0
            self.outlet.setCurrentIndex(max(found, 0))
        finally:
            self.outlet.blockSignals(False)

    def outlet_names(self) -> list[str]:
        """The outlets listed (not "All outlets")."""
        return [str(self.outlet.itemData(i)) for i in range(1, self.outlet.count())]

    def choose_outlet(self, name: str | None) -> None:
        index = self.outlet.findData(name) if name is not None else 0
        self.outlet.setCurrentIndex(max(index, 0))

    def set_dates(self, dated_from: QDate | None, dated_to: QDate | None) -> None:
        self.dated_from.setDate(dated_from or NO_DATE)
        self.dated_to.setDate(dated_to or NO_DATE)


class _DateBox(QDateEdit):
    """A date box whose calendar opens on this month while it says "Any"."""

    def __init__(self) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


def _pair(label: str, box: QWidget) -> QWidget:
    """A label and its box, kept together when the filters wrap."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(label))
    row.addWidget(box)
    return pair


def _date_box(tip: str) -> QDateEdit:
    box = _DateBox()
    box.setDisplayFormat("yyyy-MM-dd")
    box.setMinimumDate(NO_DATE)
    box.setSpecialValueText(messages.ANY_DATE)
    box.setDate(NO_DATE)
    box.setToolTip(tip)
    return box


def _iso(box: QDateEdit) -> str | None:
    date = box.date()
    return None if date == NO_DATE else date.toString("yyyy-MM-dd")
