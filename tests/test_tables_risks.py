"""report/tables/risks.py (chapter 6) on the seeds' reviewed codings."""

from report import load_corpus
from report.tables import risks


def test_risks_are_weighed_by_who_still_names_them():
    """On the seeds (read by hand): the Monitor (B) names terrorism spilling over only as "a potential obstacle to
    Russian recognition" (¶22), a step since taken, so that risk is still named only by Odri Media and Stratheia
    (derivative, D at best); an unreliable Taliban (the Conversation, ¶22) and the reputational cost (the
    Monitor, ¶16) still have a source graded B behind them."""
    seeds = load_corpus()
    w = risks.weighed(seeds)
    assert list(w.columns) == ["sources", "sentences", "still open", "independent", "best grade"]
    assert w.loc["terrorism and instability spilling over"].tolist() == [3, 4, 2, 0, "D"]
    apart = risks.graded_apart(seeds)
    assert apart["reliable"] == ["unreliable Taliban", "reputational cost"] and apart["grade"] == "B"
    assert apart["overtaken_reliable"]["terrorism and instability spilling over"] == ["csm-2024-06-13"]
    assert "terrorism and instability spilling over" in apart["derivative_only"]


def test_the_briefs_thin_returns_on_the_seeds():
    """OSW ¶8 (read by hand): aid reached about 50,000 people of over 20 million in need; about 100 Afghans are
    employed in Russia; OSW names no economic disappointment as a risk."""
    t = risks.thin_returns(load_corpus())
    assert t["failures"] == [] and t["brief"] == "OSW Centre for Eastern Studies"
    assert t["figures"] == {"aid": "approximately 50,000 people", "need": "over 20 million", "workers": "around 100 Afghans"}


def test_thin_returns_fail_where_the_brief_gives_no_figure():
    from pathlib import Path
    t = risks.thin_returns(load_corpus(Path(__file__).parent / "fixtures" / "reading"))
    assert len(t["failures"]) >= 3
