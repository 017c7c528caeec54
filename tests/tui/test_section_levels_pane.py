"""The sections pane indents a part inside another, as the text's levels show it."""

from __future__ import annotations

from textual.widgets import OptionList

from briefer.tui.launch import make_app

from .conftest import ready

BODY = "The committee met on Tuesday and agreed the plan. Its members will report again in spring.\n\n"


async def test_the_sections_pane_indents_deeper_parts(tmp_path):
    path = tmp_path / "guide.md"
    path.write_text(f"# Guide\n\n{BODY}## Setup\n\n{BODY}# Usage\n\n{BODY}", encoding="utf-8")
    app = make_app([str(path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        sections = app.screen.query_one("#sections", OptionList)
        prompts = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
        assert len(prompts) == 3
        indent = [len(p.split("Guide")[0]) if "Guide" in p else None for p in prompts]
        setup = prompts[1].index("Setup")
        usage = prompts[2].index("Usage")
        assert setup == usage + 2, prompts
        assert indent[0] is not None
