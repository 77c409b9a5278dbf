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

