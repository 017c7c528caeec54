from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from briefer.tui.app import BrieferApp
from briefer.tui.launch import make_app

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "china-tajikistan-strategic-dialogue.txt"

HEADED = """# Harbour plans

The city council approved a new plan for the harbour on Monday. The plan moves the ferry
terminal north and adds a cycle path along the water. Work starts in the spring.

## Costs

The plan costs 40 million euros over five years. Half of the money comes from the port
authority. The rest comes from a regional fund for transport.

## Objections

Residents of the old quarter objected to the noise of the building works. The council
promised quiet hours on weekends. A public meeting is planned for next month.
"""


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run ``async def`` tests in a fresh event loop (no asyncio plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**arguments))
        return True
    return None


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory, monkeypatch) -> Path:
    """Each test reads and writes settings of its own, never the user's."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("BRIEFER_CONFIG", str(path))
    # And a cache of their own for the articles opened (see article_cache.py).
    monkeypatch.setenv("BRIEFER_CACHE", str(path.parent / "cache"))
    return path


async def ready(pilot) -> None:
    """Wait until the app has opened its article and shown the briefing."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def headed(tmp_path) -> Path:
    path = tmp_path / "harbour.md"
    path.write_text(HEADED, encoding="utf-8")
    return path


@pytest.fixture
def sample_app() -> BrieferApp:
    return make_app([str(SAMPLE)])


# Three short reports on one story; the first two open with nearly the same sentence.
CLUSTER = {
    "harbour.txt": """Harbour council approves ferry plan

The city council approved a new plan for the harbour on Monday after a long debate. The plan moves
the ferry terminal north and adds a cycle path along the water. Work on the terminal starts in the
spring and should end within two years. The council said the new terminal will handle twice as many
passengers.
""",
    "residents.txt": """Residents fear noise from harbour works

The city council approved a new plan for the harbour on Monday after a lengthy debate. Residents of
the old quarter objected to the noise of the building works. The council promised quiet hours on
weekends and a public meeting next month. Shop owners worry that the works will keep customers away
from the quay.
""",
    "costs.txt": """Harbour plan costs 40 million euros

The harbour plan costs 40 million euros over five years. Half of the money comes from the port
authority. The rest comes from a regional fund for transport and from ticket revenue. Critics say the
budget leaves no room for delays.
""",
}
SHARED = "The city council approved a new plan for the harbour on Monday"


@pytest.fixture
def cluster(tmp_path) -> list[Path]:
    paths = []
    for name, text in CLUSTER.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
