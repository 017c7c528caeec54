"""Workers end with their parent: the death signal is asked for, and a late request exits at once."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

import pytest

from briefer import die_with_parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")


def _in_child(parent: int | None) -> int:
    """Fork; the child asks to die with ``parent`` and exits with the death signal it then holds."""
    pid = os.fork()
    if pid == 0:
        code = 99
        try:
            die_with_parent(parent)
            value = ctypes.c_int(0)
            ctypes.CDLL(None, use_errno=True).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG
            code = value.value
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_a_worker_asks_to_be_killed_with_its_parent():
    assert _in_child(None) == signal.SIGKILL
    assert _in_child(os.getpid()) == signal.SIGKILL


def test_a_worker_whose_parent_is_already_gone_exits_at_once():
    # The pid it expected is not its parent: the request could never fire, so it leaves.
    assert _in_child(os.getpid() + 1_000_000) == 1
