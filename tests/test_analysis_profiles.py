"""report/analysis/profiles.py (grades from the manifest profile, independence) and the manifest's
checks of the profile fields, on tests/fixtures/reading/ (r1-r4, hand-counted: r1 primary on the record,
r2 primary partly attributed, r3 a derivative rewrite of r2, r4 not profiled)."""

import shutil
from pathlib import Path

import pytest

from report import load_corpus
from report.analysis import profiles
from report.manifest import validate_folder

READING = Path(__file__).parent / "fixtures" / "reading"
R1, R2, R3, R4 = "r1-2024-01", "r2-2024-06", "r3-2024-07", "r4-2024-08"


@pytest.fixture(scope="module")
def small():
    return load_corpus(READING)


def test_grades_follow_the_profile(small):
    p = profiles.source_profiles(small)
    assert list(p.source_id) == [R1, R2, R3, R4]  # oldest first
    assert dict(zip(p.source_id, p.grade)) == {R1: "B", R2: "C", R3: "D", R4: "F"}
    r4 = p.set_index("source_id").loc[R4]
    assert (r4.author, r4.sourcing, r4.origin, r4.based_on) == ("none named", "not profiled", "not profiled", "")
    assert p.set_index("source_id").loc[R3, "based_on"] == R2


def test_every_profile_takes_a_grade_and_the_last_rule_takes_any():
    rules = profiles.grade_rules()
    assert profiles.grade({})["grade"] == rules[-1]["grade"]  # a source without a profile
    assert profiles.grade({"origin": "primary", "sourcing": "on-record"})["rank"] == min(r["rank"] for r in rules)


def test_a_rewrite_of_another_source_is_not_independent(small):
    assert profiles.independent_count(small, [R1, R2, R3]) == 2
    assert profiles.independent_count(small, [R1, R3]) == 2
    assert profiles.independent_count(small, [R2, R3, R3]) == 1
    assert profiles.independent_count(small, []) == 0


def test_profile_fields_are_checked(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(READING, folder)
    manifest = folder / "sources.yml"
    text = manifest.read_text(encoding="utf-8").replace("sourcing: partly", "sourcing: rumour").replace(
        "  sourcing: on-record\n  origin: primary", "  sourcing: on-record\n  origin: primary\n  based_on: r2-2024-06")
    manifest.write_text(text, encoding="utf-8")
    _, _, problems = validate_folder(folder)
    said = [(p.entry, p.field, p.message) for p in problems]
    assert any(f == "sourcing" and "rumour" in m and "on-record" in m for _, f, m in said), said
    assert any(f == "based_on" and "derivative" in m for _, f, m in said), said
