"""A zoomable picture: fit to the window, zoom in and out, and the pages of a multi-page TIFF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 20.0


class ImageView(QGraphicsView):
    """Shows one page of an image file; ``fit`` follows the window's size until the person zooms."""

    page_changed = Signal(int, int)  # (page counted from 1, pages)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("library", "Picture"))
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor("#dfe4ea"))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self._path: Path | None = None
        self.page_count = 0
        self.page = 0  # counted from 0
        self.fitting = True

    def load(self, path: Path, page: int = 1) -> bool:
        """Show ``path`` at ``page`` (counted from 1); False when Qt cannot read the picture."""
        self._path = path
        self.page_count = max(1, QImageReader(str(path)).imageCount())
        return self.show_page(page - 1)

    def show_page(self, index: int) -> bool:
        if self._path is None:
            return False
        index = min(max(0, index), self.page_count - 1)
        reader = QImageReader(str(self._path))
        reader.setAutoTransform(True)  # phone photos carry their orientation in EXIF
        if index:
            reader.jumpToImage(index)
        image = reader.read()
        if image.isNull():
            return False
        if image.hasAlphaChannel():  # a transparent picture is shown on white, as on paper
            flat = QImage(image.size(), QImage.Format.Format_RGB32)
            flat.fill(Qt.GlobalColor.white)
            painter = QPainter(flat)
            painter.drawImage(0, 0, image)
            painter.end()
            image = flat
        self.page = index
        self._item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(self._item.boundingRect())
        self.fit()
        self.page_changed.emit(index + 1, self.page_count)
        return True

    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def fit(self) -> None:
        self.fitting = True
        self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def scale_factor(self) -> float:
        return self.transform().m11()

    def _zoom(self, factor: float) -> None:
        wanted = min(MAX_SCALE, max(MIN_SCALE, self.scale_factor() * factor))
        self.fitting = False
        self.scale(wanted / self.scale_factor(), wanted / self.scale_factor())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()
