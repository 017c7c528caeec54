"""ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 from rouge-score, stemmed, averaged over references."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

METRICS = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True)
class Rouge:
    r1: float
    r2: float
    rlsum: float


class _MemoStemmer:
    """rouge-score's Porter stemmer, remembering each word: same stems, a fraction of the time."""

    def __init__(self) -> None:
        from nltk.stem import porter

        self._stemmer = porter.PorterStemmer()
        self._memo: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._memo.get(word)
        if stem is None:
            stem = self._memo[word] = self._stemmer.stem(word)
        return stem


@lru_cache(maxsize=1)
def stemmer() -> _MemoStemmer:
    return _MemoStemmer()


@lru_cache(maxsize=1)
def _scorer():
    from rouge_score import rouge_scorer, tokenize, tokenizers

    class MemoTokenizer(tokenizers.Tokenizer):
        def tokenize(self, text: str) -> list[str]:
            return tokenize.tokenize(text, stemmer())

    return rouge_scorer.RougeScorer(list(METRICS), tokenizer=MemoTokenizer())


def tokens(text: str) -> list[str]:
    """Tokens as rouge-score counts them: lower case, alphanumeric, Porter-stemmed over 3 letters."""
    from rouge_score import tokenize

    return tokenize.tokenize(text, stemmer())


def score(summary: Sequence[str], references: Sequence[Sequence[str]]) -> Rouge:
    """F1 of a summary (a list of sentences) against each reference, averaged over references."""
    if not references:
        raise ValueError("at least one reference is needed")
    if not any(s.strip() for s in summary):
        return Rouge(0.0, 0.0, 0.0)
    prediction = "\n".join(s.replace("\n", " ") for s in summary)
    totals = [0.0, 0.0, 0.0]
    for reference in references:
        target = "\n".join(s.replace("\n", " ") for s in reference)
        result = _scorer().score(target, prediction)
        for i, metric in enumerate(METRICS):
            totals[i] += result[metric].fmeasure
    k = len(references)
    return Rouge(totals[0] / k, totals[1] / k, totals[2] / k)
