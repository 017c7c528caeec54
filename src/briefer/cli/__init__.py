"""The command-line faces: ``brief`` (one-shot and ``--batch``) and what every command shares."""

from __future__ import annotations

import os

# One BLAS thread unless the user asks for more, set before numpy is first imported. briefer's
# matrices are thin (ten topics at most): a second thread gains little on an idle machine, and
# on a busy one (or beside --batch workers) the threads wait on each other: a 700-sentence
# text's 700 x 28 SVD took 0.24 s with OpenBLAS's threads against 4 ms with one, at a load of 8.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from .brief import main  # noqa: E402

__all__ = ["main"]
