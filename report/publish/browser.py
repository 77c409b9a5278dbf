"""A real-browser check of the built book.

`check_site(html_dir)` serves the folder on localhost, opens every page in headless Chromium
(Debian's `/usr/bin/chromium`, driven by Playwright) and reports, page by page:

- console errors and uncaught page errors;
- a dialog opened by a script (`alert`, `confirm`, `prompt`): no script from a source may run;
- a request that failed or answered 400 or more, and any request leaving localhost (the book must
  read offline);
- internal links whose target file is missing, or whose `#fragment` names no element of the
  target page as the browser built it. Provenance links (to a source paragraph) are counted apart;
- what a reader must and must not see: a code cell's source (an input area the reader can see; one
  collapsed behind a toggle is not seen) fails, and so does a page without the build stamp in its
  footer (`Built from commit <hash> of <date>.`, or the unversioned wording; see
  `report.publish.buildinfo`). A redirect page (`<meta http-equiv="refresh">`) needs no stamp.

The link, anchor and page rules are plain functions (`resolve_link`, `broken_links`, `page_problems`)
so that they are unit-tested without a browser.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

#: flags for a headless Chromium in a closed network (no background traffic, no sandbox as root)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
#: folders of theme assets: their HTML snippets are templates, not pages
ASSET_DIRS = ("_static", "_sources", "_downloads", "_images")
PROVENANCE_PAGE = "notebooks/appendix_sources.html"
#: a code cell's source as myst-nb (and JupyterLab) render it
CODE_INPUT_SELECTOR = ".cell_input, .jp-InputArea"
STAMP_SELECTOR = ".report-build-stamp"
STAMP = re.compile(r"Built from (?:commit (?P<commit>[0-9a-f]{7,40}(?:\+modified)?) of (?P<date>\d{4}-\d{2}-\d{2})"
                   r"|an unversioned copy of the book \(no git repository\))\.")
_REDIRECT = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.IGNORECASE)


def chromium_path() -> str:
    """The Chromium binary: `$CHROMIUM`, else `chromium` on PATH; a clear error when missing."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise FileNotFoundError("Chromium not found: install Debian's `chromium` package "
                                "(`make browser` does it) or set CHROMIUM to the binary")
    return found


@dataclass
class PageVisit:
    """What the browser saw on one page (`page` is relative to the site root, POSIX style)."""

    page: str
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    code_cells: int = 0
    stamp: str | None = None


@dataclass
class SiteReport:
    pages: int
    links: int
    anchors: int
    provenance_links: int
    external_links: int
    problems: list[str]
    screenshots: list[Path]

    def summary(self) -> str:
        return (f"{self.pages} pages, {self.links} internal links ({self.anchors} with an anchor, "
                f"{self.provenance_links} provenance links to source paragraphs), "
                f"{self.external_links} external links not followed; {len(self.problems)} problem(s)")


def site_pages(html_dir: Path) -> list[str]:
    """Every HTML page of the built site, sorted, relative to its root; theme assets left out."""
    pages = []
    for path in sorted(html_dir.rglob("*.html")):
        rel = path.relative_to(html_dir).as_posix()
        if not rel.startswith(tuple(d + "/" for d in ASSET_DIRS)):
            pages.append(rel)
    return pages


def resolve_link(page: str, href: str) -> tuple[str, str] | None:
    """The (target file, fragment) of a link found on `page`, both relative to the site root;
    None for a link that leaves the site (another scheme or host) or is only `#`.

    `href` is either relative (as written in the HTML) or an absolute http URL of the local server
    (as the browser resolves it); the server part is then dropped.
    """
    parts = urlsplit(href)
    if parts.scheme in ("http", "https") and parts.netloc not in ("127.0.0.1", "localhost") \
            and not parts.netloc.startswith(("127.0.0.1:", "localhost:")):
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    fragment = unquote(parts.fragment)
    if parts.scheme:
        target = unquote(parts.path).lstrip("/")
    elif not parts.path:
        target = page
    else:
        base = PurePosixPath(page).parent
        target = os.path.normpath((base / unquote(parts.path)).as_posix()).replace(os.sep, "/")
    if target in ("", ".") or target.endswith("/"):
        target = (target.rstrip("/") + "/index.html").lstrip("/")
    if target == page and not fragment:
        return None if not parts.path and not parts.query else (target, "")
    return target, fragment


def broken_links(visits: dict[str, PageVisit], html_dir: Path) -> tuple[list[str], dict[str, int]]:
    """Problems with internal links, and counts: links, anchors, provenance links, external links.

    A link is broken when its target file is missing or climbs out of the site; an anchor is
    missing when the target is a page and no element on it has that id (or name).
    """
    problems: list[str] = []
    counts = {"links": 0, "anchors": 0, "provenance": 0, "external": 0}
    root = html_dir.resolve()
    for page, visit in sorted(visits.items()):
        for href in visit.links:
            resolved = resolve_link(page, href)
            if resolved is None:
                if urlsplit(href).scheme in ("http", "https"):
                    counts["external"] += 1
                continue
            target, fragment = resolved
            counts["links"] += 1
            path = (root / target).resolve()
            if target.startswith("..") or not path.is_relative_to(root) or not path.is_file():
                problems.append(f"{page}: link {href!r}: target {target} does not exist")
                continue
            if not fragment:
                continue
            counts["anchors"] += 1
            if target == PROVENANCE_PAGE and fragment.startswith("src-"):
                counts["provenance"] += 1
            if target.endswith(".html"):
                ids = visits[target].ids if target in visits else set()
                if fragment not in ids:
                    problems.append(f"{page}: link {href!r}: no element with id {fragment!r} on {target}")
    return problems, counts


def is_redirect(path: Path) -> bool:
    """Whether the HTML file only sends the reader on (a meta refresh, like Jupyter Book's index.html)."""
    return bool(_REDIRECT.search(Path(path).read_text(encoding="utf-8", errors="replace")[:4000]))


def page_problems(visit: PageVisit, redirect: bool = False, commit: str | None = None) -> list[str]:
    """What the reader should not see on the page, or misses: code cells shown, no build stamp (or one
    not naming `commit`, when given)."""
    problems = []
    if visit.code_cells:
        problems.append(f"{visit.page}: {visit.code_cells} code cell(s) with their source shown on the page")
    if redirect:
        return problems
    stamp = " ".join((visit.stamp or "").split())
    match = STAMP.fullmatch(stamp)
    if not stamp:
        problems.append(f"{visit.page}: no build stamp (commit and date) in the footer")
    elif not match:
        problems.append(f"{visit.page}: build stamp {stamp!r} does not name a commit and its date")
    elif commit is not None and match["commit"] != commit:
        problems.append(f"{visit.page}: build stamp names {match['commit']}, expected {commit}")
    return problems


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a page closed while an asset was still streaming: not a fault of the book
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(html_dir: Path):
    """Serve `html_dir` on a free localhost port; yields the base URL (ending in '/')."""
    handler = functools.partial(_QuietHandler, directory=str(html_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_COLLECT = """() => ({
  ids: Array.from(document.querySelectorAll('[id]'), e => e.id)
       .concat(Array.from(document.querySelectorAll('a[name]'), e => e.getAttribute('name'))),
  links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
  code: Array.from(document.querySelectorAll(%r)).filter(
        e => e.checkVisibility({visibilityProperty: true, opacityProperty: true})).length,
  stamp: document.querySelector(%r)?.textContent ?? null,
})""" % (CODE_INPUT_SELECTOR, STAMP_SELECTOR)


def _localhost_only(base: str, visit: PageVisit):
    """A route handler that lets through requests to the local server and records any other."""
    def handle(route):
        url = route.request.url
        if url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            visit.errors.append(f"request leaves localhost: {url}")
            route.abort()
    return handle


def visit_pages(html_dir: Path, pages: list[str], screenshots: dict[str, Path] | None = None,
                width: int = 1280, height: int = 900) -> dict[str, PageVisit]:
    """Open every page in headless Chromium and record what it saw; full-page screenshots of
    the pages named in `screenshots` are written to the paths given."""
    from playwright.sync_api import sync_playwright

    screenshots = screenshots or {}
    visits: dict[str, PageVisit] = {}
    with serve(html_dir) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            for page_name in pages:
                visit = PageVisit(page_name)
                page = context.new_page()

                page.route("**/*", _localhost_only(base, visit))
                page.on("console", lambda msg, v=visit: v.errors.append(f"console {msg.type}: {msg.text}")
                        if msg.type == "error" else None)
                page.on("pageerror", lambda exc, v=visit: v.errors.append(f"uncaught error: {exc}"))
                page.on("dialog", lambda d, v=visit: (v.errors.append(f"a script opened a {d.type}: "
                                                                      f"{d.message!r}"), d.dismiss()))
                page.on("requestfailed", lambda r, v=visit: v.errors.append(
                    f"request failed: {r.url} ({r.failure})") if r.url.startswith(base) else None)
                page.on("response", lambda r, v=visit: v.errors.append(f"HTTP {r.status}: {r.url}")
                        if r.status >= 400 else None)
                response = page.goto(base + page_name, wait_until="load")
                if response is None or response.status >= 400:
                    visit.errors.append(f"page did not load ({response and response.status})")
                page.wait_for_timeout(100)  # let deferred scripts report
                seen = page.evaluate(_COLLECT)
                visit.ids = set(seen["ids"])
                visit.links = seen["links"]
                visit.code_cells = seen["code"]
                visit.stamp = seen["stamp"]
                if page_name in screenshots:
                    screenshots[page_name].parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(screenshots[page_name]), full_page=True)
                page.close()
                visits[page_name] = visit
        finally:
            browser.close()
    return visits


def check_site(html_dir: Path, screenshots: dict[str, Path] | None = None, commit: str | None = None) -> SiteReport:
    """Visit every page of the built book and check it; see the module docstring. With `commit`, every
    page's build stamp must name that commit."""
    html_dir = Path(html_dir)
    if not (html_dir / "index.html").is_file():
        raise FileNotFoundError(f"{html_dir}: no built book here (index.html missing): run `make book` first")
    pages = site_pages(html_dir)
    absent = sorted(set(screenshots or {}) - set(pages))
    visits = visit_pages(html_dir, pages, screenshots)
    problems = [f"{name}: no such page to photograph" for name in absent]
    problems += [f"{name}: {error}" for name, visit in sorted(visits.items()) for error in visit.errors]
    problems += [p for name, visit in sorted(visits.items())
                 for p in page_problems(visit, is_redirect(html_dir / name), commit)]
    link_problems, counts = broken_links(visits, html_dir)
    return SiteReport(pages=len(pages), links=counts["links"], anchors=counts["anchors"],
                      provenance_links=counts["provenance"], external_links=counts["external"],
                      problems=problems + link_problems, screenshots=sorted((screenshots or {}).values()))
