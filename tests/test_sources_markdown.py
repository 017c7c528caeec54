"""Markdown notes: headings are sections, code and tables are left out, no markup in quotes."""

from __future__ import annotations

import json

import pytest

from briefer.errors import InputError
from briefer.pipeline import load
from briefer.sources.markdown import read_markdown

NOTES = """\
---
title: Team notes on the glacier survey
tags: [water]
---

Glacier survey
==============

The **Nordic Hydrology Institute** published its [survey](https://example.org/survey "Survey") on Tuesday.
It measured forty glaciers over _twelve_ summers. ![a bar chart of ice loss](chart.png)

## Findings

- Every glacier retreated, and the average one lost a *fifth* of its volume.
- Peak water has already passed for a third of the glaciers.
  1. Reservoirs and `storage` plans are the towns' first answer.

| glacier | loss |
|---------|------|
| Nordfonna | 20% of its volume |

```python
print("this is code and must not be summarised")
```

    indented_code = "is not prose either"

Towns respond
-------------

Towns are building reservoirs to store spring runoff.<br>Engineers say storage can replace part of the supply.
A soft line break joins this line to the paragraph.

> The director called the results a warning rather than a forecast.

See <https://example.org/report> and [the data][data] for details.

[data]: https://example.org/data.csv
"""

MARKUP = [
    "**",
    "](",
    "![",
    "https://example.org/survey",
    "chart.png",
    "```",
    "<br>",
    "`storage`",
    "_twelve_",
    "*fifth*",
]


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def test_headings_become_sections(notes):
    document = load(str(notes))
    assert document.input_format == "markdown"
    assert [s.title for s in document.sections] == ["Glacier survey", "Findings", "Towns respond"]
    assert document.title == "Team notes on the glacier survey"  # the front matter's title


def test_no_markup_leaks_into_the_text_or_any_sentence(notes):
    document = load(str(notes))
    for mark in MARKUP:
        assert mark not in document.text, mark
    assert "The Nordic Hydrology Institute published its survey on Tuesday." in [s.text for s in document.sentences]
    assert "It measured forty glaciers over twelve summers." in [s.text for s in document.sentences]
    assert "See https://example.org/report and the data for details." in [s.text for s in document.sentences]


def test_code_tables_and_front_matter_are_not_summarised(notes):
    text = load(str(notes)).text
    for skipped in ["print(", "indented_code", "Nordfonna", "glacier | loss", "tags:", "[data]:"]:
        assert skipped not in text, skipped


def test_list_items_are_sentences_of_their_own(notes):
    document = load(str(notes))
    items = [p for p in document.paragraphs if p.kind == "item"]
    assert [document.text[p.start : p.end] for p in items] == [
        "Every glacier retreated, and the average one lost a fifth of its volume.",
        "Peak water has already passed for a third of the glaciers.",
        "Reservoirs and storage plans are the towns' first answer.",
    ]
    for item in items:
        inside = [s for s in document.sentences if item.start <= s.start < item.end]
        assert len(inside) == 1 and (inside[0].start, inside[0].end) == (item.start, item.end)


def test_line_breaks_soft_and_hard(notes):
    document = load(str(notes))
    sentences = [s.text for s in document.sentences]
    assert "Towns are building reservoirs to store spring runoff." in sentences
    assert (
        "Engineers say storage can replace part of the supply. A soft line break joins this line to the paragraph."
        in " ".join(sentences)
    )


def test_offsets_point_into_the_extracted_text(notes, run_brief):
    result = run_brief(str(notes), "-f", "json", "--include-text", "-n", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input_format"] == "markdown"
    assert len(data["summary"]) == 3
    for point in data["summary"]:
        assert data["text"][point["start"] : point["end"]] == point["text"]
        for mark in MARKUP:
            assert mark not in point["text"]


def test_markdown_is_recognised_on_stdin(run_brief):
    result = run_brief("-f", "json", stdin=NOTES.encode())
    data = json.loads(result.stdout)
    assert data["input_format"] == "markdown"
    assert [s["title"] for s in data["sections"]] == ["Glacier survey", "Findings", "Towns respond"]


def test_input_format_text_keeps_the_markup(notes, run_brief):
    data = json.loads(run_brief(str(notes), "--input-format", "text", "-f", "json", "--include-text").stdout)
    assert data["input_format"] == "text"
    assert "**Nordic Hydrology Institute**" in data["text"]


def test_only_code_is_an_input_error(tmp_path):
    path = tmp_path / "code.md"
    path.write_text("```\nprint('hello')\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    with pytest.raises(InputError, match="no prose in the Markdown"):
        load(str(path))


def test_a_front_matter_title_names_a_lead_without_a_heading():
    extracted = read_markdown("---\ntitle: Survey notes\n---\nThe lead has no heading.\n\n## Later\n\nMore text.\n")
    assert extracted.text == "Survey notes\n\nThe lead has no heading.\n\nLater\n\nMore text."
    assert [b.kind for b in extracted.blocks] == ["heading", "prose", "heading", "prose"]


def test_footnotes_task_boxes_and_wiki_links_are_not_words():
    extracted = read_markdown(
        "Glaciers shrank.[^1] See [[Glacier Notes|the notes]] and [[Reservoirs]].\n\n"
        "- [ ] Ask the institute for the data.\n- [x] Read the survey.\n\n"
        "[^1]: Nordic Hydrology Institute, 2024.\n"
    )
    assert extracted.text == (
        "Glaciers shrank. See the notes and Reservoirs.\n\nAsk the institute for the data.\n\nRead the survey."
    )


def test_nested_emphasis_and_entities():
    extracted = read_markdown("A ***very*** ~~old~~ note &amp; a [*linked* `word`](x.md).\n")
    assert extracted.text == "A very old note & a linked word."
