"""How a briefing reads, beyond ROUGE: fragments among its quotes, labels that fit, junk label words."""

from __future__ import annotations

from dataclasses import dataclass

from .. import Briefing, analyzer_for, is_fragment, is_junk_term


@dataclass
class QuoteCounts:
    """Counts over many briefings; the rates are shares of key points or of label words."""

    points: int = 0
    fragments: int = 0
    labelled: int = 0
    label_fits: int = 0
    label_terms: int = 0
    junk_terms: int = 0

    def add_texts(self, texts: list[str]) -> None:
        """Count quotes known only as text (the oracle's): fragments only."""
        self.points += len(texts)
        self.fragments += sum(is_fragment(t) for t in texts)

    def add(self, briefing: Briefing) -> None:
        """Count one briefing's fragments, label fit and junk label words."""
        document = briefing.document
        analyzer = analyzer_for(document.language)
        labels = {t.id: t.label for t in briefing.topics}
        shown: set[int] = set()
        for point in briefing.key_points:
            self.points += 1
            paragraph = document.sentences[point.sentence].paragraph
            item = not briefing.sources and document.paragraphs[paragraph].kind == "item"
            self.fragments += is_fragment(point.text, list_item=item)
            label = labels.get(point.topic, "")
            if not label:
                continue
            shown.add(point.topic)
            self.labelled += 1
            said = set(analyzer.terms(point.text))
            named = {analyzer.term_of_word(w.strip()) for w in label.split(",")}
            self.label_fits += bool(said & named)
        words = [w.strip() for t in briefing.topics if t.id in shown for w in t.label.split(",") if w.strip()]
        words += list(briefing.key_terms)
        self.label_terms += len(words)
        self.junk_terms += sum(is_junk_term(w) for w in words)

    @property
    def fragment_rate(self) -> float:
        return 100 * self.fragments / self.points if self.points else 0.0

    @property
    def label_fit_rate(self) -> float:
        return 100 * self.label_fits / self.labelled if self.labelled else 0.0

    @property
    def junk_rate(self) -> float:
        return 100 * self.junk_terms / self.label_terms if self.label_terms else 0.0
