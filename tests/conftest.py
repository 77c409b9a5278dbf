import os
import shutil
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def fixture_dir() -> Path:
    return FIXTURES / "corpus"


@pytest.fixture(scope="session")
def expected() -> dict:
    return yaml.safe_load((FIXTURES / "expected.yml").read_text(encoding="utf-8"))


@pytest.fixture
def corpus_copy(tmp_path, fixture_dir) -> Path:
    """A writable copy of the fixture corpus, in a folder named `corpus`."""
    dest = tmp_path / "corpus"
    dest.mkdir()
    for path in fixture_dir.iterdir():
        (dest / path.name).write_bytes(path.read_bytes())
    return dest



@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary the browser tests drive; they skip where it is not installed (`make chromium`
    installs it; `make test` does so first, so CI never skips them)."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("Chromium is not installed (make chromium)")
    return found
