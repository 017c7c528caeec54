"""Briefings of every kind of document: a bill, a paper, a meeting transcript, long texts.

Small hand-made texts of each genre, asserting what the briefing must and must not contain;
labels and key terms that are words of the text; the default length; the quality measures
of brief-eval (fragments, label fit, junk label words).
"""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import Budget, analyze, brief, build_document, is_fragment, is_junk_term, load, rank, render
from briefer.briefing.budget import default_length
from briefer.evaluation.quotes import QuoteCounts
from cases import cases

BILL = """SECTION 1. SHORT TITLE.

This Act may be cited as the ``Rural Water Safety Act of 2024''.

SEC. 2. FINDINGS.

Congress finds the following:

(1) Millions of rural households depend on private wells for their drinking water.

(2) Private wells are not covered by the testing rules that apply to public water systems.

(3) Nitrate and arsenic contamination of private wells has risen in farming counties.

SEC. 3. GRANTS FOR WELL TESTING.

(a) In General.--The Administrator shall make grants to States to test private wells in rural counties.

(b) Use of Funds.--A State shall use the grant to test wells for nitrate, arsenic and bacteria.

(c) Reports.--Each State that receives a grant shall report the results of the testing to the Administrator every year.

SEC. 4. AUTHORIZATION OF APPROPRIATIONS.

There are authorized to be appropriated to carry out this Act $50,000,000 for each of fiscal years 2025 through 2029.
"""

PAPER = """# Fast Tagging with Sparse Markov Models

## Abstract

We present a tagger that uses sparse second order Markov models for part-of-speech tagging.

## 1 Introduction

Part-of-speech taggers are used by many language processing systems as a first step.
Statistical taggers have been compared with rule-based taggers in many studies.
The question which model tags best is still open.
We describe a tagger built on sparse Markov models and smoothing of trigram counts.

## 2 Model

The tagger uses second order Markov models in which the states are pairs of tags.
Transition probabilities are estimated from trigram counts with linear interpolation.
Unknown words are handled by a suffix analysis of the last letters of each word.
The interpolation weights are set by deleted interpolation on the training corpus.

## 3 Results

On the Penn Treebank the sparse tagger reaches an accuracy of 96.7 percent.
On unknown words the suffix analysis raises accuracy from 82 percent to 86 percent.
Tagging runs at fifty thousand tokens a second on one processor core.
Training on a tenth of the corpus still gives an accuracy of 95 percent.

## 4 Conclusion

Sparse Markov models with suffix analysis tag as accurately as the best statistical taggers.
The tagger is fast to train and fast to run, which makes it a good first step for parsers.
"""

TRANSCRIPT = """Project Manager: Okay.

Marketing: Mm-hmm.

Project Manager: Today we decide the price and the materials of the new remote control.

Industrial Designer: Yeah.

Industrial Designer: The rubber case costs more than plastic but users find it more comfortable to hold.

Marketing: Okay.

Marketing: Our survey shows that young users will pay twenty-five euros for a remote control with a rubber case.

Project Manager: Right.

Project Manager: So we keep the rubber case and we drop the voice recognition to stay within the budget.

User Interface: Uh-huh.

User Interface: The buttons for volume and channels should be large and placed at the top of the remote.

Industrial Designer: Yeah, yeah.

Industrial Designer: The solar cell cannot power the backlight, so the remote control needs a battery as well.

Marketing: Okay.

Project Manager: Next meeting we look at the prototype of the remote control and its rubber case.
"""


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", text)}


def test_a_bills_briefing_quotes_sentences_not_headings_stubs_or_section_markers():
    document = build_document(BILL)
    briefing = brief(document, budget=Budget(sentences=4))
    items = {p.index for p in document.paragraphs if p.kind == "item"}
    for point in briefing.key_points:
        assert point.text == document.text[point.start : point.end]
        assert not point.text.isupper()
        item = document.sentences[point.sentence].paragraph in items
        assert not is_fragment(point.text, list_item=item), point.text
    shown = [w for t in briefing.topics for w in t.label.split(", ") if w] + list(briefing.key_terms)
    assert shown
    assert not [w for w in shown if is_junk_term(w)]
    assert not {"sec", "section"} & {w.lower() for w in shown}


def test_a_papers_briefing_reaches_its_results_and_conclusion(tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    document = load(str(path))
    assert len(document.sections) >= 5
    briefing = brief(document, budget=Budget(sentences=5))
    titles = {document.sections[p.section].title for p in briefing.key_points}
    assert titles & {"3 Results", "4 Conclusion"}
    # Not all from the opening: the key points span at least three sections.
    assert len({p.section for p in briefing.key_points}) >= 3


def test_a_transcripts_key_points_have_their_speaker_and_are_never_filler():
    document = build_document(TRANSCRIPT)
    briefing = brief(document, budget=Budget(sentences=4))
    assert len(briefing.key_points) == 4
    for point in briefing.key_points:
        assert point.speaker in {"Project Manager", "Marketing", "Industrial Designer", "User Interface"}
        # The quote is verbatim and does not include the name.
        assert point.text == document.text[point.start : point.end]
        assert not point.text.startswith(point.speaker)
        assert document.text[: point.start].rstrip().endswith(f"{point.speaker}:")
        assert len(point.text.split()) > 3
    # Speakers' names are no topic: no label or key term is a name's word.
    shown = {w.lower() for t in briefing.topics for w in t.label.split(", ")} | {t.lower() for t in briefing.key_terms}
    assert not shown & {"manager", "marketing", "designer", "interface", "okay", "yeah"}


def test_a_speaker_is_shown_in_text_markdown_and_json():
    briefing = brief(build_document(TRANSCRIPT), budget=Budget(sentences=2))
    speakers = [p.speaker for p in briefing.key_points]
    data = json.loads(render(briefing, "json"))
    assert [p["speaker"] for p in data["summary"]] == speakers
    text = render(briefing, "text", width=200)
    markdown = render(briefing, "markdown")
    for point in briefing.key_points:
        assert f"{point.speaker}: {point.text[:30]}" in text
        assert f"**{point.speaker}:** " in markdown


def test_a_text_that_is_not_a_transcript_has_no_speakers():
    text = (
        "Note: the figures below are provisional.\n\nThe council approved the budget on Monday after a long debate.\n\n"
        "Spending on schools rises by four percent while road repairs are delayed.\n\n"
        "The opposition said the plan leaves too little for housing."
    )
    briefing = brief(build_document(text), budget=Budget(sentences=2))
    assert all(p.speaker == "" for p in briefing.key_points)
    assert "speaker" not in json.loads(render(briefing, "json"))["summary"][0]


def test_the_default_length_grows_with_the_text_within_its_bound():
    lengths = [default_length(n) for n in range(1, 5000, 7)]
    assert lengths == sorted(lengths)
    assert min(lengths) == 3 and max(lengths) == 25
    assert default_length(300) > default_length(40) > default_length(10)
    assert Budget().sentence_limit(300) == default_length(300)


def test_fragments_as_the_structure_issue_defines_them():
    assert is_fragment("SEC.")
    assert is_fragment("MONITORING OF DOMESTIC USES MADE OF CERTAIN FOREIGN COMMODITIES.")
    assert is_fragment("but there were concerns about the cost of the plan.")
    assert is_fragment("(a) in general the Secretary shall make the grants.")
    assert is_fragment("The Secretary shall make grants to the States that are--")
    assert is_fragment("The plan can expect a retirement income 13% higher than a colleague")
    assert not is_fragment("The Secretary shall make grants to the States.")
    assert not is_fragment('"We will win," she said.')
    assert not is_fragment("(2) Private wells are not covered by the testing rules.")
    assert is_fragment("(A) the quantity of the commodity used in the quarter;")
    assert not is_fragment("(A) The quantity of the commodity used in the quarter;", list_item=True)
    assert is_fragment("(A) The quantity of the commodity used in the quarter;", list_item=False)
    # A lead-in says nothing until what it introduces: "...the following:" is never a key point.
    assert is_fragment("(a) Definitions.--For purposes of this section:", list_item=True)
    assert is_fragment("(1) Section 4 is amended by adding at the end the following:", list_item=True)


def test_junk_label_terms():
    for word in ("SEC", "Sec", "cn", "ij", "uh", "2019", "BQ", "CRS", "x2"):
        assert is_junk_term(word), word
    for word in ("tagger", "Congress", "end-use", "Marie-Claude", "会议", "预算"):
        assert not is_junk_term(word), word


def test_quote_counts_measure_fragments_label_fit_and_junk():
    document = build_document(BILL)
    briefing = brief(document, budget=Budget(sentences=3))
    counts = QuoteCounts()
    counts.add(briefing)
    assert counts.points == 3
    assert counts.labelled == 3
    assert 0 <= counts.label_fit_rate <= 100
    assert counts.junk_rate == 0
    counts.add_texts(["SEC. 2.", "A whole sentence of the bill is here."])
    assert counts.points == 5 and counts.fragments >= 1


def test_every_key_points_label_shares_a_word_with_it():
    from briefer import analyzer_for

    for text in (BILL, TRANSCRIPT):
        briefing = brief(build_document(text), budget=Budget(sentences=4))
        analyzer = analyzer_for(briefing.document.language)
        labels = {t.id: t.label for t in briefing.topics}
        for point in briefing.key_points:
            said = set(analyzer.terms(point.text))
            named = {analyzer.term_of_word(w) for w in labels[point.topic].split(", ")}
            assert said & named, (labels[point.topic], point.text)


_VOCABULARY = [
    "river", "council", "budget", "school", "farm", "water", "price", "Senate", "NASA", "SEC", "cn", "ij",
    "uh", "Okay", "2024", "7", "road", "tax", "teacher", "wells", "grant", "State", "ox", "IT",
]  # fmt: skip


@settings(max_examples=cases(40), deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_VOCABULARY), min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + "."),
        min_size=3,
        max_size=25,
    )
)
def test_label_terms_are_words_of_the_text_and_never_junk(sentences):
    text = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
    document = build_document(text, language="en")
    analysis = analyze(document)
    briefing = brief(document, analysis=analysis)
    words = _words(text)
    shown = [w for t in briefing.topics for w in t.label.split(", ") if w] + list(briefing.key_terms)
    shown += [w for t in briefing.topics for w in t.terms]
    for word in shown:
        assert word.lower() in words, word
        assert not is_junk_term(word), word


def test_a_speakers_name_with_brackets_and_abbreviations_is_never_quoted():
    turns = [
        "The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.)): I call this meeting of the committee to order.",
        "Mr. Gérard Deltell: The government must publish its plan for the spring before the budget vote.",
        "The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.)): Thank you.",
        "Hon. Chrystia Freeland: The plan for the spring will be published with the budget next week.",
        "Mr. Gérard Deltell: Families in Quebec are waiting for that plan and for the support it promises.",
        "The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.)): Okay.",
    ]
    document = build_document("\n\n".join(turns))
    briefing = brief(document, budget=Budget(sentences=3))
    for point in briefing.key_points:
        assert point.speaker in {"The Chair (Hon. Anthony Rota (Nipissing—Timiskaming, Lib.))", "Mr. Gérard Deltell",
                                 "Hon. Chrystia Freeland"}  # fmt: skip
        assert "Rota" not in point.text and not point.text.startswith(")")
        assert point.text not in ("Thank you.", "Okay.")
        assert point.text == document.text[point.start : point.end]


def test_a_headed_texts_sentence_that_says_what_its_heading_names_ranks_above_its_neighbours():
    from briefer.rankers.topic import headed, heading_fit

    document = build_document(BILL)
    analysis = analyze(document)
    assert headed(analysis.document)
    fit = heading_fit(analysis)
    texts = [s.text for s in analysis.document.sentences]
    grants = texts.index(next(t for t in texts if t.startswith("(a) In General.--The Administrator shall make grants")))
    findings = texts.index(next(t for t in texts if t.startswith("(1) Millions")))
    # "GRANTS FOR WELL TESTING": the grant sentence names grants and testing; a finding names no "FINDINGS".
    assert fit[grants] >= 0.5
    assert fit[findings] == 0.0
    scores = rank(analysis, "topic")
    assert scores[grants] > scores[findings]
    assert not headed(build_document("A note of two paragraphs.\n\nIt has no headings at all."))


def test_a_refined_briefing_gives_fewer_key_points_rather_than_quote_a_fragment():
    text = "The committee met on Monday and agreed on three points.\n\n" + "\n\n".join(
        f"- item {i} of the list without any end" for i in range(6)
    )
    document = build_document(text)
    briefing = brief(document, budget=Budget(sentences=4))
    items = {p.index for p in document.paragraphs if p.kind == "item"}
    assert briefing.key_points
    for point in briefing.key_points:
        assert not is_fragment(point.text, list_item=document.sentences[point.sentence].paragraph in items)


def test_a_transcripts_turns_that_name_things_outrank_talk_about_the_talk():
    # Early turns about the meeting itself ("Make a start then.") sit where the position
    # prior is strongest; the points are made later, in turns that name many things.
    chatter = [
        "Project Manager: Make a start then.",
        "Marketing: Shall I go first with the slides?",
        "Project Manager: Yes please, go ahead.",
        "Marketing: Right, one moment while the laptop wakes up.",
    ]
    points = [
        "Marketing: Our survey of remote control users found that the rubber case, the large "
        "buttons and the voice recognition matter most to buyers under forty.",
        "Industrial Designer: The rubber case and the large buttons fit the budget, but voice "
        "recognition needs a speech chip that doubles the price of the remote control.",
        "Project Manager: So the remote control keeps the rubber case and the large buttons, "
        "and the voice recognition waits for the next product line.",
    ]
    filler = [f"{who}: Okay." for who in ("Marketing", "Industrial Designer", "Project Manager")]
    turns = chatter + [t for pair in zip(points, filler, strict=True) for t in pair]
    document = build_document("\n\n".join(turns) + "\n")
    scores = rank(analyze(document), "topic")
    said = [t.split(": ", 1)[1] for t in points]
    top = {
        document.sentences[i].text.split(": ", 1)[1] for i in sorted(range(len(scores)), key=lambda i: -scores[i])[:3]
    }
    assert top == set(said)
    # The third point repeats much of the first two, so a briefing of three may leave it out
    # for another turn; a briefing of two quotes the first two points and no talk about the talk.
    briefing = brief(document, budget=Budget(sentences=2))
    assert [p.text for p in briefing.key_points] == said[:2]
    first_point = next(i for i, s in enumerate(document.sentences) if s.text.endswith(points[0].split(": ", 1)[1]))
    assert scores[first_point] > max(scores[:first_point])


REPORT = "\n\n".join(
    [
        "This report examines how federal grants for rural broadband are awarded, spent and audited by the states.",
        "Congress created the rural broadband grant program in 2018 to bring fast internet service to farming "
        "counties. The program is run by the Department of Agriculture. It has awarded 4.2 billion dollars to 310 "
        "projects in 44 states. Most grants pay for fibre lines to homes and farms that had no wired service.",
        "States choose which projects to fund under rules set by the Department. These rules favour counties where "
        "fewer than a tenth of homes have fast service. Critics say the rules leave out towns that have slow service "
        "from a single provider.",
        "Audits found that a fifth of the funded lines were never built or served fewer homes than promised. The "
        "Department has recovered 95 million dollars from providers that missed their targets. Congress may wish "
        "to require states to publish the homes each funded line reaches.",
    ]
)


def test_a_text_naming_itself_does_not_lean_on_missing_context():
    from briefer.language.openings import is_dangling

    for own in (
        "This report examines federal grants.",
        "This CRS report examines federal grants.",
        "“This paper presents a tagger.",
        "These sections amend the Clean Water Act.",
        "WASHINGTON (CNN) -- This article was updated.",
    ):
        assert not is_dangling(own), own
    # A demonstrative that points back at something said before still dangles.
    for leaning in ("This variation is hard.", "These programs cost money.", "This acts as a check.", "This is new."):
        assert is_dangling(leaning), leaning


def test_a_reports_statement_of_its_purpose_can_open_its_briefing():
    # "This report examines ..." names the text itself: it is the report's own summary, not
    # a sentence pointing at context the reader lacks, so the briefing may open on it.
    document = build_document(REPORT)
    briefing = brief(document, budget=Budget(sentences=4))
    assert briefing.key_points[0].text.startswith("This report examines how federal grants")


SPOKEN = """Professor F: OK, so we start with the parser today.

PhD A: hmm

Grad D: OK, uh What's

Professor F: Uh, wanna give them all with German accents today or?

Grad B: The chunk parser from Tuebingen handles the German word order well enough for now.

PhD A: Yes

Grad D: The lexicon comes from Morphix and we threw out all the inflected forms.

Professor F: So we keep the chunk parser and the lexicon as they are.
"""


def test_a_transcripts_short_turns_are_said_not_section_headings():
    document = build_document(SPOKEN)
    # Short unpunctuated turns have a heading's shape; in a transcript they are speech.
    assert all(section.origin != "heading" for section in document.sections)
    said = " ".join(s.text for s in document.sentences)
    for turn in ("PhD A: hmm", "Grad D: OK, uh What's", "German accents today or?", "PhD A: Yes"):
        assert turn in said


def test_a_short_line_opening_with_a_colon_word_outside_a_transcript_can_still_head_a_section():
    text = (
        "Background: the old plant\n\n"
        "The council bought the plant in 1990 and ran it at a loss for twenty years.\n\n"
        "Its boilers were replaced twice and its roof leaked through every winter.\n\n"
        "Results\n\n"
        "The new plant cut the town's heating costs by a third in its first year."
    )
    titles = [section.title for section in build_document(text).sections if section.origin == "heading"]
    assert "Results" in titles


def test_a_pointer_to_another_part_of_the_text_is_not_a_key_point():
    from briefer.rankers.topic import quote_factor

    parts = [
        "Congress appropriated four billion dollars for water projects in the western states in 2019.",
        '(See " Water Supply and Quality Issues " below.)',
        "See Table 3 for the water projects funded in each of the western states since 2019.",
        "The water projects in the western states were funded again by Congress in 2020.",
    ]
    analysis = analyze(build_document("\n\n".join(parts)))
    factors = [quote_factor(analysis, i, news=False) for i in range(len(parts))]
    assert factors[1] < 0.1 * factors[0] and factors[2] < 0.1 * factors[0]
    assert factors[3] > 0.5 * factors[0]


def test_a_bill_is_titled_by_the_name_it_may_be_cited_as():
    bill = (
        "SECTION 1. SHORT TITLE.\n\nThis Act may be cited as the ``Rural Water\nSafety Act of 2019''.\n\n"
        "SEC. 2. GRANTS.\n\nThe Secretary shall make grants to the States for the testing of rural wells."
    )
    assert build_document(bill).title == "Rural Water Safety Act of 2019"
    # Without the clause, the first heading stays the title, as before.
    assert build_document(bill.replace("may be cited as", "is named")).title == "SECTION 1. SHORT TITLE."


def test_a_bullets_marker_is_no_part_of_the_quote_but_an_enumerator_is():
    text = (
        "Release notes\n\nThe new version changes how updates are checked.\n\n"
        "- If the version has changed, the client downloads the new index before anything else.\n"
        "- If the download fails, the client keeps the old index and tries again later.\n\n"
        "(a) The server keeps the last three versions of every index for clients behind."
    )
    document = build_document(text)
    briefing = brief(document, budget=Budget(sentences=10))
    quotes = [p.text for p in briefing.key_points]
    assert "If the version has changed, the client downloads the new index before anything else." in quotes
    assert not any(q.startswith("- ") for q in quotes)
    assert any(q.startswith("(a) The server") for q in quotes)
    assert all(text[p.start : p.end] == p.text for p in briefing.key_points)


def test_a_standards_boilerplate_parts_are_shown_but_never_quoted():
    text = (
        "Status of this Memo\n\n"
        "This memo provides information for the Internet community. Distribution of this memo is unlimited.\n\n"
        "1. Introduction\n\n"
        "The domain name system gives every computer on the network a name in a hierarchy of names.\n\n"
        "2. Delegation\n\n"
        "Each top-level domain has a manager who delegates the names below it to other managers.\n\n"
        "Acknowledgments\n\n"
        "Many people in the community helped with the delegation of the top-level domain names.\n\n"
        "Author's Address\n\n"
        "The author can be reached at the information sciences institute in Marina del Rey."
    )
    document = build_document(text)
    titles = [s.title for s in document.sections]
    assert {"Status of this Memo", "Acknowledgments", "Author's Address"} <= set(titles)
    quotes = [p.text for p in brief(document, budget=Budget(sentences=3)).key_points]
    assert quotes and all("memo" not in q and "helped" not in q and "reached" not in q for q in quotes)
    assert any(q.startswith("The domain name system") for q in quotes)
