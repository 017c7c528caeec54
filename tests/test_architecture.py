"""The layout keeps its promises: stages below faces, faces through the public API, typed, documented."""

from __future__ import annotations

import ast
import inspect
import shutil
import subprocess
import sys

import pytest

import briefer
from conftest import ROOT

PACKAGE = ROOT / "src" / "briefer"
FACES = ("cli", "tui", "evaluation")
# Modules of the package root that faces may use besides the root itself: the data types,
# the errors, the renderers (of one briefing and of stories) and atomic output are public
# modules of the library.
PUBLIC_MODULES = {
    "briefer",
    "briefer.model",
    "briefer.errors",
    "briefer.rendering",
    "briefer.render_stories",
    "briefer.output",
}


def _module_name(path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path) -> list[str]:
    """The briefer modules a file imports, resolved to absolute names."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name == "briefer" or name.startswith("briefer."):
                found.append(name)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names if alias.name.startswith("briefer"))
    return found


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_the_library_never_imports_a_face():
    for path in _sources():
        module = _module_name(path)
        if module == "briefer.__main__" or (module.split(".")[1:2] and module.split(".")[1] in FACES):
            continue
        for name in _imports(path):
            assert name.split(".")[1:2] not in ([face] for face in FACES), f"{module} imports the face {name}"


def test_faces_use_the_public_api_not_the_stages_inside():
    for path in _sources():
        module = _module_name(path)
        parts = module.split(".")
        if len(parts) < 2 or parts[1] not in FACES:
            continue
        own = f"briefer.{parts[1]}"
        for name in _imports(path):
            allowed = name in PUBLIC_MODULES or name == own or name.startswith(own + ".")
            # brief-eval runs under brief's own error handling.
            allowed = allowed or (parts[1] == "evaluation" and name == "briefer.cli.command")
            # brief -i starts the reader.
            allowed = allowed or (parts[1] == "cli" and name == "briefer.tui")
            assert allowed, f"{module} reaches past the public API into {name}"


def test_every_public_name_resolves_and_says_what_it_is():
    for name in briefer.__all__:
        value = getattr(briefer, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            doc = value.__doc__ or ""
            # A dataclass without a docstring gets one made from its fields: not a description.
            assert doc.strip() and not doc.startswith(f"{value.__name__}("), f"briefer.{name} has no docstring"


def test_the_tree_reads_as_the_pipeline():
    top = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert len(top) <= 8, top
    for path in _sources():
        lines = path.read_text().count("\n")
        assert lines <= 450, f"{path.relative_to(ROOT)} has {lines} lines"
    names = [p.stem for p in _sources() if p.stem not in ("__init__", "__main__")]
    assert not {n for n in names if names.count(n) > 1}, "two modules share a name"


def test_the_package_is_typed_and_mypy_clean():
    assert (PACKAGE / "py.typed").is_file()
    if shutil.which("mypy") is None and not _has_module("mypy"):
        pytest.fail("mypy is part of the test install ('.[test]')")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
