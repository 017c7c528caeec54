"""Baselines: the lead of the document, and a repeatable random choice."""

from __future__ import annotations

import zlib

import numpy as np

from ..analysis.topics import Analysis


class LeadRanker:
    name = "lead"

    def scores(self, analysis: Analysis) -> np.ndarray:
        n = len(analysis.document.sentences)
        return np.linspace(1.0, 0.0, n, endpoint=False) if n else np.zeros(0)


class RandomRanker:
    name = "random"

    def scores(self, analysis: Analysis) -> np.ndarray:
        # Seeded by the text, so the same input always gives the same "random" briefing.
        seed = zlib.crc32(analysis.document.text.encode("utf-8", "surrogatepass"))
        return np.random.default_rng(seed).random(len(analysis.document.sentences))
