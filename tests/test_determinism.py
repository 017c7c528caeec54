"""The same input gives the same briefing in every process, whatever the string hash seed."""

from __future__ import annotations


def test_output_does_not_depend_on_hash_seed(run_brief):
    outputs = {run_brief("--sample", "-n", "8", "-f", "json", env={"PYTHONHASHSEED": seed}).stdout for seed in "123"}
    assert len(outputs) == 1
    assert b'"summary"' in outputs.pop()
