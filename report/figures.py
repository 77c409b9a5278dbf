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

# Okabe-Ito: distinguishable with the common colour-vision deficiencies
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
FIGSIZE = (7.0, 3.6)
DPI = 110


def use_house_style() -> None:
    """Fixed figure size, dpi and fonts, and table display options, identical on every run."""
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_rows", 200)
    mpl.rcParams.update({
        "figure.figsize": FIGSIZE, "figure.dpi": DPI, "savefig.dpi": DPI,
        "font.family": "DejaVu Sans", "font.size": 10, "axes.titlesize": 10,
        "axes.spines.top": False, "axes.spines.right": False,
        "axes.prop_cycle": mpl.cycler(color=PALETTE), "svg.hashsalt": "report",
    })
    _show_figures_as_png()


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

    `sizes` is tables.source_sizes(); sources are drawn oldest at the top.
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


def theme_coverage(coverage: pd.DataFrame, labels: dict[str, str] | None = None) -> Figure:
    """A grid of sources (rows) by themes (columns), shaded and labelled with the share of body
    sentences coded with the theme. `coverage` is tables.theme_coverage()."""
    labels = labels or {}
    fig = Figure(layout="tight")
    ax = fig.subplots()
    ax.imshow(coverage.to_numpy(), cmap="cividis", vmin=0, vmax=max(1.0, float(coverage.to_numpy().max())),
              aspect="auto")
    ax.set_xticks(range(coverage.shape[1]), [textwrap.fill(labels.get(c, c), 13) for c in coverage.columns])
    ax.set_yticks(range(coverage.shape[0]), list(coverage.index))
    top = float(coverage.to_numpy().max())
    for (i, j), value in pd.DataFrame(coverage.to_numpy()).stack().items():
        ax.text(j, i, f"{value:.0f}%", ha="center", va="center", color="black" if value > top * 0.6 else "white")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig
