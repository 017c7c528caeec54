"""One briefing from several sources: topics across them, no point made twice.

The sources are joined into one combined document so that topics, labels and term weights
are found across all of them. Each sentence is scored twice: by the chosen ranker within
its own source (so that a news article's lead still counts as its lead), and by how central
it is to the whole collection (what several sources say weighs more than what one says).
Key points are chosen under the budget with a strict repeat check; near-duplicate sentences
of other sources collapse into the key point as mentions, and a point no other source
comes close to is marked as coming from one source only.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np

from ..analysis import Analysis, analyze
from ..analysis.centrality import centrality, lead_is_central
from ..errors import InputError, UsageError
from ..model import Briefing, Document, Mention, Paragraph, Section, Sentence, count_words
from ..rankers import Ranker, check_length, get_ranker
from ..sources.document import MAX_SENTENCES
from .assemble import assemble, key_points
from .budget import Budget
from .focus import query_focus, stance_weights, topic_focus
from .selection import Rules, choose
from .single import brief

# Two sentences whose content words overlap by more than half say the same thing
# (the measure the repeated-point rate is judged by).
REPEAT_OVERLAP = 0.5
# A near-duplicate in another source is folded into the key point as a mention.
DUPLICATE_COSINE = 0.55
# Below this similarity to every sentence of the other sources, a point is one source's alone.
CORROBORATION_COSINE = 0.3
# A key point of several sources must not repeat another by its vector or by its words.
SEVERAL_SOURCES = Rules(redundancy=DUPLICATE_COSINE, word_overlap=REPEAT_OVERLAP, needs_terms=True)
CENTRALITY_WEIGHT = 0.5
# Tuned on Multi-News dev clusters 0-49 (R-2 13.29 -> 13.85), confirmed on 50-99 (15.48 -> 16.31).
SOURCE_LEAD_WEIGHT = 0.5
# A source less than this share as related to the others as the typical source is called
# off-topic in the briefing's notes; its sentences are damped, never below the floor.
OFF_TOPIC_MARK = 0.5
OFF_TOPIC_FLOOR = 0.2
SEPARATOR = "\n\n"


def combine(documents: list[Document]) -> Document:
    """One document holding every source, a section each, offsets shifted accordingly."""
    if not documents:
        raise UsageError("no sources to brief")
    total = sum(len(d.sentences) for d in documents)
    if total > MAX_SENTENCES:
        # The same bound as for one document: a folder of many files must not exhaust memory.
        raise InputError(
            f"{len(documents)} sources: {total:,} sentences in all, more than the {MAX_SENTENCES:,} "
            "briefer handles at once: brief fewer sources, or each with --batch"
        )
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    sections: list[Section] = []
    base = 0
    for index, document in enumerate(documents):
        first_paragraph = len(paragraphs)
        for p in document.paragraphs:
            paragraphs.append(Paragraph(len(paragraphs), p.start + base, p.end + base, index, p.kind))
        for s in document.sentences:
            sentences.append(
                Sentence(len(sentences), s.start + base, s.end + base, s.text, first_paragraph + s.paragraph, index)
            )
        end = base + len(document.text) + (len(SEPARATOR) if index + 1 < len(documents) else 0)
        sections.append(Section(index, document.title or document.source, base, end, "source"))
        base = end
    languages = Counter(d.language for d in documents)
    return Document(
        text=SEPARATOR.join(d.text for d in documents),
        title=f"{len(documents)} sources",
        source="",
        language=languages.most_common(1)[0][0],
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        sections=tuple(sections),
        input_format="collection",
    )


def brief_many(
    documents: list[Document],
    *,
    method: str = "topic",
    budget: Budget | None = None,
    order: str = "document",
    notes: tuple[str, ...] = (),
    focus: str | None = None,
    topic: str | int | None = None,
) -> Briefing:
    """Brief several documents as one: the sources' shared topics, each point made once.

    ``focus`` and ``topic`` keep the briefing to one subject, as for one document.
    """
    if len(documents) == 1:
        single = brief(documents[0], method=method, budget=budget, order=order, focus=focus, topic=topic)
        return dataclasses.replace(single, sources=tuple(documents), notes=(*notes, *single.notes))
    budget = budget or Budget()
    ranker = get_ranker(method)
    # Each source is ranked on its own (see _scores): the bound holds a source.
    for document in documents:
        check_length(method, len(document.sentences))
    combined = combine(documents)
    analysis = analyze(combined)
    source_of = np.asarray([s.section for s in combined.sentences])
    scores = _scores(ranker, documents, analysis, source_of)
    lengths = [count_words(s.text) for s in combined.sentences]
    limit = budget.sentence_limit(len(combined.sentences))
    about = None
    if focus is not None or topic is not None:
        about = query_focus(analysis, focus) if focus is not None else topic_focus(analysis, topic or 1)
        if not about.found:
            notes = (*notes, f"nothing in the sources is about \u201c{about.query}\u201d")
        scores = about.scores(scores) * stance_weights(analysis)
        if budget.is_default:
            limit = min(limit, about.default_length())
    rules = dataclasses.replace(SEVERAL_SOURCES, positive_only=True) if about is not None else SEVERAL_SOURCES
    chosen = choose(analysis, scores, limit, budget.words, lengths, rules) if about is None or about.found else []

    bases = [section.start for section in combined.sections]
    points = []
    for point in key_points(analysis, scores, chosen):
        source = int(source_of[point.sentence])
        mentions, corroborated = _mentions(analysis, source_of, bases, point.sentence)
        points.append(
            dataclasses.replace(
                point,
                start=point.start - bases[source],
                end=point.end - bases[source],
                section=source,
                source=source,
                mentions=mentions,
                only_source=not corroborated,
                relevance=round(float(about.relevance[point.sentence]), 4) if about is not None else None,
            )
        )
    for k in off_topic_sources(analysis, source_of):
        name = documents[k].title or documents[k].source or f"source {k + 1}"
        notes = (*notes, f"source {k + 1} ({name}) has little in common with the others")
    languages = sorted({d.language for d in documents})
    if len(languages) > 1:
        # One analyzer serves the whole collection: that of the commonest language.
        notes = (
            *notes,
            f"the sources are in several languages ({', '.join(languages)}): topics use {combined.language}",
        )
    return assemble(analysis, ranker.name, order, points, sum(lengths), notes, sources=documents, focus=about)


def _scores(ranker: Ranker, documents: list[Document], analysis: Analysis, source_of: np.ndarray) -> np.ndarray:
    """Each source's own ranking, lifted by how central a sentence is to the collection."""
    within = np.zeros(len(source_of))
    offset = 0
    for document in documents:
        own_analysis = analyze(document)
        own = np.asarray(ranker.scores(own_analysis), dtype=np.float64)
        top = own.max() if own.size else 0.0
        own = own / top if top > 0 else own
        if lead_is_central(centrality(own_analysis.matrix)):
            # A news article's opening carries its story; across a cluster that counts for
            # more than any one article's ranking shows (the first-3 baseline's strength).
            lead = 1.0 - np.arange(len(own)) / max(len(own), 1)
            own = (1 - SOURCE_LEAD_WEIGHT) * own + SOURCE_LEAD_WEIGHT * lead
        within[offset : offset + len(own)] = own
        offset += len(own)
    matrix = analysis.matrix
    centroid = matrix.column_sums()
    norm = np.linalg.norm(centroid)
    central = matrix @ (centroid / norm) if norm > 0 else np.zeros(len(source_of))
    central = central / central.max() if central.size and central.max() > 0 else central
    relevance = source_relevance(analysis, source_of)
    return within * ((1 - CENTRALITY_WEIGHT) + CENTRALITY_WEIGHT * central) * relevance[source_of]


def source_relevance(analysis: Analysis, source_of: np.ndarray) -> np.ndarray:
    """How much each source belongs with the others: 1 for most, less for one off-topic.

    A source's vocabulary is compared with the rest of the collection's; a source far less
    related than the typical one (an off-topic article in a news cluster) is damped in
    proportion, so that it cannot fill the briefing with its own lead.
    """
    sources = int(source_of.max()) + 1 if source_of.size else 0
    if sources < 3:
        return np.ones(max(sources, 1))
    centroids = analysis.matrix.group_sums(source_of, sources).toarray()
    total = centroids.sum(axis=0)
    related = np.zeros(sources)
    for k in range(sources):
        rest = total - centroids[k]
        denominator = np.linalg.norm(centroids[k]) * np.linalg.norm(rest)
        related[k] = float(centroids[k] @ rest / denominator) if denominator > 0 else 0.0
    typical = float(np.median(related))
    if typical <= 0:
        return np.ones(sources)
    return np.clip(related / typical, OFF_TOPIC_FLOOR, 1.0)


def off_topic_sources(analysis: Analysis, source_of: np.ndarray) -> list[int]:
    return [int(k) for k in np.flatnonzero(source_relevance(analysis, source_of) < OFF_TOPIC_MARK)]


def _mentions(
    analysis: Analysis, source_of: np.ndarray, bases: list[int], index: int
) -> tuple[tuple[Mention, ...], bool]:
    """The key point itself and its closest near-duplicate in each other source."""
    sentences = analysis.document.sentences
    own = int(source_of[index])
    similarity = analysis.matrix @ analysis.matrix.row(index)
    found = [
        Mention(own, sentences[index].start - bases[own], sentences[index].end - bases[own], sentences[index].text)
    ]
    corroborated = False
    for source in range(len(bases)):
        if source == own:
            continue
        members = np.flatnonzero(source_of == source)
        if not members.size:
            continue
        best = int(members[np.argmax(similarity[members])])
        if similarity[best] >= CORROBORATION_COSINE:
            corroborated = True
        if similarity[best] >= DUPLICATE_COSINE:
            s = sentences[best]
            found.append(Mention(source, s.start - bases[source], s.end - bases[source], s.text))
    return tuple(found), corroborated
