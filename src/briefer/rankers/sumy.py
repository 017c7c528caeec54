"""sumy's summarizers behind briefer's ranker interface.

sumy picks its top sentences with ``_get_best_sentences``, which accepts a callable as the
count and hands it every sentence sorted by sumy's own rating. We pass one that keeps the
whole ranking, so each sumy method yields a score for every sentence, exactly in sumy's
order, without re-implementing any of them. Sentences and words come from briefer's own
offline splitting: sumy's stock tokenizer would need NLTK's punkt data.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from types import MethodType

import numpy as np

from ..analysis.topics import Analysis
from ..language.catalogue import Language, get_language
from ..language.words import MARKS, Analyzer

# sumy's own test for a word, with the combining marks of Hindi or Thai let in.
_SUMY_WORD = re.compile(rf"^[^\W\d_](?:[^\W\d_]|[{MARKS}]|['-])*$")

# Edmundson's cue method wants "stigma" words that mark a sentence as unimportant; these
# are hedges and asides of the kind Edmundson (1969) listed, so that it needs no hand-made list.
STIGMA_WORDS = [
    "hardly",
    "impossible",
    "perhaps",
    "maybe",
    "possibly",
    "allegedly",
    "reportedly",
    "apparently",
    "seemingly",
    "somewhat",
    "anyway",
    "incidentally",
    "meanwhile",
    "click",
    "subscribe",
    "advertisement",
    "copyright",
]


class _Tokenizer:
    """What sumy's DOM calls: ``to_sentences``, ``to_words`` and ``language``."""

    def __init__(self, language: Language) -> None:
        self.language = language.name
        if language.segmenter:
            # Chinese and Japanese words come from briefer's segmenter, not from spaces.
            self._words = Analyzer(language).words
        else:
            from nltk.tokenize import NLTKWordTokenizer

            self._words = NLTKWordTokenizer().tokenize

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words(sentence) if _SUMY_WORD.match(w))


@lru_cache(maxsize=4)
def _tools(language: Language):
    # sumy's own stemmer where it has one (so that English ranks as sumy ranks it), briefer's
    # otherwise (sumy has none for Estonian or Slovene); stop words are briefer's, as sumy
    # has no list for Russian, Dutch and others.
    from sumy.nlp.stemmers import Stemmer

    from ..language.stopwords import stop_word_list

    try:
        stemmer = Stemmer(language.name)
        # Some of sumy's stemmers load an optional package on first use (Polish needs
        # pystempel): try one word now rather than fail mid-ranking.
        stemmer("test")
    except (LookupError, ImportError, ValueError):
        stemmer = Analyzer(language).stem
    return _Tokenizer(language), stemmer, stop_word_list(language.code)


class _Capture:
    def __init__(self) -> None:
        self.order: list[int] = []

    def __call__(self, infos):
        infos = list(infos)
        self.order = [info.order for info in infos]
        return infos


class SumyRanker:
    name = ""
    summarizer_path = ""

    def scores(self, analysis: Analysis) -> np.ndarray:
        from importlib import import_module

        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        document = analysis.document
        tokenizer, stemmer, stop_words = _tools(get_language(document.language))
        paragraphs: dict[int, list] = {}
        for section in document.sections:
            if section.title:
                paragraphs.setdefault(-1 - section.index, []).append(
                    Sentence(section.title, tokenizer, is_heading=True)
                )
        for sentence in document.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(Sentence(sentence.text, tokenizer))
        ordered = sorted(paragraphs.items(), key=lambda item: _paragraph_position(document, item[0]))
        model = ObjectDocumentModel(tuple(Paragraph(sentences) for _, sentences in ordered))

        module_name, class_name = self.summarizer_path.rsplit(".", 1)
        summarizer = getattr(import_module(module_name), class_name)(stemmer)
        self.configure(summarizer, stop_words, analysis)
        capture = _Capture()
        # sumy divides by zero on texts without content words (LexRank's power method) and
        # numpy warns on stderr; LSA warns when a text has fewer words than sentences. The
        # ranking it returns is still complete, so keep both quiet: the library never prints.
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            summarizer(model, capture)
        n = len(document.sentences)
        scores = np.zeros(n)
        # sumy numbers sentences in its own document order, which is ours (headings aside).
        body = [i for i, s in enumerate(model.sentences) if not s.is_heading]
        position = {sumy_index: ours for ours, sumy_index in enumerate(body)}
        ranked = [position[o] for o in capture.order if o in position]
        for place, index in enumerate(ranked):
            scores[index] = 1.0 - place / max(n, 1)
        return scores

    def configure(self, summarizer, stop_words: frozenset[str], analysis: Analysis) -> None:
        summarizer.stop_words = stop_words


def _paragraph_position(document, key: int) -> int:
    if key < 0:
        return document.sections[-1 - key].start
    return document.paragraphs[key].start


class LexRankRanker(SumyRanker):
    name = "lex-rank"
    summarizer_path = "sumy.summarizers.lex_rank.LexRankSummarizer"


class LsaRanker(SumyRanker):
    name = "lsa"
    summarizer_path = "sumy.summarizers.lsa.LsaSummarizer"

    def configure(self, summarizer, stop_words: frozenset[str], analysis: Analysis) -> None:
        super().configure(summarizer, stop_words, analysis)
        summarizer._create_dictionary = MethodType(_lsa_dictionary, summarizer)


def _lsa_dictionary(summarizer, document) -> dict[str, int]:
    """sumy's LSA vocabulary, its words numbered in order of first use.

    sumy numbers them in a frozenset's order, which follows PYTHONHASHSEED: the SVD is the same
    up to rounding under any order of its rows, but where two sentences nearly tie the rounding
    picks between them, so the briefing changed from run to run (CNN R-1 24.08-24.20 on 300
    articles over three seeds).
    """
    words = map(summarizer.normalize_word, document.words)
    unique = dict.fromkeys(summarizer.stem_word(w) for w in words if w not in summarizer.stop_words)
    return {w: i for i, w in enumerate(unique)}


class TextRankRanker(SumyRanker):
    name = "text-rank"
    summarizer_path = "sumy.summarizers.text_rank.TextRankSummarizer"


class LuhnRanker(SumyRanker):
    name = "luhn"
    summarizer_path = "sumy.summarizers.luhn.LuhnSummarizer"


class KLRanker(SumyRanker):
    name = "kl"
    summarizer_path = "sumy.summarizers.kl.KLSummarizer"


class SumBasicRanker(SumyRanker):
    name = "sum-basic"
    summarizer_path = "sumy.summarizers.sum_basic.SumBasicSummarizer"


class ReductionRanker(SumyRanker):
    name = "reduction"
    summarizer_path = "sumy.summarizers.reduction.ReductionSummarizer"


class EdmundsonRanker(SumyRanker):
    name = "edmundson"
    summarizer_path = "sumy.summarizers.edmundson.EdmundsonSummarizer"

    def configure(self, summarizer, stop_words: frozenset[str], analysis: Analysis) -> None:
        # The document's own key terms stand in for Edmundson's hand-made bonus words. sumy
        # refuses empty word sets, so a text without key terms, or a language without a
        # stop-word list, gets a word that matches nothing.
        summarizer.bonus_words = [w.lower() for w in analysis.key_terms] or [_NO_WORD]
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stop_words or [_NO_WORD]


_NO_WORD = "\u2060"  # a word joiner: never a word of any text
