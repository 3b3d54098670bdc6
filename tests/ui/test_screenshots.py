"""Screenshots: one real, non-empty PNG per main screen, at 1280x800, with the demo's rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtGui import QImage

from opinionkit.ui.qt_messages import offscreen_notices_dropped
from opinionkit.ui.screenshots import SCREENS, SIZE, save_screenshots


def test_each_screen_is_saved_with_content(tmp_path, data_dir):
    saved = save_screenshots(tmp_path / "shots", data_dir=data_dir)
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



@pytest.mark.qt_log_ignore("^Something that matters$")
def test_only_the_offscreen_notices_are_dropped(qtlog):
    with offscreen_notices_dropped():
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("Something that matters")
    qWarning("This plugin does not support raise()")  # outside: passed on again
    assert [record.message for record in qtlog.records] == [
        "Something that matters", "This plugin does not support raise()",
    ]
