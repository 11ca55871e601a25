"""Run by test_tasks.py in a child process: lanes without a parent, dropped by Python right
after their task ended, while the task's queued end is still to be delivered. A crash here
would take the whole test run down with it."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication

from reader.gui.tasks import TaskRunner


def main() -> None:
    app = QCoreApplication([])
    ended = 0
    for _ in range(50):
        lane = TaskRunner()
        lane.start(lambda _stop: 42)
        lane.shut_down()  # the task has run: its end waits in the event queue
        del lane
        gc.collect()
        app.processEvents()
        ended += 1
    print(f"{ended} lanes dropped")


if __name__ == "__main__":
    main()
