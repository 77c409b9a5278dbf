"""A Sphinx extension (`sphinx: extra_extensions` in `_config.yml`).

The build stamp (`report.publish.buildinfo`): the commit the book was built from and the commit's date go
into the footer of every HTML page (the theme's `extra_footer`), onto the PDF's title page and into
the `book-citation` directive (`bibtex` or `reference`), which the cite page uses. The stamp is put in
when a page is written, not when it is read, so a new commit never leaves a stale stamp in a cached
page. Title, authors, licence, repository and keywords come from `CITATION.cff`, also into the PDF's
metadata.

The `changes-since-tag` directive (the cite page) lists what changed in the book since the previous tagged
version (`buildinfo.previous_tag`), as `python -m report cite-changes` computed it into `CHANGES_FILE` (`make book`
runs it when the inputs or the tags change); without an earlier tagged version (no tag, no git, a copy outside
git) it says so in one sentence. Every text from the sources is set as text (escaped by the writers), never read
as markup. The page is read again when the previous tagged version changes or the file does.

The bibliography's labels are the author-year citations of the text (`Mamedov, 2024`), given by the
pybtex style `authoryear` (`bibtex_default_style`), sorted by author, year and title.

For the PDF (LaTeX builder only), `latex_tree`:

- makes the introduction unnumbered front matter headed "Introduction" (the book's title, the
  root page's title on the web, is on the title page) in the text, the contents and the running
  head, and so are the pages of unnumbered parts before the numbered ones (the key
  judgments: chapter numbering resumes at 1 with the first numbered page); everything after the
  numbered parts of the table of contents is a lettered appendix
  (LaTeX `\\appendix`), except the bibliography, which is unnumbered back matter and gets one heading
  (its list no longer opens a chapter of its own, see `LATEX_PREAMBLE`);
- drops code-cell sources, should any reach it: `nb_remove_code_source` already keeps them off the
  pages of both editions (the notebooks keep their code);
- drops "Appendix B: " from the titles of the appendices: LaTeX prints the letter in the heading
  and the contents (the web edition keeps it in the title, where the table numbers "B.1" need it);
- turns the introduction's sections into unnumbered headings (rubrics), so that the chapters keep
  the numbers they have in the HTML book (the root page's sections would otherwise become
  chapters 1 to 3).

For the HTML pages, two console errors that Jupyter Book 1's stock themes put on every page,
found by the real-browser check:

- the inline script of sphinx-thebe (`const THEBE_JS_URL = ...`) is emitted twice, and the second
  copy throws "Identifier 'THEBE_JS_URL' has already been declared". Inline scripts with the same
  body are emitted once (`dedupe_scripts`).
- pydata-sphinx-theme logs "Got invalid theme mode" on a reader's first visit: its page template
  reads a `default_mode` that nothing defines any more (it is not a theme option in 0.17). The page
  context gets "auto", the theme's own fallback.

For the notebooks' execution (`kernels_stop_at_once`): myst-nb runs each notebook through nbclient, which
stops its kernel "gracefully" by default, waiting for the kernel process to tear itself down (about 0.4 s
a notebook on 2 cores, 5 s of a clean build). Every output has been collected by then and nothing in a
notebook runs at exit (the disk cache writes during a cell), so the build stops kernels at once
(nbclient's own `shutdown_kernel = "immediate"` option, which myst-nb does not expose).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from types import SimpleNamespace

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
import pybtex.plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.template import join, year

from . import buildinfo
from .latex import escape as tex
from .latex import url as latex_url
from ..problems import escape as one_line

LOGGER = logging.getLogger(__name__)


def script_key(script) -> tuple:
    """What makes two script entries the same script: source file, or inline body, and attributes."""
    filename = getattr(script, "filename", script) or None  # inline scripts come as None or ""
    attributes = getattr(script, "attributes", {}) or {}
    return (filename, tuple(sorted((k, str(v)) for k, v in attributes.items())))


def dedupe_scripts(scripts: list) -> list:
    """`scripts` without repeats, first occurrence kept, order otherwise unchanged."""
    seen: set = set()
    kept = []
    for script in scripts:
        key = script_key(script)
        if key not in seen:
            seen.add(key)
            kept.append(script)
    return kept


def _page_context(app, pagename, templatename, context, doctree):
    if "script_files" in context:
        context["script_files"][:] = dedupe_scripts(context["script_files"])
    if not context.get("default_mode"):
        context["default_mode"] = "auto"


# The bibliography environment of the PDF: the bibliography page's own chapter heading is the only one
# (the list does not open an unnumbered chapter of its own, nor add a second line to the contents),
# and each entry hangs from its author-year label, however long the label.
LATEX_PREAMBLE = r"""
\makeatletter
\renewenvironment{sphinxthebibliography}[1]{\let\chapter\@gobbletwo\begin{thebibliography}{M}\raggedright}%
  {\end{thebibliography}}
\makeatother
"""


def footer_html(version: buildinfo.Version) -> str:
    """The stamp in every HTML page's footer."""
    if not version.date:
        return ('<p class="report-build-stamp">Built from an unversioned copy of the book '
                '(no git repository).</p>')
    return (f'<p class="report-build-stamp">Built from commit <code>{html.escape(version.commit)}</code> '
            f'of {html.escape(version.date)}.</p>')


def version_latex(version: buildinfo.Version) -> str:
    if not version.date:
        return r"Unversioned build (not built from a git repository)"
    return rf"Version \texttt{{{tex(version.commit)}}} of {tex(version.date)}"


def latex_title_page(cite: buildinfo.Citation, version: buildinfo.Version) -> str:
    """The PDF's title page and metadata (`latex_elements['maketitle']`): title, authors, version,
    repository when one is known, licence; title, authors, abstract and keywords as PDF metadata."""
    authors = ", ".join(cite.authors)
    meta = {"pdftitle": cite.title, "pdfauthor": authors, "pdfsubject": cite.abstract,
            "pdfkeywords": ", ".join(cite.keywords)}
    lines = [r"\date{" + tex(version.date or buildinfo.UNVERSIONED) + "}",
             r"\hypersetup{" + ", ".join(f"{k}={{{tex(v)}}}" for k, v in meta.items() if v) + "}",
             r"\begin{titlepage}", r"\centering", r"\vspace*{3cm}",
             r"{\sffamily\bfseries\Huge " + tex(cite.title) + r"\par}", r"\vspace{2cm}",
             r"{\Large " + tex(authors) + r"\par}", r"\vfill",
             r"{\large " + version_latex(version) + r"\par}"]
    if cite.repository:
        lines += [r"\medskip", r"Repository: " + latex_url(cite.repository) + r"\par"]
    if cite.license:
        name = tex(cite.license_name)
        if cite.license_name != cite.license:
            name += f" ({tex(cite.license)})"
        lines += [r"\medskip", r"{\small The book's own text is licensed under " + name
                  + (r": " + latex_url(cite.license_url) if cite.license_url else ".") + r"\par}"]
    lines += [r"\end{titlepage}"]
    return "\n".join(lines)


INTRODUCTION = "Introduction"  # the PDF's heading of the root page, whose web title is the book's


def front_matter_latex(title: str) -> str:
    """An unnumbered chapter heading with a line in the contents and in the running head."""
    t = tex(title)
    return (r"\clearpage\phantomsection\addcontentsline{toc}{chapter}{" + t + "}\n"
            r"\chapter*{" + t + "}\\markboth{" + t + "}{" + t + "}\n")


def toc_roles(env, root_doc: str) -> tuple[str | None, set[str]]:
    """From the root document's toctrees: the first document of the appendices (the first document of
    an unnumbered toctree after a numbered one, the bibliography aside) and the documents that hold a
    bibliography (sphinxcontrib-bibtex), which are back matter."""
    try:
        back = {key.docname for key in env.get_domain("cite").bibliographies}
    except Exception:  # noqa: BLE001 - no bibliography extension: no back matter
        back = set()
    numbered_seen, appendix = False, None
    front, first_numbered = set(), None
    for toctree in env.get_doctree(root_doc).findall(addnodes.toctree):
        docs = [ref for _, ref in toctree["entries"] if ref in env.all_docs]
        if toctree.get("numbered"):
            if not numbered_seen:
                first_numbered = docs[0] if docs else None
            numbered_seen = True
        elif numbered_seen and appendix is None:
            appendix = next((d for d in docs if d not in back), None)
        elif not numbered_seen:
            front |= set(docs)  # unnumbered pages before the chapters (the key judgments): front matter
    FRONT[root_doc] = (front, first_numbered)
    return appendix, back


# "Appendix B: The source texts": the web edition names the letter in the title; LaTeX prints it
# in the chapter heading ("Appendix B") and the contents, so the title keeps only the rest
APPENDIX_TITLE = re.compile(r"Appendix(?: [A-Z])?: (?P<rest>.+)", re.S)

# per root document: (the front-matter documents, the first numbered document), set by toc_roles
FRONT: dict[str, tuple[set[str], str | None]] = {}


def latex_tree(doctree: nodes.document, root_doc: str, appendix: str | None = None,
               back_matter: set[str] | frozenset = frozenset()) -> None:
    """Prepare the assembled LaTeX doctree (see the module docstring); changes it in place."""
    for node in list(doctree.findall(nodes.container)):
        if "cell_input" in node["classes"]:
            node.parent.remove(node)
    front, first_numbered = FRONT.get(root_doc, (set(), None))
    for start in list(doctree.findall(addnodes.start_of_file)):
        latex = (r"\appendix" if start["docname"] == appendix else
                 r"\setcounter{secnumdepth}{-1}" if start["docname"] in back_matter | front else
                 r"\setcounter{secnumdepth}{2}" if front and start["docname"] == first_numbered else None)
        if latex:
            start.parent.insert(start.parent.index(start), nodes.raw("", latex + "\n", format="latex"))
    for title in list(doctree.findall(nodes.title)):
        match = APPENDIX_TITLE.match(title.astext())
        if match and isinstance(title.parent, nodes.section):
            title.replace_self(nodes.title(match["rest"], match["rest"]))
    top = next((n for n in doctree.children if isinstance(n, nodes.section)), None)
    if top is None:
        return
    for section in [c for c in top.children if isinstance(c, nodes.section)]:
        title = section[0]
        rubric = nodes.rubric(title.rawsource, "", *title.children, ids=section["ids"], names=section["names"])
        section.replace_self([rubric, *section.children[1:]])
    if isinstance(top[0], nodes.title):
        # the book's title is on the title page: the root page opens the book as its introduction
        top.insert(1, nodes.raw("", front_matter_latex(INTRODUCTION), format="latex"))


class book_citation(nodes.General, nodes.Element):
    """Where the book's citation goes (`kind`: bibtex or reference); filled in when the page is written."""


class BookCitation(SphinxDirective):
    """`{book-citation} bibtex` or `{book-citation} reference`: the book's citation, version included."""

    required_arguments = 1

    def run(self):
        kind = directives.choice(self.arguments[0], ("bibtex", "reference"))
        return [book_citation("", kind=kind)]


# what `python -m report cite-changes` writes (relative to the book's root) and the cite page reads
CHANGES_FILE = "_build/cite-changes.json"
FIRST_VERSION = "This is the first version of the book: there is no earlier tagged version to compare it with."
# the change lines of `report.changes.compare`, grouped by what they are about: (prefix, heading, prefix shown)
CHANGE_GROUPS = (("key judgment ", "Key judgments", False), ("key figure ", "Key figures", False),
                 ("", "Evidence rows (statements and claims), by source", True))


def _text_paragraph(text: str, classes: tuple[str, ...] = ()) -> nodes.paragraph:
    text = one_line(text)
    return nodes.paragraph(text, text, classes=list(classes))


def changes_problem(tag: buildinfo.Tag | None, data: dict | None) -> str | None:
    """Why the changes read (`data`, from CHANGES_FILE) are not those of the previous tagged version `tag`
    (not computed, or computed for another version), or None."""
    if tag is None:
        return None
    if not isinstance(data, dict):
        return f"the changes since {tag.name} have not been computed: run `make book` (python -m report cite-changes)"
    if data.get("tag") != tag.name or data.get("commit") != tag.commit:
        return (f"the changes in {CHANGES_FILE} are those since {data.get('tag')!r}, not since {tag.name!r}: "
                "run `make book` (python -m report cite-changes)")
    return None


def changes_nodes(tag: buildinfo.Tag | None, data: dict | None) -> list[nodes.Node]:
    """The cite page's list of changes since the previous tagged version `tag` (None: there is none), from
    `data` as `report.changes.since_previous_tag` gives it: grouped (key judgments, key figures, evidence rows),
    one item per change, every text set as plain text on one line."""
    if tag is None:
        return [_text_paragraph(FIRST_VERSION, ("report-changes",))]
    version = f"version {tag.name} (commit {tag.commit} of {tag.date})"
    if changes_problem(tag, data):
        return [_text_paragraph(f"The changes since {version} were not computed for this build.", ("report-changes",))]
    if data.get("error"):
        return [_text_paragraph(f"The changes since {version} could not be computed: {data['error']}.",
                                ("report-changes",))]
    lines = [str(line) for line in data.get("lines") or []]
    if not lines:
        return [_text_paragraph(f"Nothing the book says has changed since {version}.", ("report-changes",))]
    out: list[nodes.Node] = [_text_paragraph(
        f"What this version says differently from {version}, read from the sources and codings added or "
        "revised since:", ("report-changes",))]
    left = lines
    for prefix, heading, keep in CHANGE_GROUPS:
        mine = [line for line in left if line.startswith(prefix)]
        left = [line for line in left if not line.startswith(prefix)]
        if not mine:
            continue
        out.append(nodes.paragraph("", "", nodes.strong(heading, heading), classes=["report-changes-group"]))
        items = [nodes.list_item("", _text_paragraph(line if keep else line[len(prefix):])) for line in mine]
        out.append(nodes.bullet_list("", *items, bullet="-", classes=["report-changes"]))
    return out


def _tag_key(tag: buildinfo.Tag | None) -> str:
    return tag.key() if tag else ""


class ChangesSinceTag(SphinxDirective):
    """`{changes-since-tag}`: what changed since the previous tagged version (see the module docstring)."""

    def run(self):
        app = self.env.app
        tag = getattr(app, "report_previous_tag", None)
        if not hasattr(self.env, "report_changes"):
            self.env.report_changes = {}
        self.env.report_changes[self.env.docname] = _tag_key(tag)
        data = None
        if tag is not None:
            path = Path(app.srcdir) / CHANGES_FILE
            self.env.note_dependency(str(path))  # a new list (make book) reads the page again
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError):
                data = None
            problem = changes_problem(tag, data)
            if problem:
                LOGGER.warning(problem, location=(self.env.docname, self.lineno))
        return changes_nodes(tag, data)


def _env_get_outdated(app, env, added, changed, removed):
    """The pages of `changes-since-tag` read with another previous tagged version than this build's."""
    now = _tag_key(getattr(app, "report_previous_tag", None))
    return [doc for doc, key in getattr(env, "report_changes", {}).items() if key != now and doc not in removed]


def _env_purge_doc(app, env, docname):
    getattr(env, "report_changes", {}).pop(docname, None)


def _env_merge_info(app, env, docnames, other):
    if not hasattr(env, "report_changes"):
        env.report_changes = {}
    env.report_changes.update({d: k for d, k in getattr(other, "report_changes", {}).items() if d in docnames})


def bibtex_latex(text: str) -> str:
    """BibTeX as plain black typewriter text, one paragraph a line, a long line wrapping with a hanging
    indent and no continuation marks, so that it copies out of the PDF as it reads."""
    lines = [r"\noindent\hangindent=4em\hangafter=1 " + tex(line).replace(" ", r"\ ") + r"\par"
             for line in text.splitlines()]
    return ("\\begin{flushleft}\\ttfamily\\small\\setlength{\\parskip}{0pt}\n" + "\n".join(lines)
            + "\n\\end{flushleft}\n")


def citation_nodes(kind: str, cite: buildinfo.Citation, version: buildinfo.Version, latex: bool) -> list:
    if kind == "bibtex":
        text = buildinfo.bibtex(cite, version)
        if latex:
            return [nodes.raw("", bibtex_latex(text), format="latex")]
        return [nodes.literal_block(text, text, language="bibtex")]
    before, title, after = buildinfo.reference_parts(cite, version)
    return [nodes.paragraph("", "", nodes.Text(before), nodes.emphasis(title, title), nodes.Text(after),
                            classes=["report-book-reference"])]


def _doctree_resolved(app, doctree, docname):
    latex = app.builder.format == "latex"
    for node in list(doctree.findall(book_citation)):
        node.replace_self(citation_nodes(node["kind"], app.report_citation, app.report_version, latex))
    if latex and docname == app.config.root_doc:
        appendix, back = toc_roles(app.env, docname)
        latex_tree(doctree, docname, appendix, back)


def _config_inited(app, config):
    root = Path(app.srcdir)
    app.report_version = buildinfo.version(root)
    app.report_citation = buildinfo.citation(root, title=config.project, author=config.author)
    app.report_previous_tag = buildinfo.previous_tag(root)
    config.html_theme_options = {**(config.html_theme_options or {}), "extra_footer": footer_html(app.report_version)}
    elements = dict(config.latex_elements or {})
    elements["maketitle"] = latex_title_page(app.report_citation, app.report_version)
    elements["preamble"] = elements.get("preamble", "") + LATEX_PREAMBLE
    config.latex_elements = elements


def _skip(self, node):
    raise nodes.SkipNode


class AuthorYearLabels(BaseLabelStyle):
    """Bibliography labels that read like the text's author-year citations (sphinxcontrib-bibtex's
    `author_year` reference style): `Mamedov, 2024`."""

    def format_labels(self, sorted_entries):
        person = PersonStyle()
        template = join(sep=", ")[person.author_or_editor_or_title(full=False), year]
        for entry in sorted_entries:
            yield template.format_data({"entry": entry, "style": SimpleNamespace(person=person)}).render_as("text")


class AuthorYearStyle(PlainStyle):
    """pybtex's `plain` entries (sorted by author, year, title) with author-year labels."""

    default_label_style = "authoryear"


def kernels_stop_at_once() -> None:
    """nbclient's `NotebookClient.shutdown_kernel` defaults to "immediate" in this process (see the module's
    docstring): myst-nb and jupyter-cache create their clients without passing the option."""
    from nbclient import NotebookClient

    NotebookClient.class_traits()["shutdown_kernel"].default_value = "immediate"


def setup(app):
    kernels_stop_at_once()
    pybtex.plugin.register_plugin("pybtex.style.labels", "authoryear", AuthorYearLabels)
    pybtex.plugin.register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)
    app.add_node(book_citation, **{f: (_skip, None) for f in ("html", "latex", "text", "man", "texinfo")})
    app.add_directive("book-citation", BookCitation)
    app.add_directive("changes-since-tag", ChangesSinceTag)
    app.connect("env-get-outdated", _env_get_outdated)
    app.connect("env-purge-doc", _env_purge_doc)
    app.connect("env-merge-info", _env_merge_info)
    app.connect("config-inited", _config_inited)
    app.connect("doctree-resolved", _doctree_resolved)
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
