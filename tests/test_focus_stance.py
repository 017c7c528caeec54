"""Under a focus, a transcript's sentences about the subject go before those about the speaker's stance."""

from __future__ import annotations

import numpy as np
import pytest

from briefer import Budget, analyze, brief, build_document
from briefer.briefing import focus
from briefer.language.stance import stance_share

MEETING = [
    "Project Manager: Today we settle the design of the remote.",
    "Designer: I think big buttons, rubber buttons, round buttons, maybe.",
    "Marketing: The buttons should be large and easy to find on the remote.",
    "Designer: Yeah.",
    "Project Manager: The case will be made of recycled plastic in three colours.",
    "Marketing: The plastic case costs about twelve euros for each unit sold.",
    "Designer: Then the price of the case fits within what management allowed.",
]


def test_the_share_of_stance_words_counts_first_and_second_persons_and_hedges():
    assert stance_share("I think we could just, you know, try it.", "en") == pytest.approx(6 / 9)
    assert stance_share("I\u2019m sure.", "en") == pytest.approx(1 / 2)
    # Our remote, your screen: the subject, not the speaker.
    assert stance_share("Our remote lights your screen.", "en") == 0
    assert stance_share("Je pense que oui.", "fr") == 0


def test_a_sentence_about_the_subject_goes_before_one_about_the_speakers_stance(monkeypatch):
    document = build_document("\n\n".join(MEETING))
    analysis = analyze(document)
    budget = Budget(sentences=1)
    monkeypatch.setattr(focus, "STANCE_POWER", 0.0)
    plain = brief(document, budget=budget, analysis=analysis, focus="buttons")
    monkeypatch.setattr(focus, "STANCE_POWER", 5.0)
    weighed = brief(document, budget=budget, analysis=analysis, focus="buttons")
    # The stance sentence names the buttons thrice and wins on the words alone.
    assert [p.text for p in plain.key_points] == [MEETING[1].split(": ", 1)[1]]
    assert [p.text for p in weighed.key_points] == [MEETING[2].split(": ", 1)[1]]
    # The relevance reported is the focus's own: the stance orders the choice, no more.
    point = weighed.key_points[0]
    assert point.relevance == round(float(focus.query_focus(analysis, "buttons").relevance[point.sentence]), 4)


def test_outside_a_transcript_every_sentence_counts_alike():
    document = build_document("I think we could just make the buttons big. The buttons are large and soft.")
    analysis = analyze(document)
    assert analysis.turns is None
    assert np.array_equal(focus.stance_weights(analysis), np.ones(len(document.sentences)))
