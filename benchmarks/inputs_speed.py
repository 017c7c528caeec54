"""What each kind of input costs: import times, and `brief` on a page, a note and a PDF.

Run from a checkout:  python benchmarks/inputs_speed.py [runs]
Prints medians over several runs; whole-command times are also given as a ratio to briefing
the same article as plain text in the same run, since the machine's speed varies.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def import_seconds(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    )


def brief_seconds(paths: list[Path], runs: int) -> list[float]:
    """Median seconds of `brief PATH` for each path, the paths taking turns in every round
    so that a busy moment on the machine falls on all of them alike."""
    times: list[list[float]] = [[] for _ in paths]
    for _ in range(runs):
        for index, path in enumerate(paths):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "briefer", str(path)], capture_output=True, check=True, env=ENV)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def fixtures(folder: Path) -> dict[str, Path]:
    from briefer.sources.html import read_html
    from pages import ARTICLE_HTML
    from test_sources_markdown import NOTES
    from test_sources_pdf import make_report

    paths = {"page.html": folder / "page.html", "notes.md": folder / "notes.md", "report.pdf": folder / "report.pdf"}
    paths["page.html"].write_text(ARTICLE_HTML, encoding="utf-8")
    paths["notes.md"].write_text(NOTES, encoding="utf-8")
    paths["report.pdf"].write_bytes(make_report())
    # The same article as plain text: the baseline every other input is compared with.
    paths["page.txt"] = folder / "page.txt"
    paths["page.txt"].write_text(read_html(ARTICLE_HTML, name="page").text, encoding="utf-8")
    return paths


def long_pdf(pages: int) -> bytes:
    import random

    from fpdf import FPDF

    rng = random.Random(1)
    words = [
        "water",
        "river",
        "glacier",
        "ice",
        "summer",
        "town",
        "farm",
        "reservoir",
        "storage",
        "runoff",
        "survey",
        "melt",
        "flow",
        "valley",
    ]
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for _ in range(pages):
        pdf.add_page()
        for _ in range(6):
            pdf.multi_cell(0, 6, " ".join(rng.choice(words) for _ in range(90)) + ".", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    return bytes(pdf.output())


def pdf_seconds(data: bytes, runs: int) -> list[tuple[str, float]]:
    import io

    from briefer.sources.pdf import read_pdf

    rows = [
        ("briefer read_pdf (pypdf)", statistics.median(_timed(lambda: read_pdf(data, name="x")) for _ in range(runs)))
    ]
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return rows
    rows.append(
        (
            "pdfminer.six extract_text",
            statistics.median(_timed(lambda: extract_text(io.BytesIO(data))) for _ in range(runs)),
        )
    )
    return rows


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"import time, median of {runs} runs")
    print(f"{'module':<22} {'seconds':>8}")
    for module in ("briefer.cli.brief", "briefer.pipeline", "urllib.request", "markdown_it", "trafilatura", "pypdf"):
        print(f"{module:<22} {import_seconds(module, runs):>8.3f}")
    with tempfile.TemporaryDirectory() as folder:
        paths = fixtures(Path(folder))
        names = ["page.txt", "page.html", "notes.md", "report.pdf"]
        seconds = brief_seconds([paths[name] for name in names], runs)
        print(f"\n`brief FILE`, whole command, median of {runs} interleaved runs")
        print(f"{'input':<12} {'seconds':>8} {'× text':>7}")
        for name, value in zip(names, seconds, strict=True):
            print(f"{name:<12} {value:>8.3f} {value / seconds[0]:>7.2f}")
    data = long_pdf(60)
    print(f"\nextracting the text of a 60-page PDF, median of {min(runs, 3)} runs")
    for name, seconds in pdf_seconds(data, min(runs, 3)):
        print(f"{name:<28} {seconds:>6.2f} s")


if __name__ == "__main__":
    main()
