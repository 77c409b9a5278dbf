"""report/tables/risks.py (chapter 6) on the seeds' reviewed codings."""

from report import load_corpus
from report.tables import risks


def test_the_on_record_source_hears_risks_from_speakers():
    assert risks.voiced_on_record(load_corpus()) == ["csm-2024-06-13"]  # the one source on the record
