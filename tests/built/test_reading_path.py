"""The built book's reading path (the introduction, the key judgments, chapters 1-8) is about as long as
its sources, and speaks of the evidence, not of the machine that read it (report/publish/reading_path.py)."""

from report.publish import reading_path


def test_the_reading_path_is_about_as_long_as_its_sources(build):
    words = reading_path.page_words(build / "html")
    print("\n".join(f"{page}: {n}" for page, n in words.items()), f"\ntotal: {sum(words.values())}")
    assert sum(words.values()) <= reading_path.MAX_WORDS, words


def test_no_machinery_on_the_reading_path(build):
    assert reading_path.machinery(build / "html") == {}
