"""How many cases a property test runs under the active hypothesis profile.

Slow properties run a share of the profile's count (or a small fixed count) so that the
default ``ci`` run stays short; the ``thorough`` profile (issue 16) gives every property the
profile's full count, so that a thorough run really is 10,000 cases a property.
"""

from __future__ import annotations

import os

from hypothesis import settings


def cases(usual: int) -> int:
    """``usual`` cases, or the profile's full count on a thorough run."""
    if os.environ.get("BRIEFER_HYPOTHESIS_PROFILE") == "thorough":
        return settings().max_examples
    return usual
