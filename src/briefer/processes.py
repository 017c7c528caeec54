"""Worker processes that end with the process that started them.

The batch pool, the story pool and the reader's prefetching child all fork workers. A parent
that is killed outright (SIGKILL, the OOM killer) runs no clean-up, and its workers would go on
briefing for nobody; Linux can be asked to kill them with it.
"""

from __future__ import annotations

import os
import signal

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to kill this process when its parent dies, however it dies (even SIGKILL).

    ``parent`` is the pid the caller expects as its parent (the current one by default): if it
    has already died by the time the request is made, the request would never fire, so this
    process exits at once. Elsewhere than Linux it does nothing: the parent's shutdown ends its
    workers.
    """
    parent = os.getppid() if parent is None else parent
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)
