"""A folder that keeps sumy's rankings between evaluation runs.

sumy's graph and greedy methods grow with the square of a text's sentences or faster: on the
meeting transcripts they take most of an hour a run, and their rankings do not change when
briefer's own ranker does. A ranking is stored under a hash of everything sumy is shown (the
language, the section titles, the paragraphs, the sentences, and for Edmundson the key terms
that stand in for its bonus words) and of sumy's version, so a rerun over the same texts
reuses it and any change to what sumy would see computes it afresh. briefer's own methods are
never cached: they are what an evaluation measures.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import numpy as np

from .. import Analysis, method_info, rank


class RankCache:
    """``scores(analysis, method)`` as :func:`briefer.rank`, sumy's rankings kept in ``folder``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def scores(self, analysis: Analysis, method: str) -> np.ndarray:
        """The ranking of ``method`` for ``analysis``: read from the folder when kept there."""
        if method_info(method).module != "sumy":
            return rank(analysis, method)
        path = self.folder / method / f"{_key(analysis, method)}.npy"
        try:
            scores = np.load(path, allow_pickle=False)
        except (OSError, ValueError):
            pass
        else:
            if scores.shape == (len(analysis.document.sentences),):
                self.hits += 1
                return scores
        scores = rank(analysis, method)
        self.misses += 1
        _save(path, scores)
        return scores


@cache
def _sumy_version() -> str:
    # Read from the installed package's metadata: once a run, not once a ranking.
    from importlib.metadata import version

    return version("sumy")


def _key(analysis: Analysis, method: str) -> str:
    document = analysis.document
    shown = {
        "method": method,
        "sumy": _sumy_version(),
        "language": document.language,
        "sections": [(s.title, s.start) for s in document.sections if s.title],
        "paragraphs": [p.start for p in document.paragraphs],
        "sentences": [(s.text, s.paragraph) for s in document.sentences],
        "key_terms": list(analysis.key_terms) if method == "edmundson" else [],
    }
    return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()


def _save(path: Path, scores: np.ndarray) -> None:
    # Written whole or not at all: two runs may share the folder, and an interrupted run must
    # not leave a ranking that a later run would read as complete.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            np.save(file, scores, allow_pickle=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
