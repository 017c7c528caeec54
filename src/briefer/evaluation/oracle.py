"""The extractive ceiling: greedily the sentences that best match the references.

As in Nallapati et al. (2017) and Liu & Lapata (2019): add the sentence that most raises the
mean of ROUGE-1 and ROUGE-2 F1, stop at the budget or when nothing helps. The search counts
n-grams itself (each sentence tokenised once, as rouge-score tokenises) instead of calling
rouge-score for every candidate, which makes it hundreds of times faster; only the final
choice is scored with rouge-score, like every other method.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .rouge import tokens


def _grams(words: list[str], n: int) -> Counter:
    return Counter(zip(*(words[i:] for i in range(n)), strict=False)) if len(words) >= n else Counter()


class _Target:
    def __init__(self, reference: Sequence[str]) -> None:
        words = tokens(" ".join(reference))
        self.grams = (_grams(words, 1), _grams(words, 2))
        self.sizes = (max(len(words), 0), max(len(words) - 1, 0))


def _f1(overlap: int, predicted: int, target: int) -> float:
    if overlap == 0 or predicted == 0 or target == 0:
        return 0.0
    precision, recall = overlap / predicted, overlap / target
    return 2 * precision * recall / (precision + recall)


def oracle(
    sentences: Sequence[str], references: Sequence[Sequence[str]], n: int, max_words: int | None = None
) -> list[int]:
    """Indices (in document order) of at most ``n`` sentences that greedily maximise ROUGE.

    With ``max_words``, a sentence that would take the choice past that many words is passed
    over, as a word-budgeted method's would be.
    """
    lengths = [len(s.split()) for s in sentences]
    used_words = 0
    targets = [_Target(r) for r in references]
    sentence_grams = []
    for sentence in sentences:
        words = tokens(sentence)
        sentence_grams.append((_grams(words, 1), _grams(words, 2)))
    chosen: list[int] = []
    current: tuple[Counter, Counter] = (Counter(), Counter())
    overlaps = [[0, 0] for _ in targets]
    sizes = [0, 0]
    best_score = 0.0
    while len(chosen) < n:
        best = None
        for index, grams in enumerate(sentence_grams):
            if index in chosen or not grams[0]:
                continue
            if max_words is not None and used_words + lengths[index] > max_words:
                continue
            score = _score_with(grams, targets, current, overlaps, sizes)
            if score > best_score + 1e-12:
                best_score, best = score, index
        if best is None:
            break
        grams = sentence_grams[best]
        for t, target in enumerate(targets):
            for order in (0, 1):
                overlaps[t][order] += _gain(grams[order], current[order], target.grams[order])
        for order in (0, 1):
            current[order].update(grams[order])
        sizes = [sizes[0] + sum(grams[0].values()), sizes[1] + sum(grams[1].values())]
        chosen.append(best)
        used_words += lengths[best]
    return sorted(chosen)


def _score_with(
    grams: tuple[Counter, Counter],
    targets: list[_Target],
    current: tuple[Counter, Counter],
    overlaps: list[list[int]],
    sizes: list[int],
) -> float:
    """Mean ROUGE-1 and ROUGE-2 F1 over the references were ``grams`` added to the choice."""
    new_sizes = (sizes[0] + sum(grams[0].values()), sizes[1] + sum(grams[1].values()))
    total = 0.0
    for t, target in enumerate(targets):
        for order in (0, 1):
            gain = _gain(grams[order], current[order], target.grams[order])
            total += _f1(overlaps[t][order] + gain, new_sizes[order], target.sizes[order])
    return total / (2 * len(targets))


def _gain(grams: Counter, have: Counter, wanted: Counter) -> int:
    """How many more of the reference's n-grams are matched once ``grams`` join ``have``."""
    gain = 0
    for gram, count in grams.items():
        limit = wanted.get(gram, 0)
        if limit:
            before = have.get(gram, 0)
            gain += min(before + count, limit) - min(before, limit)
    return gain
