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
  `report.publish.buildinfo`). A redirect page (`<meta http-equiv="refresh">`) needs no stamp;
- the layout, at each width of `WIDTHS` (a desktop window, a narrow window or tablet): a table of
  the article wider than the article's column (the reader would scroll sideways, or the table spills
  over or is clipped), a word broken inside a table cell (its letters on two lines, not at a hyphen,
  dash or slash of its own), and, at the first width, a chapter taller than `MAX_CHAPTER_HEIGHT`.
  Folded tables (`<details>`) are unfolded to be measured: a reader may open them.

The console, request, link, code-cell and stamp checks run once, at the first width; the layout
is measured at every width. When a folder is given, every page but a redirect is photographed
(full page) at each width.

The link, anchor, page and layout rules are plain functions (`resolve_link`, `broken_links`,
`page_problems`, `layout_problems`) so that they are unit-tested without a browser.
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
from collections import Counter
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
#: viewport widths (CSS px) at which the layout is measured: a desktop window, then a narrow window
#: or a tablet (the theme drops its sidebars below 992 px); the other checks run at the first
WIDTHS = (1300, 800)
#: one screen: the viewport's height (CSS px)
SCREEN_HEIGHT = 900
#: the longest a chapter may be at the first width: ten screens. A chapter is read in one sitting
#: and its tables are compared with its text; beyond ten screens of scrolling the reader loses the
#: thread, and the chapter should fold its long tables (`details.collapsed-table`) or move them
#: to an appendix
MAX_CHAPTER_HEIGHT = 10 * SCREEN_HEIGHT
#: a chapter: a numbered notebook page (`notebooks/03_security.html`), or the key judgments
_CHAPTER = re.compile(r"notebooks/(\d[^/]*|key_judgments)\.html")
#: the article's column, where tables are measured: the theme's article, else `main`, else the body
COLUMN_SELECTORS = (".bd-article", "main", "body")
#: differences of layout below this (CSS px) are rounding, not overflow
_SLACK = 1.0
#: a word may break after these characters of its own (hyphens, dashes, slash, soft hyphen,
#: zero-width space) and before these (an em dash, a zero-width space): any other break splits it
BREAK_AFTER = "-\u2010\u2011\u2012\u2013\u2014/\u00ad\u200b"
BREAK_BEFORE = "\u2014\u200b"
#: where a broken word is shown broken, in a problem line
BREAK_MARK = "\u21b5"


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
    layouts: dict[int, Layout] = field(default_factory=dict)


@dataclass
class TableLayout:
    """One table as laid out: its name (caption, else first header cells, and its section), its
    width (overflowing cells included) and the width it has (from its left edge to the right edge of
    the article's column or of a narrower scrolling box), and the words broken in its cells (the
    breaks shown as `BREAK_MARK`)."""

    name: str
    width: float
    room: float
    broken_words: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """A page at one viewport width: its document height and its tables."""

    page: str
    width: int
    height: float
    tables: list[TableLayout] = field(default_factory=list)


@dataclass
class SiteReport:
    pages: int
    links: int
    anchors: int
    provenance_links: int
    external_links: int
    problems: list[str]
    screenshots: list[Path]
    layouts: list[Layout] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.pages} pages, {self.links} internal links ({self.anchors} with an anchor, "
                f"{self.provenance_links} provenance links to source paragraphs), "
                f"{self.external_links} external links not followed; {len(self.problems)} problem(s)")

    def layout_summaries(self) -> list[str]:
        """One line per width: pages and tables measured, the widest table against its room, the
        tallest chapter."""
        lines = []
        for width in sorted({layout.width for layout in self.layouts}, reverse=True):
            layouts = [layout for layout in self.layouts if layout.width == width]
            tables = [(t.width / t.room if t.room > 0 else float("inf"), layout.page, t)
                      for layout in layouts for t in layout.tables]
            line = f"{width} px: {len(layouts)} pages, {len(tables)} tables measured"
            if tables:
                ratio, page, table = max(tables, key=lambda item: item[0])
                line += (f", widest table {ratio:.2f} of its room ({table.width:.0f} of {table.room:.0f} px: "
                         f"{page}, {table.name})")
            chapters = [layout for layout in layouts if is_chapter(layout.page)]
            if chapters:
                tallest = max(chapters, key=lambda layout: layout.height)
                line += f", tallest chapter {tallest.height:.0f} px ({tallest.page})"
            lines.append(line)
        return lines


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


def is_chapter(page: str) -> bool:
    """Whether the page is a chapter (held to `MAX_CHAPTER_HEIGHT`)."""
    return bool(_CHAPTER.fullmatch(page))


def layout_problems(layout: Layout, max_height: float | None = MAX_CHAPTER_HEIGHT) -> list[str]:
    """What the reader meets at this width: a table wider than its room (by how much), a word
    broken in a table cell, and, when `max_height` is given, a chapter taller than that."""
    where = f"{layout.page} at {layout.width} px"
    problems = []
    for table in layout.tables:
        if table.width > table.room + _SLACK:
            problems.append(f"{where}: table {table.name} is {table.width:.0f} px wide in {table.room:.0f} px "
                            f"of column: {table.width - table.room:.0f} px too wide")
        if table.broken_words:
            counts = Counter(table.broken_words)
            words = ", ".join(repr(_shorten(word)) + (f" ({n} times)" if n > 1 else "") for word, n in counts.items())
            problems.append(f"{where}: {len(counts)} word(s) broken across two lines (at {BREAK_MARK}) "
                            f"in table {table.name}: {words}")
    if max_height is not None and is_chapter(layout.page) and layout.height > max_height:
        problems.append(f"{where}: the chapter is {layout.height:.0f} px tall, more than {max_height:.0f} px "
                        f"({max_height / SCREEN_HEIGHT:.0f} screens of {SCREEN_HEIGHT} px)")
    return problems


def _shorten(word: str, keep: int = 24) -> str:
    """A long broken word cut to `keep` characters either side of its first break."""
    at = word.find(BREAK_MARK)
    head = word[:at] if len(word[:at]) <= keep else "…" + word[at - keep:at]
    tail = word[at:] if len(word[at:]) <= keep + 1 else word[at:at + keep + 1] + "…"
    return head + tail


def screenshot_path(folder: Path, width: int, page: str) -> Path:
    """Where the screenshot of `page` at `width` goes: `<folder>/<width>/<page, / as ->.png`."""
    return Path(folder) / str(width) / (page.removesuffix(".html").replace("/", "-") + ".png")


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


#: the layout at the current width: the document's height as the reader first sees it, then, with
#: every `<details>` of the column unfolded, each rendered table of the column (see `TableLayout`)
_LAYOUT = """async ([selectors, breakAfter, breakBefore, mark]) => {
  await document.fonts.ready;
  const height = document.documentElement.scrollHeight;
  const column = selectors.map(s => document.querySelector(s)).find(e => e);
  if (!column) return {height, tables: []};
  column.querySelectorAll('details:not([open])').forEach(d => { d.open = true; });
  const clientRight = e => e.getBoundingClientRect().left + e.clientLeft + e.clientWidth;
  const columnRight = clientRight(column) - parseFloat(getComputedStyle(column).paddingRight);
  const text = e => e.textContent.replace(/\\s+/g, ' ').trim();
  const range = document.createRange();
  const tables = [];
  for (const table of column.querySelectorAll('table')) {
    const box = table.getBoundingClientRect();
    if (!box.width && !box.height) continue;  // not rendered
    // the table's extent: its box, what overflows it, and what overflows any of its cells
    let right = Math.max(box.right, box.left + table.scrollWidth);
    const cells = Array.from(table.querySelectorAll('th, td'));
    for (const cell of cells)
      right = Math.max(right, cell.getBoundingClientRect().left + cell.clientLeft + cell.scrollWidth);
    // its room: up to the column's right edge, or a scrolling (or clipping) box's, if narrower
    let limit = columnRight;
    for (let e = table; e && e !== column; e = e.parentElement)
      if (getComputedStyle(e).overflowX !== 'visible') limit = Math.min(limit, clientRight(e));
    const head = table.tHead?.rows[0] ?? table.rows[0];
    const heads = head ? Array.from(head.cells, text).filter(t => t).slice(0, 3)
                          .map(t => t.length > 30 ? t.slice(0, 29) + '…' : t) : [];
    let name = table.caption && text(table.caption) ? `'${text(table.caption)}'`
             : heads.length ? `'${heads.join(' | ')}'` : 'without header';
    const section = table.closest('section[id]');
    if (section) name += ` (#${section.id})`;
    // words whose characters sit on more than one line, not at a break the word itself offers
    const broken = [];
    for (const cell of cells) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\\S+/g)) {
          const word = m[0];
          range.setStart(node, m.index);
          range.setEnd(node, m.index + word.length);
          if (range.getClientRects().length < 2) continue;
          let shown = '', bad = false, previous = null;
          for (let i = 0; i < word.length; i++) {
            range.setStart(node, m.index + i);
            range.setEnd(node, m.index + i + 1);
            const r = range.getBoundingClientRect();
            if (previous && r.height && r.top >= previous.top + previous.height / 2
                && !breakAfter.includes(word[i - 1]) && !breakBefore.includes(word[i])) {
              shown += mark;
              bad = true;
            }
            if (r.height) previous = r;
            shown += word[i];
          }
          if (bad) broken.push(shown);
        }
      }
    }
    tables.push({name, width: right - box.left, room: limit - box.left, broken});
  }
  return {height, tables};
}"""


def _localhost_only(base: str, errors: list[str], stay: str | None = None):
    """A route handler that lets through requests to the local server and records any other in `errors`.
    With `stay` (a redirect page's URL), the page may not navigate elsewhere: an answer without content
    keeps it where it is while it is checked."""
    def handle(route):
        url = route.request.url
        if _held(route.request, stay):
            route.fulfill(status=204)
        elif url.startswith((base, "data:", "blob:")):
            route.continue_()
        else:
            errors.append(f"request leaves localhost: {url}")
            route.abort()
    return handle


def _held(request, stay: str | None) -> bool:
    """Whether the request is a redirect page's navigation that `_localhost_only` held back."""
    return stay is not None and request.is_navigation_request() and request.url != stay


def _watch(page, base: str, visit: PageVisit, stay: str | None = None) -> None:
    """Record on `visit` what the page reports: console errors, uncaught errors, dialogs, failed
    and refused requests (not a redirect held back, see `_localhost_only`)."""
    page.on("console", lambda msg, v=visit: v.errors.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc, v=visit: v.errors.append(f"uncaught error: {exc}"))
    page.on("dialog", lambda d, v=visit: (v.errors.append(f"a script opened a {d.type}: "
                                                          f"{d.message!r}"), d.dismiss()))
    page.on("requestfailed", lambda r, v=visit: v.errors.append(
        f"request failed: {r.url} ({r.failure})") if r.url.startswith(base) and not _held(r, stay) else None)
    page.on("response", lambda r, v=visit: v.errors.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)


def _visit_at(browser, base: str, visits: dict[str, PageVisit], width: int, first: bool,
              screenshots: Path | None, layout: bool, redirects: set[str]) -> None:
    """One width's pass of `visit_pages`, in a fresh browser context; the first pass records what
    the page reports, its ids, links, code cells and stamp."""
    context = browser.new_context(viewport={"width": width, "height": SCREEN_HEIGHT})
    for name, visit in visits.items():
        if not first and name in redirects:
            continue
        page = context.new_page()
        stay = base + name if name in redirects else None
        page.route("**/*", _localhost_only(base, visit.errors if first else [], stay))
        if first:
            _watch(page, base, visit, stay)
        response = page.goto(base + name, wait_until="load")
        if first and (response is None or response.status >= 400):
            visit.errors.append(f"page did not load ({response and response.status})")
        page.wait_for_timeout(100)  # let deferred scripts report and the layout settle
        if first:
            seen = page.evaluate(_COLLECT)
            visit.ids = set(seen["ids"])
            visit.links = seen["links"]
            visit.code_cells = seen["code"]
            visit.stamp = seen["stamp"]
        if name not in redirects:
            if screenshots is not None:
                path = screenshot_path(screenshots, width, name)
                path.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(path), full_page=True)
            if layout:  # last: it unfolds the folded tables
                seen = page.evaluate(_LAYOUT, [list(COLUMN_SELECTORS), BREAK_AFTER, BREAK_BEFORE, BREAK_MARK])
                visit.layouts[width] = Layout(name, width, seen["height"], [
                    TableLayout(t["name"], t["width"], t["room"], t["broken"]) for t in seen["tables"]])
        page.close()
    context.close()


def visit_pages(html_dir: Path, pages: list[str], screenshots: Path | None = None,
                widths: tuple[int, ...] = WIDTHS, layout: bool = True) -> dict[str, PageVisit]:
    """Open every page in headless Chromium at each of `widths` (viewport `SCREEN_HEIGHT` high) and
    record what it saw: at the first width, errors, ids, links, code cells and stamp; at every
    width, unless `layout` is false, the layout (`PageVisit.layouts`, redirect pages left out).
    With a `screenshots` folder, each page but a redirect is photographed (full page) at each width,
    see `screenshot_path`. The widths are visited one after the other: side by side, on two cores,
    they took longer."""
    from playwright.sync_api import sync_playwright

    visits = {name: PageVisit(name) for name in pages}
    redirects = {name for name in pages if is_redirect(Path(html_dir) / name)}
    with serve(html_dir) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for i, width in enumerate(widths):
                if i == 0 or layout or screenshots is not None:
                    _visit_at(browser, base, visits, width, i == 0, screenshots, layout, redirects)
        finally:
            browser.close()
    return visits


def check_site(html_dir: Path, screenshots: Path | None = None, commit: str | None = None,
               widths: tuple[int, ...] = WIDTHS, layout: bool = True) -> SiteReport:
    """Visit every page of the built book and check it; see the module docstring. With `commit`, every
    page's build stamp must name that commit; with a `screenshots` folder, every page is photographed
    at each width; with `layout` false, the layout is not checked."""
    html_dir = Path(html_dir)
    if not (html_dir / "index.html").is_file():
        raise FileNotFoundError(f"{html_dir}: no built book here (index.html missing): run `make book` first")
    pages = site_pages(html_dir)
    visits = visit_pages(html_dir, pages, screenshots, widths, layout=layout)
    problems = [f"{name}: {error}" for name, visit in sorted(visits.items()) for error in visit.errors]
    problems += [p for name, visit in sorted(visits.items())
                 for p in page_problems(visit, is_redirect(html_dir / name), commit)]
    link_problems, counts = broken_links(visits, html_dir)
    layouts = [visit.layouts[width] for width in widths for _, visit in sorted(visits.items())
               if width in visit.layouts]
    layout_found = [p for item in layouts
                    for p in layout_problems(item, MAX_CHAPTER_HEIGHT if item.width == widths[0] else None)]
    shots = [] if screenshots is None else [
        path for width in widths for name in pages if (path := screenshot_path(screenshots, width, name)).is_file()]
    return SiteReport(pages=len(pages), links=counts["links"], anchors=counts["anchors"],
                      provenance_links=counts["provenance"], external_links=counts["external"],
                      problems=problems + link_problems + layout_found, screenshots=shots, layouts=layouts)
