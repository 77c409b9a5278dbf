"""The real-browser check (`report.publish.browser`): its link and anchor rules without a browser, then the
whole check in headless Chromium on a small fixture site with one fault of each kind."""

import re
import shutil
from pathlib import Path

import pytest

from report.publish.browser import PageVisit, broken_links, check_site, is_redirect, page_problems, resolve_link, site_pages
from report.publish.buildinfo import Version
from report.publish.sphinx_fixes import dedupe_scripts, footer_html

SITE = Path(__file__).parent / "fixtures" / "site"
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
def fixture_report():
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


def test_a_clean_site_passes_and_is_photographed(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE, site, ignore=shutil.ignore_patterns("bad.html"))
    shot = tmp_path / "shots" / "index.png"
    report = check_site(site, {"index.html": shot})
    assert report.problems == []
    assert (report.pages, report.links, report.anchors, report.external_links) == (2, 6, 3, 1)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_built_book_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="make book"):
        check_site(tmp_path)
