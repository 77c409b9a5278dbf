"""A Sphinx extension (`sphinx: extra_extensions` in `_config.yml`).

For the PDF (LaTeX builder only), `latex_tree`:

- drops code-cell sources: the PDF is read as a report, and the HTML pages show the code;
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
"""

from __future__ import annotations

from docutils import nodes


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


def latex_tree(doctree: nodes.document, root_doc: str) -> None:
    """Prepare the assembled LaTeX doctree (see the module docstring); changes it in place."""
    for node in list(doctree.findall(nodes.container)):
        if "cell_input" in node["classes"]:
            node.parent.remove(node)
    top = next((n for n in doctree.children if isinstance(n, nodes.section)), None)
    if top is None:
        return
    for section in [c for c in top.children if isinstance(c, nodes.section)]:
        title = section[0]
        rubric = nodes.rubric(title.rawsource, "", *title.children, ids=section["ids"], names=section["names"])
        section.replace_self([rubric, *section.children[1:]])


def _doctree_resolved(app, doctree, docname):
    if app.builder.format == "latex" and docname == app.config.root_doc:
        latex_tree(doctree, docname)


def setup(app):
    app.connect("doctree-resolved", _doctree_resolved)
    app.connect("html-page-context", _page_context, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
