import subprocess
import sys

from briefer.pipeline import sample_path
from conftest import ROOT, SEED


def test_the_seed_is_the_packaged_sample_not_a_second_copy():
    # One source of truth: seeds/ links to the package data that `brief --sample` reads.
    assert SEED.is_symlink()
    assert SEED.resolve() == sample_path().resolve()


def test_library_never_imports_textual_or_prints(sample_text, capsys):
    code = (
        "import sys, briefer; b = briefer.summarize(open(sys.argv[1]).read(), sentences=3);"
        "briefer.render(b, 'text'); briefer.render(b, 'json');"
        "assert 'textual' not in sys.modules, 'textual imported';"
        "assert 'nltk' not in sys.modules, 'nltk imported by the default path'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEED)],
        capture_output=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""


def test_summarize_api(sample_text):
    import briefer

    briefing = briefer.summarize(sample_text, sentences=2)
    assert len(briefing.key_points) == 2
    assert all(sample_text[p.start : p.end] == p.text for p in briefing.key_points)
