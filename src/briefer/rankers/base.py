"""The ranker interface and the registry that maps method names to rankers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from ..errors import UsageError

if TYPE_CHECKING:
    import numpy as np

    from ..analysis.topics import Analysis


class Ranker(Protocol):
    """What every method provides: a name and one score per sentence."""

    name: str

    def scores(self, analysis: Analysis) -> np.ndarray:
        """One score per sentence of ``analysis.document``; higher is more important."""
        ...


@dataclass(frozen=True)
class RankerInfo:
    """A method in the registry: its name, where its code is, what it does, its size limit."""

    name: str
    module: str
    factory: str
    description: str
    # sumy's methods that compare every sentence with every other grow with the square of the
    # sentences (KL faster still); above this many they are refused, so that nothing runs for
    # minutes or hours (sumy issue #156). Set from `brief -m NAME` on this project's 2-core
    # machine: about 40 s at the limit (lex-rank 22 s, lsa 9 s and 576 MB, reduction 15 s,
    # text-rank 7 s, sum-basic 3 s at 2,000 sentences; lsa 14 s and 807 MB at its 2,500; kl 9 s at
    # 250, 66 s at 500, 8 min at 1,000).
    max_sentences: int | None = None


_REGISTRY: dict[str, RankerInfo] = {
    info.name: info
    for info in (
        RankerInfo("topic", "topic", "TopicRanker", "briefer's default: topic salience, centrality and position"),
        RankerInfo("lead", "simple", "LeadRanker", "the first sentences, in order"),
        RankerInfo("random", "simple", "RandomRanker", "random sentences (seeded by the text: repeatable)"),
        RankerInfo("lex-rank", "sumy", "LexRankRanker", "sumy's LexRank (graph centrality)", 3000),
        RankerInfo("lsa", "sumy", "LsaRanker", "sumy's LSA (latent semantic analysis)", 2500),
        RankerInfo("text-rank", "sumy", "TextRankRanker", "sumy's TextRank (graph centrality)", 5000),
        RankerInfo("luhn", "sumy", "LuhnRanker", "sumy's Luhn (significant-word clusters)"),
        RankerInfo("edmundson", "sumy", "EdmundsonRanker", "sumy's Edmundson (cue, key, title, location)"),
        RankerInfo("kl", "sumy", "KLRanker", "sumy's KL-Sum (word-distribution divergence)", 400),
        RankerInfo("sum-basic", "sumy", "SumBasicRanker", "sumy's SumBasic (word probability)", 5000),
        RankerInfo("reduction", "sumy", "ReductionRanker", "sumy's Reduction (sentence-graph weight)", 3000),
    )
}


def method_names() -> list[str]:
    """The names of every method, the default first."""
    return list(_REGISTRY)


def methods() -> list[RankerInfo]:
    """Every method with its description and its limit: what ``--list-methods`` and the picker show."""
    return list(_REGISTRY.values())


def _key(name: str) -> str:
    return name.strip().lower().replace("_", "-")


def method_info(name: str) -> RankerInfo:
    """The registry's entry for ``name`` (any case, ``_`` or ``-``); a usage error if unknown."""
    info = _REGISTRY.get(_key(name))
    if info is None:
        raise UsageError(f"unknown method {name!r}; choose one of: {', '.join(_REGISTRY)}")
    return info


def get_ranker(name: str) -> Ranker:
    """The ranker for method ``name``; its module is imported only now."""
    info = method_info(name)
    # Import on demand: a pipe that asks for the default never pays for sumy and NLTK.
    module = import_module(f".{info.module}", __package__)
    return getattr(module, info.factory)()


def rank(analysis: Analysis, method: str = "topic") -> np.ndarray:
    """Method ``method``'s score for every sentence of ``analysis.document``; higher is better."""
    return get_ranker(method).scores(analysis)


def sentence_limit(name: str) -> int | None:
    """The most sentences method ``name`` takes, None when it takes a text of any length."""
    info = _REGISTRY.get(_key(name))
    return info.max_sentences if info is not None else None


def fits(name: str, sentences: int) -> bool:
    """True when method ``name`` takes a text of this many sentences (see :func:`check_length`)."""
    limit = sentence_limit(name)
    return limit is None or sentences <= limit


def check_length(name: str, sentences: int) -> None:
    """Refuse, at once, a method that would take minutes or hours on this many sentences."""
    if not fits(name, sentences):
        raise UsageError(
            f"{method_info(name).name} slows down with the square of a text's length or faster: it takes at "
            f"most {sentence_limit(name):,} sentences (this text has {sentences:,}: it would run for minutes or "
            "more); use the default method, topic, or brief the text in parts"
        )
