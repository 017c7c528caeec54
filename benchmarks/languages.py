"""Languages: sentence-splitting F1 per language, and language detection's accuracy and cost.

    python benchmarks/languages.py [--shared ../shared] [--compare]

Splitting: F1 of sentence ends on the UD GSD samples in ``shared/data/sentences/ud_*.json``
(and GUM news for English), next to the research note's figure for Punkt with NLTK's
punkt_tab tables. Detection: accuracy of :func:`briefer.language.detection.detect` on the same texts
(whole blocks, and single sentences of 40 characters or more) and on the articles in
``tests/data/languages``, by length; with ``--compare``, langdetect and py3langid too when
they are installed (they are not dependencies). Cost: the median wall time of a fresh
interpreter that imports the detector and detects one article, minus that of a bare
interpreter, over several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefer.language.catalogue import get_language  # noqa: E402
from briefer.language.detection import detect  # noqa: E402
from briefer.language.sentences import sentence_spans  # noqa: E402

# The research note (shared/research/sentence-splitting.md): Punkt with punkt_tab tables.
RESEARCH_F1 = {"de": 0.927, "fr": 0.957, "es": 0.966, "ru": 0.967, "zh": 0.998, "en": 0.952}
ARTICLES = ROOT / "tests" / "data" / "languages"


def gold_ends(block: dict) -> tuple[str, set[int]]:
    text = block["text"]
    ends = set()
    position = 0
    for sentence in block["sents"]:
        start = text.find(sentence, position)
        if start < 0:
            continue
        position = start + len(sentence)
        ends.add(position)
    return text, ends


def splitting_f1(blocks: list[dict], code: str, internal: bool = False) -> tuple[float, float, float]:
    """P, R and F1 of sentence ends; ``internal`` leaves out each block's last end, which
    every splitter gets right."""
    language = get_language(code)
    tp = fp = fn = 0
    for block in blocks:
        text, gold = gold_ends(block)
        predicted = {end for _, end in sentence_spans(text, language)}
        if internal:
            last = len(text.rstrip())
            gold.discard(last)
            predicted.discard(last)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def load_sets(shared: Path) -> dict[str, list[dict]]:
    folder = shared / "data" / "sentences"
    sets = {}
    for code in ("de", "fr", "es", "ru", "zh"):
        path = folder / f"ud_{code}.json"
        if path.exists():
            sets[code] = json.loads(path.read_text(encoding="utf-8"))
    if (folder / "gum_news.json").exists():
        sets["en"] = json.loads((folder / "gum_news.json").read_text(encoding="utf-8"))
    return sets


def detection_cases(sets: dict[str, list[dict]]) -> list[tuple[str, str, str]]:
    cases = []
    for code, blocks in sets.items():
        for block in blocks:
            cases.append(("UD block", code, block["text"]))
            if code != "en":
                cases += [("UD sentence", code, s) for s in block["sents"] if len(s) >= 40]
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cases.append(("own article", path.stem, text))
        cases += [("own paragraph", path.stem, p) for p in text.split("\n\n") if p.strip()]
    return cases


def length_bucket(text: str) -> str:
    return "<100 chars" if len(text) < 100 else "100-299" if len(text) < 300 else ">=300"


def accuracy(name: str, guess: Callable[[str], str], cases: list[tuple[str, str, str]]) -> None:
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    started = time.perf_counter()
    for kind, code, text in cases:
        got = guess(text)
        for key in (kind, length_bucket(text), "all"):
            seen[key] += 1
            right[key] += got == code
    per_text = (time.perf_counter() - started) * 1000 / len(cases)
    keys = ["UD block", "UD sentence", "own article", "own paragraph", "<100 chars", "100-299", ">=300", "all"]
    cells = [f"{right[k] / seen[k]:.3f}" if seen[k] else "-" for k in keys]
    print(f"| {name} | " + " | ".join(cells) + f" | {per_text:.2f} |")


def others() -> list[tuple[str, Callable[[str], str]]]:
    found = []
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0

        def with_langdetect(text: str) -> str:
            try:
                code = langdetect.detect(text)
            except langdetect.LangDetectException:
                return "und"
            return code.split("-")[0]

        found.append(("langdetect", with_langdetect))
    except ImportError:
        pass
    try:
        import py3langid

        found.append(("py3langid", lambda text: py3langid.classify(text)[0]))
    except ImportError:
        pass
    return found


BASE = "import numpy, briefer.language"


def start_up_costs(compare: bool, runs: int = 7) -> dict[str, float]:
    """Median extra seconds to import a detector and detect one article, over an interpreter that
    has loaded what ``brief`` loads anyway (numpy, briefer.language)."""
    article = (ARTICLES / "de.txt").read_text(encoding="utf-8")
    probes = {"briefer.language.detection": f"{BASE}; from briefer.detect import detect; detect({article!r})"}
    if compare:
        probes["langdetect"] = f"{BASE}; import langdetect; langdetect.detect({article!r})"
        probes["py3langid"] = f"{BASE}; import py3langid; py3langid.classify({article!r})"
    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])

    def timed(code: str) -> float | None:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": path}, capture_output=True)
        return time.perf_counter() - started if done.returncode == 0 else None

    times: dict[str, list[float]] = {"bare": [], **{name: [] for name in probes}}
    for _ in range(runs):
        # Interleaved, so that the load of a shared machine weighs on all alike.
        for name, code in [("bare", BASE), *probes.items()]:
            took = timed(code)
            if took is not None:
                times[name].append(took)
    bare = statistics.median(times["bare"])
    return {name: statistics.median(t) - bare for name, t in times.items() if t and name != "bare"}


def brief_cost(runs: int = 7) -> tuple[float, float]:
    """Median seconds of ``brief --sample`` with ``--language en`` and with detection (the default)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    given, detected = [], []
    for _ in range(runs):
        for args, into in ((["--language", "en"], given), ([], detected)):
            started = time.perf_counter()
            command = [sys.executable, "-m", "briefer", "--sample", *args]
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            into.append(time.perf_counter() - started)
    return statistics.median(given), statistics.median(detected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--compare", action="store_true", help="also run langdetect and py3langid if installed")
    args = parser.parse_args()
    if not (args.shared / "data").exists() and Path("/work/shared/data").exists():
        args.shared = Path("/work/shared")
    sets = load_sets(args.shared)

    print("## Sentence splitting, F1 of sentence ends\n")
    print("| language | set | blocks | briefer P / R / F1, all ends | F1, block ends left out | research F1 (Punkt) |")
    print("|---|---|---|---|---|---|")
    for code, blocks in sets.items():
        precision, recall, f1 = splitting_f1(blocks, code)
        inner = splitting_f1(blocks, code, internal=True)[2]
        name = "GUM news" if code == "en" else "UD GSD"
        print(
            f"| {code} | {name} | {len(blocks)} | {precision:.3f} / {recall:.3f} / {f1:.3f} | {inner:.3f}"
            f" | {RESEARCH_F1[code]:.3f} |"
        )
    if not sets:
        print(f"(no data under {args.shared}/data/sentences)")

    print("\n## Language detection, accuracy\n")
    cases = detection_cases(sets)
    kinds = Counter(kind for kind, _, _ in cases)
    print("cases: " + ", ".join(f"{kind} {n}" for kind, n in kinds.items()) + "\n")
    print(
        "| detector | UD block | UD sentence | own article | own paragraph"
        " | <100 chars | 100-299 | >=300 | all | ms/text |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    accuracy("briefer (script + function words)", lambda text: detect(text).code, cases)
    if args.compare:
        for name, guess in others():
            accuracy(name, guess, cases)

    print("\n## Cost\n")
    for name, extra in start_up_costs(args.compare).items():
        print(f"import {name} and detect one article: +{extra * 1000:.0f} ms (median of 7)")
    given, detected = brief_cost()
    print(f"brief --sample: {given * 1000:.0f} ms with --language en, {detected * 1000:.0f} ms detecting (median of 7)")


if __name__ == "__main__":
    main()
