"""The book's evidence and what is computed from it, below any page: frames in, frames out (no
display objects, captions or prose).

- `door`: the one door to the evidence, `evidence(corpus)` (the extraction, or the hand annotation
  under the documented switch), and the corpus look-ups every module shares;
- `profiles` (grades, independence) and `sources` (corroboration, disputed dates per source);
- `statements` (who does what), `claims` (motives and risks), `numbers` (the hard numbers);
- `timeline` (dated events, date disputes, the adopted date, the path to recognition);
- `judgments` (selectors, checks with a public `check`, confidence, the key judgments).
"""

from . import claims, criticism, disputes, door, judgments, numbers, profiles, sources, statements, timeline
from .door import evidence, using_evidence

__all__ = ["claims", "criticism", "disputes", "door", "evidence", "judgments", "numbers", "profiles", "sources", "statements", "timeline",
           "using_evidence"]
