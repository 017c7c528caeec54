"""The ranker interface and the registry that maps method names to rankers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from ..errors import UsageError

if TYPE_CHECKING:
    import numpy as np

    from ..topics import Analysis


class Ranker(Protocol):
    name: str

    def scores(self, analysis: Analysis) -> np.ndarray:
        """One score per sentence of ``analysis.document``; higher is more important."""
        ...


@dataclass(frozen=True)
class RankerInfo:
    name: str
    module: str
    factory: str
    description: str
    # Rankers that compare each sentence with each other cost O(n^2); they are refused
    # above this many sentences so that nothing hangs for minutes (sumy issue #156).
    max_sentences: int | None = None


_REGISTRY: dict[str, RankerInfo] = {
    info.name: info
    for info in (
        RankerInfo("topic", "topic", "TopicRanker", "briefer's default: topic salience, centrality and position"),
        RankerInfo("lead", "simple", "LeadRanker", "the first sentences, in order"),
        RankerInfo("random", "simple", "RandomRanker", "random sentences (seeded by the text: repeatable)"),
        RankerInfo("lex-rank", "sumy", "LexRankRanker", "sumy's LexRank (graph centrality)", 5000),
        RankerInfo("lsa", "sumy", "LsaRanker", "sumy's LSA (latent semantic analysis)", 5000),
        RankerInfo("text-rank", "sumy", "TextRankRanker", "sumy's TextRank (graph centrality)", 5000),
        RankerInfo("luhn", "sumy", "LuhnRanker", "sumy's Luhn (significant-word clusters)"),
        RankerInfo("edmundson", "sumy", "EdmundsonRanker", "sumy's Edmundson (cue, key, title, location)"),
        RankerInfo("kl", "sumy", "KLRanker", "sumy's KL-Sum (word-distribution divergence)", 3000),
        RankerInfo("sum-basic", "sumy", "SumBasicRanker", "sumy's SumBasic (word probability)", 5000),
        RankerInfo("reduction", "sumy", "ReductionRanker", "sumy's Reduction (sentence-graph weight)", 5000),
    )
}


def method_names() -> list[str]:
    return list(_REGISTRY)


def available() -> list[RankerInfo]:
    return list(_REGISTRY.values())


def get_ranker(name: str) -> Ranker:
    info = _REGISTRY.get(name.strip().lower().replace("_", "-"))
    if info is None:
        raise UsageError(f"unknown method {name!r}; choose one of: {', '.join(_REGISTRY)}")
    # Import on demand: a pipe that asks for the default never pays for sumy and NLTK.
    module = import_module(f".{info.module}", __package__)
    return getattr(module, info.factory)()


def info_for(name: str) -> RankerInfo:
    get_ranker(name)  # validates the name with the same message
    return _REGISTRY[name.strip().lower().replace("_", "-")]
