"""Building the packet on a worker thread, with its own database and the Qt renderer.

The core reports ``progress(fraction, message)``; the task turns the fraction
into thousandths on ``progress`` (done, 1000) and passes the message on
``step``. The renderer is made here, in the worker: it draws with QPainter on
a QPdfWriter, which is safe off the GUI thread once the application exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Signal

from opinionkit.core.packet import build
from opinionkit.core.packet.build import BuildResult
from opinionkit.core.packet.plan import PacketPlan
from opinionkit.core.storage.database import open_database
from opinionkit.ui.tasks import Task

#: The progress bar's steps: the core's fraction in thousandths.
STEPS = 1000


def build_packet(
    data_dir: Path, plan: PacketPlan, output: Path, *, zip_path: Path | None, overwrite: bool,
    leave_out: Sequence[int], progress: Callable[[int, int], None], cancel: threading.Event,
    step: Callable[[int, str], None],
) -> BuildResult:
    from opinionkit.render import PacketRenderer  # Qt's PDF side loads only when a packet is made

    db = open_database(data_dir)
    try:
        def report(fraction: float, message: str) -> None:
            done = round(fraction * STEPS)
            progress(done, STEPS)
            step(done, message)

        return build.build(db, data_dir, plan, PacketRenderer(), output, zip_path=zip_path, overwrite=overwrite,
                           leave_out=list(leave_out), progress=report, cancelled=cancel.is_set)
    finally:
        db.close()


class BuildTask(Task):
    """``build_packet`` on the thread pool; ``step`` carries (thousandths done, what is happening)."""

    step = Signal(int, str)

    def __init__(self, data_dir: Path, plan: PacketPlan, output: Path, *, zip_path: Path | None = None,
                 overwrite: bool = False, leave_out: Sequence[int] = ()) -> None:
        super().__init__(build_packet, data_dir, plan, output, zip_path=zip_path, overwrite=overwrite,
                         leave_out=list(leave_out), step=lambda done, message: self.step.emit(done, message))
        self.output = output
        self.zip_path = zip_path
