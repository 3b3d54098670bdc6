"""Screenshots: one real, non-empty PNG per main screen, at 1280x800, with the demo's rows."""

from __future__ import annotations

from PySide6.QtGui import QImage

from opinionkit.ui.screenshots import SCREENS, SIZE, save_screenshots


def test_each_screen_is_saved_with_content(tmp_path, data_dir):
    saved = save_screenshots(data_dir, tmp_path / "shots")
    names = [path.stem for path in saved]
    assert names == [name for name, _ in SCREENS]
    assert {"person", "case", "providers"} <= set(names)
    for path in saved:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == SIZE
        colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
        assert len(colours) > 20, f"{path.name} looks empty"
    assert not (data_dir / "window.ini").exists(), "screenshots never change the remembered layout"

