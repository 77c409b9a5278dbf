"""report/publish/reading_path.py on a hand-made page: folded lists and hidden code are not read, and the
words of the machinery are found."""

from report.publish import reading_path

PAGE = """<html><body><nav>Contents menu words</nav><article><h1>A chapter</h1>
<p>Security weighs most in the sources' telling.</p>
<details><summary>Show the list</summary><p>one two three four five</p></details>
<div class="cell_input">print("code")</div><p>A regime shunned for its rule.</p></article>
<footer>Built from commit</footer></body></html>"""


def test_visible_words_leave_out_what_is_folded(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "notebooks").mkdir()
    for page in reading_path.PAGES:
        (tmp_path / page).write_text(PAGE, encoding="utf-8")
    words = reading_path.page_words(tmp_path)
    assert set(words.values()) == {2 + 7 + 6}  # the heading, two sentences; not the list, the code, the footer
    assert reading_path.machinery(tmp_path) == {}  # "its rule" is the regime's, not a rule of the machine
    (tmp_path / reading_path.PAGES[0]).write_text(PAGE.replace("telling", "extractor and parser"), encoding="utf-8")
    assert reading_path.machinery(tmp_path) == {reading_path.PAGES[0]: ["extractor", "parser"]}
