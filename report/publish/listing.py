"""Code-like values shown as a listing, not a table: a name, then its value in a typewriter font that may
break anywhere (a regular expression has no word to keep whole). Both editions; everything escaped."""

from __future__ import annotations

import html

from . import latex


class Listing:
    """`items` is a list of (name, value) pairs: each name in bold, its value in code below it."""

    def __init__(self, items: list[tuple[str, str]]):
        self.items = list(items)

    def _repr_html_(self) -> str:
        rows = "".join(f"<dt>{html.escape(name)}</dt><dd><code>{html.escape(value)}</code></dd>"
                       for name, value in self.items)
        return f'<dl class="report-listing tex2jax_ignore mathjax_ignore">{rows}</dl>'

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        # \texttt cannot hyphenate: every character of the value is a place where the line may break
        def breakable(value: str) -> str:
            return r"\allowbreak{}".join(latex.escape(ch) for ch in value)

        rows = "\n".join(f"\\item[{latex.escape(name)}] \\texttt{{{breakable(value)}}}" for name, value in self.items)
        return {"text/html": self._repr_html_(),
                latex.LATEX_MIME: f"{{\\small\\begin{{description}}\n{rows}\n\\end{{description}}}}\n"}

    def __repr__(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.items)
