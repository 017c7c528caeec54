"""Hostile and unusual input through the real `brief` command: time, peak memory, outcome.

Run from a checkout:  python benchmarks/hostile.py [--limit SECONDS] [--only WORD] [--skip-cases|--skip-shapes]

Two tables. The first runs every case of issue 16 at its full size, each in a subprocess
killed at the time limit (default 60 s): wall time, the child's peak resident memory, exit
code and the first line of standard error. The second runs each reader's shapes at size n
and 4n and prints the 4n/n ratio of time: linear work gives about 4, a quadratic step 16.
Times include Python's start-up and imports (~0.5-1 s), so the ratio is taken of the time
past a run at n/100 (start-up and imports), each the median of --runs runs. Machine load is
printed: the machine is shared, so compare ratios, not seconds, between runs.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]
import hostile as H  # noqa: E402

# BRIEFER_SRC runs another checkout's package (a "before" table) with this file's cases.
ENV = {**os.environ, "PYTHONPATH": os.environ.get("BRIEFER_SRC", str(ROOT / "src"))}
ENV.pop("NO_COLOR", None)


@dataclass
class Outcome:
    seconds: float
    peak_mb: float
    code: int | None  # None: killed at the limit
    line: str


def run(
    args: list[str],
    *,
    limit: float,
    stdin: bytes = b"",
    setup: Callable[[], None] | None = None,
    shell: str | None = None,
) -> Outcome:
    """Run brief (or a shell line running it) with its own rusage, killed at ``limit`` seconds."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as inp:
        inp.write(stdin)
        inp.seek(0)
        command = ["sh", "-c", shell] if shell else [sys.executable, "-m", "briefer", *args]
        start = time.perf_counter()
        child = subprocess.Popen(
            command,
            stdin=inp,
            stdout=subprocess.DEVNULL if not shell else None,
            stderr=err,
            env=ENV,
            start_new_session=True,
        )
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            os.killpg(child.pid, signal.SIGKILL)

        timer = threading.Timer(limit, kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(ProcessLookupError):  # workers a killed run left behind
            os.killpg(child.pid, signal.SIGKILL)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
        first = lines[0] if lines else ""
        if len(lines) > 1:
            first += f"  (+{len(lines) - 1} lines)"
        code = None if killed.is_set() else child.returncode
        return Outcome(seconds, usage.ru_maxrss / 1024, code, first)


# --- a loopback server for the URL cases --------------------------------------------------

BODIES: dict[str, tuple[bytes, dict[str, str]]] = {}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body, headers = BODIES.get(self.path, (b"", {}))
        self.send_response(200 if self.path in BODIES else 404)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve() -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


# --- the cases ----------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    build: Callable[[Path, str], list[str]]  # writes its files, returns brief's arguments
    stdin: bytes = b""
    shell: bool = False  # the arguments are one shell line
    expect: str = ""  # what a good outcome is, for the reader of the table
    tags: list[str] = field(default_factory=list)


def file_case(name: str, suffix: str, data: Callable[[], bytes], *extra: str, expect: str = "briefing") -> Case:
    def build(folder: Path, base: str) -> list[str]:
        path = folder / f"{name}{suffix}"
        path.write_bytes(data())
        return [str(path), *extra]

    return Case(name, build, expect=expect)


def url_case(name: str, body: Callable[[], bytes], headers: dict[str, str], *extra: str, expect: str) -> Case:
    def build(folder: Path, base: str) -> list[str]:
        BODIES[f"/{name}"] = (body(), headers)
        return [f"{base}/{name}", *extra]

    return Case(name, build, expect=expect)


def shell_case(name: str, line: Callable[[Path], str], expect: str) -> Case:
    return Case(name, lambda folder, base: [line(folder)], shell=True, expect=expect)


def _sample(folder: Path) -> Path:
    path = folder / "sample.txt"
    path.write_bytes(H.text_prose(20_000))
    return path


def _records(folder: Path, count: int, text: str, ids: list[str] | None = None) -> Path:
    import json

    path = folder / f"records{count}.jsonl"
    with path.open("w") as out:
        for i in range(count):
            ident = ids[i % len(ids)] if ids else str(i)
            out.write('{"id": ' + ident + ', "text": ' + json.dumps(text) + "}\n")
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "fifo"
    if not path.exists():
        os.mkfifo(path)
    return path


BRIEF = f"{sys.executable} -m briefer"
GZIP = {"Content-Type": "text/plain", "Content-Encoding": "gzip"}
CASES: list[Case] = [
    # Tracebacks
    Case("--timeout inf", lambda f, b: ["--sample", "--timeout", "inf"], expect="exit 2, one line"),
    Case("--timeout 1e300", lambda f, b: ["--sample", "--timeout", "1e300"], expect="exit 2, one line"),
    Case("--max-size 30000", lambda f, b: [str(_sample(f)), "--max-size", "30000"], expect="briefing, capped"),
    Case(
        "--max-size 1e20 digits",
        lambda f, b: [str(_sample(f)), "--max-size", "99999999999999999999"],
        expect="briefing, capped",
    ),
    Case(
        "--max-size stdin",
        lambda f, b: ["-", "--max-size", "10000000000000"],
        stdin=H.text_prose(20_000),
        expect="briefing, capped",
    ),
    shell_case("stdout /dev/full", lambda f: f"{BRIEF} --sample > /dev/full", "exit 4, one line"),
    shell_case("stdout /dev/full json", lambda f: f"{BRIEF} --sample -f json > /dev/full", "exit 4, one line"),
    shell_case("stdout closed", lambda f: f"{BRIEF} {_sample(f)} >&-", "exit 4, one line"),
    shell_case(
        "stderr closed",
        lambda f: (
            f"{BRIEF} --batch {_records(f, 2, 'x')} 2>&- > {f}/o.jsonl; echo $? >&2; grep -c error {f}/o.jsonl >&2"
        ),
        "no error lines in stdout",
    ),
    shell_case(
        "batch /dev/zero --merge", lambda f: f"ulimit -v 3000000; {BRIEF} --batch /dev/zero --merge", "exit 3, one line"
    ),
    shell_case("batch /dev/zero", lambda f: f"{BRIEF} --batch /dev/zero", "exit 3, one line"),
    # Output targets
    shell_case(
        "-o symlink",
        lambda f: (
            f"echo old > {f}/target; ln -sf {f}/target {f}/link;"
            f" {BRIEF} --sample -o {f}/link; test -L {f}/link && grep -q -v old {f}/target && echo kept >&2"
        ),
        "link kept, target written",
    ),
    shell_case(
        "-o FIFO",
        lambda f: (
            f"(cat {_fifo(f)} | wc -c >&2 &) ; {BRIEF} --sample -o {f}/fifo;"
            f" sleep 0.5; test -p {f}/fifo && echo fifo-kept >&2"
        ),
        "FIFO kept, reader gets the text",
    ),
    shell_case(
        "-o read-only",
        lambda f: f"echo old > {f}/ro; chmod 444 {f}/ro; {BRIEF} --sample -o {f}/ro",
        "exit 4 (unless root)",
    ),
    # Inputs that are streams
    shell_case(
        "FIFO input, no writer",
        lambda f: f"mkfifo {f}/in-fifo; {BRIEF} {f}/in-fifo --timeout 2",
        "exit 3 after --timeout, one line",
    ),
    # Batch
    Case(
        "--batch ids 1e999 NaN",
        lambda f, b: ["--batch", str(_records(f, 2, H.PROSE * 3, ["1e999", "NaN"]))],
        expect="valid JSON ids",
    ),
    Case(
        "--batch 2000 tiny -j1",
        lambda f, b: ["--batch", str(_records(f, 2000, H.PROSE)), "--jobs", "1"],
        expect="baseline",
    ),
    Case(
        "--batch 2000 tiny -j2",
        lambda f, b: ["--batch", str(_records(f, 2000, H.PROSE)), "--jobs", "2"],
        expect="not slower than -j1",
    ),
    Case(
        "--batch --merge --max-size 5",
        lambda f, b: ["--batch", str(_records(f, 1, "word " * 2_300_000)), "--merge", "--max-size", "5"],
        expect="exit 3, limit named",
    ),
    # Decoding
    file_case("utf8-bad-byte", ".txt", H.utf8_with_bad_byte, "-f", "json", expect="utf-8, one U+FFFD"),
    file_case("cyrillic-bad-byte", ".txt", H.cyrillic_with_bad_byte, expect="briefing"),
    file_case("latin1-short", ".txt", H.latin1_short, "-f", "json", expect="cp1252 (café)"),
    file_case("text-with-NUL", ".txt", H.text_with_nul, expect="briefing"),
    # HTML
    file_case("html-200k-attributes", ".html", lambda: H.html_many_attributes(200_000)),
    file_case("html-table-8000-rows", ".html", lambda: H.html_tables(8_000)),
    file_case("html-tables-1MB", ".html", lambda: H.html_many_tables(11_000)),
    # Markdown
    file_case("md-brackets", ".md", lambda: H.markdown_brackets(200_000)),
    file_case("md-wiki-open", ".md", lambda: H.markdown_wiki_open(100_000)),
    file_case("md-footnote-open", ".md", lambda: H.markdown_footnote_open(100_000)),
    file_case("md-20000-footnotes", ".md", lambda: H.markdown_footnotes(20_000)),
    file_case("md-390KB-headings", ".md", lambda: H.markdown_headings(6_000)),
    file_case("md-9MB-table", ".md", lambda: H.markdown_table(100_000)),
    file_case("md-2MB-link-refs", ".md", lambda: H.markdown_link_references(40_000)),
    # PDF
    file_case("pdf-200-pages", ".pdf", lambda: H.pdf_pages(200)),
    file_case("pdf-2000-pages", ".pdf", lambda: H.pdf_pages(2000)),
    file_case("pdf-spaces", ".pdf", lambda: H.pdf_spaces(5), expect="briefing or one line"),
    file_case("pdf-shared-70MB-stream", ".pdf", lambda: H.pdf_shared_stream(500), expect="one line, limit named"),
    # URL
    url_case(
        "gzip-multi-member", lambda: H.gzip_multi_member(H.prose(2300)), GZIP, "-f", "json", expect="all members read"
    ),
    url_case("gzip-bomb", lambda: H.gzip_bomb(3000), GZIP, "--max-size", "20000", expect="one line, limit"),
]


@dataclass
class Shape:
    name: str
    suffix: str
    build: Callable[[int], bytes]
    n: int


SHAPES: list[Shape] = [
    Shape("text prose (chars)", ".txt", H.text_prose, 500_000),
    Shape("text one line (chars)", ".txt", H.text_one_line, 2_000_000),
    Shape("html article (paragraphs)", ".html", H.html_article, 3_000),
    Shape("html attributes", ".html", H.html_many_attributes, 25_000),
    Shape("html table rows", ".html", H.html_tables, 1_000),
    Shape("html tables", ".html", H.html_many_tables, 1_000),
    Shape("html nesting depth", ".html", H.html_deep_nesting, 200),
    Shape("md prose (chars)", ".md", H.markdown_prose, 500_000),
    Shape("md brackets", ".md", H.markdown_brackets, 20_000),
    Shape("md wiki links open", ".md", H.markdown_wiki_open, 20_000),
    Shape("md footnote marks open", ".md", H.markdown_footnote_open, 20_000),
    Shape("md footnotes", ".md", H.markdown_footnotes, 2_000),
    Shape("md headings", ".md", H.markdown_headings, 2_000),
    Shape("md table rows", ".md", H.markdown_table, 10_000),
    Shape("md link references", ".md", H.markdown_link_references, 10_000),
    Shape("md emphasis", ".md", H.markdown_emphasis, 10_000),
    Shape("pdf pages", ".pdf", H.pdf_pages, 100),
    Shape("pdf spaces (pages)", ".pdf", H.pdf_spaces, 2),
]


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a case is killed")
    parser.add_argument("--only", default="", help="run only cases and shapes whose name contains this")
    parser.add_argument("--runs", type=int, default=3, help="runs of each shape and size (the median counts)")
    parser.add_argument("--skip-cases", action="store_true")
    parser.add_argument("--skip-shapes", action="store_true")
    options = parser.parse_args()
    base = serve()
    print(f"load {load()}  ({os.cpu_count()} cores), limit {options.limit:g} s, package {ENV['PYTHONPATH']}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not options.skip_cases:
            print(f"\n{'case':32} {'s':>7} {'MB':>6} {'exit':>5}  first line of stderr   [wanted: ...]")
            for case in CASES:
                if options.only not in case.name:
                    continue
                args = case.build(folder, base)
                out = (
                    run([], shell=args[0], limit=options.limit)
                    if case.shell
                    else run(args, stdin=case.stdin, limit=options.limit)
                )
                code = "kill" if out.code is None else str(out.code)
                print(
                    f"{case.name:32} {out.seconds:7.1f} {out.peak_mb:6.0f} {code:>5}  {out.line[:90]}"
                    f"   [{case.expect}]",
                    flush=True,
                )
        if not options.skip_shapes:
            print(
                f"\n{'shape':28} {'n':>8} {'MB in':>6} {'s(n)':>6} {'s(4n)':>6} {'ratio':>6} {'MB(4n)':>7}  exit"
                "   (ratio: of time past a run at n/100, i.e. past start-up)"
            )
            for shape in SHAPES:
                if options.only not in shape.name:
                    continue
                results = []
                size = 0.0
                for n in (max(1, shape.n // 100), shape.n, 4 * shape.n):
                    path = folder / f"shape{shape.suffix}"
                    data = shape.build(n)
                    size = len(data) / 1e6 if n == shape.n else size
                    path.write_bytes(data)
                    # The median of a few runs: the machine is shared, and one busy moment
                    # would otherwise decide a ratio.
                    runs = sorted(
                        (run([str(path)], limit=options.limit) for _ in range(options.runs)), key=lambda r: r.seconds
                    )
                    results.append(runs[len(runs) // 2])
                tiny, small, large = results
                # Start-up and imports (the tiny run) cost the same at every size: the ratio is
                # of the work that grows.
                work = small.seconds - tiny.seconds
                # Below a fifth of a second of work, the ratio is noise.
                if large.code is None:
                    ratio = "killed"
                elif work < 0.2:
                    ratio = "~0"
                else:
                    ratio = f"{(large.seconds - tiny.seconds) / work:.1f}"
                codes = "/".join("kill" if r.code is None else str(r.code) for r in results[1:])
                print(
                    f"{shape.name:28} {shape.n:8} {size:6.2f} {small.seconds:6.1f} {large.seconds:6.1f}"
                    f" {ratio:>6} {large.peak_mb:7.0f}  {codes}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
