"""The real-browser check (`report.publish.browser`): its link, anchor and layout rules without a browser,
then the whole check in headless Chromium on small fixture sites with one fault of each kind."""

import re
import shutil
from pathlib import Path

import pytest

from report.publish.browser import (MAX_CHAPTER_HEIGHT, Layout, PageVisit, TableLayout, broken_links, check_site, is_chapter,
                            is_redirect, layout_problems, page_problems, resolve_link, screenshot_path, site_pages)
from report.publish.buildinfo import Version
from report.publish.sphinx_fixes import dedupe_scripts, footer_html

SITE = Path(__file__).parent / "fixtures" / "site"
LAYOUT_SITE = Path(__file__).parent / "fixtures" / "layout"
BASE = "http://127.0.0.1:8123/"


@pytest.mark.parametrize("page, href, expected", [
    ("notebooks/a.html", "appendix_sources.html#src-x-p3", ("notebooks/appendix_sources.html", "src-x-p3")),
    ("notebooks/a.html", "../book/intro.html", ("book/intro.html", "")),
    ("notebooks/a.html", "#fig-1", ("notebooks/a.html", "fig-1")),
    ("notebooks/a.html", "#", None),
    ("notebooks/a.html", "../_downloads/abc/events.csv", ("_downloads/abc/events.csv", "")),
    ("notebooks/a.html", BASE + "notebooks/b.html#caf%C3%A9", ("notebooks/b.html", "café")),
    ("notebooks/a.html", BASE, ("index.html", "")),
    ("index.html", "https://example.org/page#x", None),
    ("index.html", "mailto:a@example.org", None),
    ("index.html", "javascript:void(0)", None),
])
def test_resolve_link(page, href, expected):
    assert resolve_link(page, href) == expected


def test_broken_links_names_page_link_and_missing_part(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("index.html", "sub/page.html", "notebooks/appendix_sources.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>")
    visits = {
        "index.html": PageVisit("index.html", ids={"top"}, links=[
            BASE + "sub/page.html#p1", BASE + "sub/page.html#nope", BASE + "gone.html",
            BASE + "notebooks/appendix_sources.html#src-a-p1", "https://example.org/", BASE + "index.html#top"]),
        "sub/page.html": PageVisit("sub/page.html", ids={"p1"}),
        "notebooks/appendix_sources.html": PageVisit("notebooks/appendix_sources.html", ids={"src-a-p1"}),
    }
    problems, counts = broken_links(visits, tmp_path)
    assert problems == [
        f"index.html: link '{BASE}sub/page.html#nope': no element with id 'nope' on sub/page.html",
        f"index.html: link '{BASE}gone.html': target gone.html does not exist",
    ]
    assert counts == {"links": 5, "anchors": 4, "provenance": 1, "external": 1}


def test_site_pages_leave_out_theme_assets(tmp_path):
    for name in ("index.html", "a/b.html", "_static/webpack-macros.html", "_sources/x.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    assert site_pages(tmp_path) == ["a/b.html", "index.html"]


def test_inline_scripts_with_the_same_body_are_emitted_once():
    class Script:
        def __init__(self, filename, **attributes):
            self.filename, self.attributes = filename, attributes
    a, b, c, d = Script(None, body="const X = 1"), Script("", body="const X = 1"), Script("x.js"), Script("x.js")
    assert dedupe_scripts([a, c, b, d, Script(None, body="other")])[:2] == [a, c]
    assert len(dedupe_scripts([a, c, b, d, Script(None, body="other")])) == 3


STAMP = "Built from commit abc1234 of 2026-01-02."


@pytest.mark.parametrize("visit, redirect, commit, expected", [
    (PageVisit("a.html", stamp=STAMP), False, None, []),
    (PageVisit("a.html", stamp="\n Built from commit  abc1234\n of 2026-01-02. "), False, "abc1234", []),
    (PageVisit("a.html", stamp="Built from an unversioned copy of the book (no git repository)."), False, None, []),
    (PageVisit("a.html", stamp="Built from commit abc1234+modified of 2026-01-02."), False, None, []),
    (PageVisit("a.html"), False, None, ["a.html: no build stamp (commit and date) in the footer"]),
    (PageVisit("a.html", stamp=""), False, None, ["a.html: no build stamp (commit and date) in the footer"]),
    (PageVisit("a.html", stamp="Built from commit  of ."), False, None,
     ["a.html: build stamp 'Built from commit of .' does not name a commit and its date"]),
    (PageVisit("a.html", stamp=STAMP), False, "def5678", ["a.html: build stamp names abc1234, expected def5678"]),
    (PageVisit("index.html"), True, None, []),
    (PageVisit("a.html", stamp=STAMP, code_cells=2), False, None,
     ["a.html: 2 code cell(s) with their source shown on the page"]),
    (PageVisit("index.html", code_cells=1), True, None, ["index.html: 1 code cell(s) with their source shown on the page"]),
])
def test_page_problems_code_shown_and_build_stamp(visit, redirect, commit, expected):
    assert page_problems(visit, redirect, commit) == expected


@pytest.mark.parametrize("version", [Version("abc1234", "2026-01-02"), Version("abc1234+modified", "2026-01-02"),
                                     Version()])
def test_the_footer_the_book_writes_is_a_stamp_the_check_accepts(version):
    text = re.sub(r"<[^>]+>", "", footer_html(version))
    assert page_problems(PageVisit("a.html", stamp=text), commit=version.commit if version.date else None) == []


def test_redirect_pages_are_recognised(tmp_path):
    (tmp_path / "index.html").write_text('<meta http-equiv="Refresh" content="0; url=book/intro.html" />')
    (tmp_path / "page.html").write_text("<html><body>Refresh the page</body></html>")
    assert is_redirect(tmp_path / "index.html") and not is_redirect(tmp_path / "page.html")


@pytest.fixture(scope="module")
def fixture_report(chromium):
    return check_site(SITE)


def test_the_browser_finds_every_kind_of_fault(fixture_report):
    problems = "\n".join(fixture_report.problems)
    for expected in [
        "bad.html: console error: deliberate console error",
        "bad.html: a script opened a alert: 'a dialog'",
        "bad.html: uncaught error: undefinedFunction is not defined",
        "bad.html: request leaves localhost: https://cdn.example.org/style.css",
        "missing.png",  # HTTP 404 for the image
        "bad.html: link ", "no element with id 'para-9' on sub/page.html",
        "target sub/missing.html does not exist",
        "target outside.html does not exist",
        "bad.html: 1 code cell(s) with their source shown on the page",
        "bad.html: no build stamp (commit and date) in the footer",
    ]:
        assert expected in problems, expected
    assert not any(p.startswith(("index.html", "sub/page.html")) for p in fixture_report.problems), problems


def test_a_clean_site_passes_and_is_photographed(tmp_path, chromium):
    site = tmp_path / "site"
    shutil.copytree(SITE, site, ignore=shutil.ignore_patterns("bad.html"))
    report = check_site(site, tmp_path / "shots")
    assert report.problems == []
    assert (report.pages, report.links, report.anchors, report.external_links) == (2, 6, 3, 1)
    assert report.screenshots == [tmp_path / "shots" / str(width) / name
                                  for width in (1300, 800) for name in ("index.png", "sub-page.png")]
    assert all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in report.screenshots)
    assert [(layout.page, layout.width) for layout in report.layouts] == [
        ("index.html", 1300), ("sub/page.html", 1300), ("index.html", 800), ("sub/page.html", 800)]


def test_no_built_book_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="make book"):
        check_site(tmp_path)


@pytest.mark.parametrize("page, chapter", [
    ("notebooks/03_security.html", True), ("notebooks/key_judgments.html", True),
    ("notebooks/appendix_sources.html", False), ("notebooks/method.html", False), ("book/intro.html", False),
    ("03_security.html", False), ("notebooks/sub/03_x.html", False),
])
def test_chapters_are_the_numbered_notebooks_and_the_key_judgments(page, chapter):
    assert is_chapter(page) is chapter


def test_layout_problems_name_page_width_table_and_overflow():
    wide = TableLayout("'a | b | c' (#s)", width=812.4, room=700.0)
    exact = TableLayout("'exact'", width=700.6, room=700.0)  # rounding, not overflow
    broken = TableLayout("'country'", width=300, room=700, broken_words=["Kazakhs↵tan", "Kazakhs↵tan", "x↵y"])
    layout = Layout("notebooks/03_security.html", 800, height=12000, tables=[wide, exact, broken])
    assert layout_problems(layout, max_height=None) == [
        "notebooks/03_security.html at 800 px: table 'a | b | c' (#s) is 812 px wide in 700 px of column: "
        "112 px too wide",
        "notebooks/03_security.html at 800 px: 2 word(s) broken across two lines (at ↵) in table 'country': "
        "'Kazakhs↵tan' (2 times), 'x↵y'",
    ]
    assert layout_problems(Layout("notebooks/03_security.html", 1300, height=MAX_CHAPTER_HEIGHT + 1)) == [
        f"notebooks/03_security.html at 1300 px: the chapter is {MAX_CHAPTER_HEIGHT + 1} px tall, "
        f"more than {MAX_CHAPTER_HEIGHT} px (10 screens of 900 px)"]
    assert layout_problems(Layout("notebooks/03_security.html", 1300, height=MAX_CHAPTER_HEIGHT)) == []
    assert layout_problems(Layout("notebooks/appendix_sources.html", 1300, height=50000)) == []


def test_a_long_broken_word_is_shown_around_its_break():
    table = TableLayout("'t'", 10, 10, broken_words=["a" * 40 + "↵" + "b" * 40])
    (problem,) = layout_problems(Layout("x.html", 800, 0, [table]))
    assert problem.endswith(": '…" + "a" * 24 + "↵" + "b" * 24 + "…'")


def test_screenshots_are_named_by_width_and_page(tmp_path):
    assert (screenshot_path(tmp_path, 800, "notebooks/03_security.html")
            == tmp_path / "800" / "notebooks-03_security.png")
    assert screenshot_path(tmp_path, 1300, "index.html") == tmp_path / "1300" / "index.png"


@pytest.fixture(scope="module")
def layout_report(chromium):
    return check_site(LAYOUT_SITE)


def _layout_problems(report, page):
    return [p for p in report.problems if p.startswith(page + " at ")]


def test_tables_wider_than_the_column_at_both_widths(layout_report):
    problems = _layout_problems(layout_report, "notebooks/wide.html")
    for width in (1300, 800):
        mine = [p for p in problems if p.startswith(f"notebooks/wide.html at {width} px: ")]
        assert len(mine) == 3, mine
        # a table that spills over, one that scrolls in its box, one whose fixed layout a cell overflows
        for name in ("'Eight columns that do not wrap' (#spills)", "'first header | second header | third header' "
                     "(#scrolls)", "'fixed | a cell whose text cannot wrap…' (#fixed)"):
            (line,) = [p for p in mine if f"table {name} is " in p]
            wide, room, over = map(int, re.search(r"is (\d+) px wide in (\d+) px of column: (\d+) px too wide",
                                                  line).groups())
            assert room == 500 and wide > 600 and over == wide - room, line


def test_a_word_broken_in_a_cell(layout_report):
    problems = _layout_problems(layout_report, "notebooks/broken.html")
    assert [p.split(":")[0] for p in problems] == [f"notebooks/broken.html at {width} px" for width in (1300, 800)]
    for problem in problems:  # where it breaks depends on the font
        assert re.fullmatch(r"notebooks/broken\.html at \d+ px: 1 word\(s\) broken across two lines \(at ↵\) "
                            r"in table 'country \| note' \(#broken\): 'Ka\w*↵\w*an'", problem), problem


def test_a_chapter_taller_than_the_limit_at_the_first_width_only(layout_report):
    (problem,) = [p for p in layout_report.problems if "tall" in p]
    assert re.fullmatch(r"notebooks/01_long\.html at 1300 px: the chapter is 9\d{3} px tall, more than 9000 px "
                        r"\(10 screens of 900 px\)", problem)
    heights = {(layout.page, layout.width): layout.height for layout in layout_report.layouts}
    assert 7200 < heights["notebooks/02_short.html", 1300] < MAX_CHAPTER_HEIGHT
    assert heights["notebooks/appendix_long.html", 1300] > MAX_CHAPTER_HEIGHT  # an appendix: no limit


def test_clean_tables_and_breaks_at_a_words_own_hyphen_or_slash_pass(layout_report):
    assert _layout_problems(layout_report, "index.html") == []
    index = {layout.width: layout for layout in layout_report.layouts if layout.page == "index.html"}
    assert len(index[1300].tables) == 3  # the folded one unfolded and measured
    assert all(table.width <= table.room for table in index[800].tables)
    assert not any(table.broken_words for table in index[800].tables)


def test_a_redirect_page_is_held_while_checked_and_not_measured(layout_report):
    assert not any(p.startswith("moved.html") for p in layout_report.problems), layout_report.problems
    assert "moved.html" not in {layout.page for layout in layout_report.layouts}


def test_the_summary_gives_the_figures_per_width(layout_report):
    lines = layout_report.layout_summaries()
    assert [line.split(":")[0] for line in lines] == ["1300 px", "800 px"]
    assert lines[0].startswith("1300 px: 6 pages, 8 tables measured, widest table 2.")
    assert "tallest chapter 9" in lines[0] and "(notebooks/01_long.html)" in lines[0]
