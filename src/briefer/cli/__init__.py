"""The command-line faces: ``brief`` (one-shot and ``--batch``) and what every command shares."""

from __future__ import annotations

import os

# Set before numpy loads, which reads them once. briefer's matrices are small (a story's
# sentences by its terms): a BLAS thread pool costs more to wake than it saves, and on a
# busy machine its spinning threads made a dense SVD of 30 x 600 take 0.5 s instead of 8 ms.
# --batch already runs a process a core. A user's own setting is kept.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from .brief import main  # noqa: E402

__all__ = ["main"]
