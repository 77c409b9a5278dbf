"""The real-browser check (`report.browser`): its link and anchor rules without a browser, then the
whole check in headless Chromium on a small fixture site with one fault of each kind."""

import shutil
from pathlib import Path

import pytest

from report.browser import PageVisit, broken_links, check_site, resolve_link, site_pages
from report.sphinx_fixes import dedupe_scripts

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
