"""PDF reports: reading order, headings, hyphenation repaired, running heads dropped."""

from __future__ import annotations

import io
import json
import sys

import pytest

pytest.importorskip("pypdf")
fpdf = pytest.importorskip("fpdf")

from briefer.errors import InputError  # noqa: E402
from briefer.pipeline import load  # noqa: E402
from briefer.sources.pdf import read_pdf  # noqa: E402
from pages import send, serve  # noqa: E402

HEADER = "Nordic Hydrology Institute - Annual Water Report 2024"
# Each entry is one line as set on the page; the layout, not the words, says where
# paragraphs begin. "tempo-" / "rary" is a word hyphenated at a line end; "well-" /
# "known" is a compound that also appears whole, so its hyphen stays.
PAGES = [
    (
        "Summary",
        [
            [
                "Glaciers across the northern mountains are losing ice faster than at any time",
                "since measurements began, according to the institute's well-known survey.",
            ],
            [
                "Researchers measured forty glaciers over twelve summers. Every one of them",
                "had retreated, and the average glacier lost a fifth of its volume.",
            ],
        ],
    ),
    (
        "Peak water",
        [
            [
                "In the short term, melting ice adds water to rivers. Hydrologists warn that the surge is tempo-",
                "rary and will end within two decades for most of the glaciers that were studied.",
            ],
            [
                "The results confirm a pattern that is well-",
                "known to farmers in the valleys, who have watched summer flows rise and then",
                "start to fall again",
            ],
        ],
    ),
    (
        "",  # the paragraph above runs on to this page
        [
            ["over the last few years, as the smaller glaciers disappeared."],
        ],
    ),
    (
        "Recommendations",
        [
            [
                "Municipalities should build reservoirs to store spring runoff, because storage",
                "can replace part of the lost glacial supply.",
            ],
            [
                "- Farmers should switch to crops that need less water in August.",
                "- Towns should meter household water use and publish the results.",
            ],
            ["The institute will repeat its survey every three years."],
        ],
    ),
]


class _Report(fpdf.FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, align="C")
        self.ln(14)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()} of {len(PAGES)}", align="C")


def make_report(pages=PAGES, **encryption) -> bytes:
    pdf = _Report()
    pdf.set_auto_page_break(False)
    pdf.set_title("Annual Water Report 2024")
    pdf.set_author("Nordic Hydrology Institute")
    if encryption:
        pdf.set_encryption(**encryption)
    for heading, paragraphs in pages:
        pdf.add_page()
        if heading:
            pdf.set_font("Helvetica", "B", 16)
            pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            for line in paragraph:
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def report_bytes() -> bytes:
    return make_report()


@pytest.fixture
def report(tmp_path, report_bytes):
    path = tmp_path / "report.pdf"
    path.write_bytes(report_bytes)
    return path


def test_headings_become_sections_and_metadata_is_kept(report):
    document = load(str(report))
    assert document.input_format == "pdf"
    assert [s.title for s in document.sections] == ["Summary", "Peak water", "Recommendations"]
    assert document.title == "Annual Water Report 2024"
    assert document.metadata["author"] == "Nordic Hydrology Institute"
    assert document.metadata["pages"] == "4"


def test_running_heads_and_page_numbers_are_dropped(report):
    text = load(str(report)).text
    assert "Nordic Hydrology Institute - Annual" not in text
    assert "Page 1" not in text and "of 4" not in text


def test_hyphenation_is_repaired_but_compounds_keep_their_hyphen(report):
    text = load(str(report)).text
    assert "the surge is temporary and will end" in text
    assert "tempo-" not in text
    assert "a pattern that is well-known to farmers" in text


def test_paragraphs_lists_and_a_paragraph_across_pages(report):
    document = load(str(report))
    paragraphs = [document.text[p.start : p.end] for p in document.paragraphs]
    assert paragraphs[0] == (
        "Glaciers across the northern mountains are losing ice faster than at any time "
        "since measurements began, according to the institute's well-known survey."
    )
    assert any(
        p.endswith("start to fall again over the last few years, as the smaller glaciers disappeared.")
        for p in paragraphs
    )
    items = [document.text[p.start : p.end] for p in document.paragraphs if p.kind == "item"]
    assert items == [
        "Farmers should switch to crops that need less water in August.",
        "Towns should meter household water use and publish the results.",
    ]
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text


class _TitledReport(fpdf.FPDF):
    """The document's name as a small running head on every page, and large on the first."""

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, "Harbour Dredging Review", align="R", new_x="LMARGIN", new_y="NEXT")


def test_a_title_in_large_type_stays_while_the_same_running_head_goes():
    pdf = _TitledReport()
    pdf.set_title("Microsoft Word - review_final_v3.docx")
    for page in range(3):
        pdf.add_page()
        if page == 0:
            pdf.set_font("Helvetica", "B", 24)
            pdf.cell(0, 14, "Harbour Dredging Review", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.cell(
            0,
            6,
            ["The inner basin was dredged in June.", "Costs rose by a tenth.", "The council pays."][page],
            new_x="LMARGIN",
            new_y="NEXT",
        )
    extracted = read_pdf(bytes(pdf.output()), name="review.pdf")
    assert extracted.text.count("Harbour Dredging Review") == 1
    assert extracted.text.startswith("Harbour Dredging Review\n\nThe inner basin was dredged in June.")
    assert extracted.title == ""  # a word processor's file name is no title
    document = load_text(extracted)
    assert document.title == "Harbour Dredging Review"


def load_text(extracted):
    from briefer.sources.document import build_document

    return build_document(extracted.text, blocks=extracted.blocks, title=extracted.title, input_format="pdf")


def test_two_columns_are_read_column_by_column():
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    left = ["The left column opens the story", "and carries it down the page", "to its very end."]
    right = ["The right column follows on", "after the left one is done", "and closes the report."]
    for column, x in ((left, 15), (right, 110)):
        for row, line in enumerate(column):
            pdf.set_xy(x, 30 + row * 5)
            pdf.cell(80, 5, line)
    text = read_pdf(bytes(pdf.output()), name="columns.pdf").text
    assert text == (
        "The left column opens the story and carries it down the page to its very end.\n\n"
        "The right column follows on after the left one is done and closes the report."
    )


def test_brief_report_pdf(report, run_brief):
    result = run_brief(str(report), "-f", "json", "--include-text", "-n", "3")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["input_format"] == "pdf"
    assert [s["title"] for s in data["sections"]] == ["Summary", "Peak water", "Recommendations"]
    assert len(data["summary"]) == 3
    for point in data["summary"]:
        assert data["text"][point["start"] : point["end"]] == point["text"]


def test_a_pdf_is_recognised_by_its_bytes_whatever_its_name(tmp_path, report_bytes, run_brief):
    path = tmp_path / "download"
    path.write_bytes(report_bytes)
    assert load(str(path)).input_format == "pdf"
    result = run_brief("-f", "json", stdin=report_bytes)
    assert json.loads(result.stdout)["input_format"] == "pdf"


def test_a_pdf_from_a_web_server(report_bytes):
    routes = {
        "/report.pdf": send(200, report_bytes, "application/pdf"),
        "/download": send(200, report_bytes, "application/octet-stream"),
    }
    with serve(routes) as server:
        for path in ("/report.pdf", "/download"):
            document = load(server.url(path))
            assert document.input_format == "pdf"
            assert [s.title for s in document.sections] == ["Summary", "Peak water", "Recommendations"]
            assert document.metadata["url"] == server.url(path)


def test_one_broken_page_does_not_lose_the_others(monkeypatch, report_bytes):
    from briefer.sources import pdf

    read_page = pdf._page_lines

    def second_page_fails(page, number):
        if number == 1:
            raise ValueError("a content stream pypdf cannot parse")
        return read_page(page, number)

    monkeypatch.setattr(pdf, "_page_lines", second_page_fails)
    extracted = read_pdf(report_bytes, name="damaged.pdf")
    assert extracted.metadata["unreadable_pages"] == "1"
    assert "Glaciers across the northern mountains" in extracted.text
    assert "Hydrologists warn" not in extracted.text
    assert "Municipalities should build reservoirs" in extracted.text


def test_password_protected_pdf_is_refused(tmp_path, run_brief):
    path = tmp_path / "secret.pdf"
    path.write_bytes(make_report(owner_password="owner", user_password="reader"))
    with pytest.raises(InputError, match="encrypted and needs a password"):
        load(str(path))
    result = run_brief(str(path))
    assert result.returncode == 3
    assert result.stderr.decode() == f"brief: {path}: the PDF is encrypted and needs a password\n"


def test_pdf_with_only_an_owner_password_is_read():
    data = make_report(owner_password="owner")
    assert b"/Encrypt" in data
    assert "temporary" in read_pdf(data, name="locked.pdf").text


def test_image_only_pdf_asks_for_ocr(tmp_path, run_brief):
    pytest.importorskip("PIL")
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(picture, format="PNG")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=180)
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    result = run_brief(str(path))
    assert result.returncode == 3
    assert "no text in the PDF: its pages are images" in result.stderr.decode()


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"])
def test_broken_pdf_is_an_input_error(data):
    with pytest.raises(InputError):
        read_pdf(data, name="broken.pdf")


def test_without_the_pdf_extra_the_message_says_how_to_install_it(monkeypatch, report_bytes):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if pypdf were not installed
    with pytest.raises(InputError, match=r"pip install 'briefer\[pdf\]'"):
        read_pdf(report_bytes, name="report.pdf")
