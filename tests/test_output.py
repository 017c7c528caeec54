import errno
import os

import pytest

from briefer.errors import OutputError
from briefer.output import AtomicFile, write_atomic


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".briefer-tmp")]


def test_write_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(str(target), "new content")
    assert target.read_text() == "new content"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert leftovers(tmp_path) == []


def test_full_disk_leaves_the_old_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old content")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match="No space left"):
        write_atomic(str(target), "new content that will not fit")
    assert target.read_text() == "old content"
    assert leftovers(tmp_path) == []


def test_an_interrupt_mid_write_leaves_the_old_file_intact(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(KeyboardInterrupt), AtomicFile(str(target)) as stream:
        stream.write("half a record")
        raise KeyboardInterrupt
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_the_file_is_not_touched_before_the_content_is_complete(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with AtomicFile(str(target)) as stream:
        stream.write("new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"


def test_a_directory_target_is_refused(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(str(tmp_path), "x")
