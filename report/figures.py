"""The book's figures: house style and one function per figure, each returning the Figure.

Captions and labels live in the notebook cell metadata, not in the plot. Figures are
built as `matplotlib.figure.Figure` objects outside pyplot's registry, so a notebook
shows each one exactly once: as the cell's result.
"""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from .publish import numbering

# Okabe-Ito: distinguishable with the common colour-vision deficiencies
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
FIGSIZE = (7.0, 3.6)
DPI = 110


def use_house_style(page: str) -> None:
    """Fixed figure size, dpi and fonts, and table display options, identical on every run; the tables
    `page` (the notebook's name, e.g. "03_security") shows from now on are numbered as the book numbers
    them (`publish.numbering`)."""
    numbering.start(page)
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.html.use_mathjax", False)  # tables may hold source text: never typeset "$$" in it
    mpl.rcParams.update({
        "figure.figsize": FIGSIZE, "figure.dpi": DPI, "savefig.dpi": DPI,
        "font.family": "DejaVu Sans", "font.size": 10, "axes.titlesize": 10,
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.prop_cycle": mpl.cycler(color=PALETTE), "svg.hashsalt": "report",
    })
    _show_figures_as_png()
    numbering.register_dataframe_formatter()  # tables in the PDF


def _show_figures_as_png() -> None:
    """In a Jupyter kernel, display a returned Figure as one PNG (no-op elsewhere)."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is not None:
        set_matplotlib_formats("png", bbox_inches="tight")


def source_composition(sizes: pd.DataFrame) -> Figure:
    """Horizontal bars per source: body words (left panel), body and boilerplate paragraphs (right).

    `sizes` is tables.sources.source_sizes(); sources are drawn oldest at the top.
    """
    df = sizes.iloc[::-1]
    labels = [f"{sid} ({pub})" for sid, pub in zip(df.index, df["published"])]
    fig = Figure(layout="tight")
    ax_w, ax_p = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [3, 2]})
    ax_w.barh(labels, df["words"], color=PALETTE[0])
    ax_w.set_xlabel("words in the body")
    body = df["paragraphs"] - df["boilerplate_paragraphs"]
    ax_p.barh(labels, body, color=PALETTE[0], label="body")
    ax_p.barh(labels, df["boilerplate_paragraphs"], left=body, color=PALETTE[1], label="boilerplate")
    ax_p.set_xlabel("paragraphs")
    ax_p.legend(frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2)
    return fig


def heatmap(frame: pd.DataFrame, fmt: str = "{:.0f}", xlabels: list[str] | None = None, wrap: int = 13,
            size: tuple[float, float] | None = None, scale: str = "") -> Figure:
    """A labelled grid: rows and columns of `frame`, each cell shaded (cividis) and printed with `fmt`,
    with a colour bar naming what the shade measures (`scale`)."""
    fig = Figure(figsize=size or FIGSIZE, layout="tight")
    ax = fig.subplots()
    values = frame.to_numpy(dtype=float)
    top = max(1.0, float(pd.Series(values.ravel()).max())) if values.size else 1.0
    image = ax.imshow(values, cmap="cividis", vmin=0, vmax=top, aspect="auto")
    bar = fig.colorbar(image, ax=ax, fraction=0.035, pad=0.02)
    bar.set_label(scale, fontsize=8)
    bar.ax.tick_params(labelsize=8, length=2)
    bar.outline.set_visible(False)
    names = [str(c) for c in (xlabels or frame.columns)]
    if frame.shape[1] > 6:  # many columns: slanted, unwrapped labels
        ax.set_xticks(range(frame.shape[1]), names, rotation=40, ha="right", rotation_mode="anchor")
    else:
        ax.set_xticks(range(frame.shape[1]), [textwrap.fill(n, wrap) for n in names])
    ax.set_yticks(range(frame.shape[0]), [str(i) for i in frame.index])
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            ax.text(j, i, fmt.format(values[i, j]), ha="center", va="center", fontsize=9,
                    color="black" if values[i, j] > top * 0.6 else "white")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def theme_coverage(coverage: pd.DataFrame, labels: dict[str, str] | None = None) -> Figure:
    """Sources (rows) by themes (columns), shaded and labelled with the share of body sentences coded
    with the theme. `coverage` is tables.sources.theme_coverage()."""
    labels = labels or {}
    return heatmap(coverage, "{:.0f}%", [labels.get(c, c) for c in coverage.columns],
                   scale="share of body sentences (%)")


def _year_of(iso: str) -> float:
    parts = [int(p) for p in iso.split("-")]
    return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0) + ((parts[2] - 1) / 365 if len(parts) > 2 else 0)


def event_timeline(events: pd.DataFrame) -> Figure:
    """Events (a frame of date, event and sources, such as report.analysis.timeline.dated_acts) on a narrow
    time axis at the left, one row each (a hollow marker where `derivative_only` says that only a derivative
    source gives it), with the date and the event written in a column to its right so
    that no label collides with another or with the axis. The axis runs from the first event's year to the
    end of the last event's year."""
    n = max(len(events), 1)
    fig = Figure(figsize=(FIGSIZE[0], 0.9 + 0.32 * n))
    fig.subplots_adjust(left=0.03, right=0.24, top=1 - 0.3 / (0.9 + 0.32 * n), bottom=0.6 / (0.9 + 0.32 * n))
    ax = fig.subplots()
    if events.empty:
        ax.set_axis_off()
        return fig
    xs = [_year_of(d) for d in events.date]
    lo, hi = int(min(xs)), int(max(xs)) + 1
    for row, (x, r) in enumerate(zip(xs, events.itertuples())):
        y = n - row
        ax.plot([lo, hi], [y, y], color="#eeeeee", linewidth=0.8, zorder=0)
        color = PALETTE[0] if r.sources > 1 else PALETTE[4]
        hollow = bool(getattr(r, "derivative_only", False))  # only a derivative source gives it
        ax.plot([x], [y], "o", color=color, markerfacecolor="white" if hollow else color, markersize=5)
        ax.annotate(f"{r.date}  {r.event}", (hi, y), textcoords="offset points", xytext=(8, 0), ha="left",
                    va="center", fontsize=8, annotation_clip=False)
    ax.set_xlim(lo - 0.25, hi)
    ax.set_ylim(0.4, n + 0.6)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_xlabel("year (dark: two or more sources; hollow: derivative only)", fontsize=8)
    return fig


