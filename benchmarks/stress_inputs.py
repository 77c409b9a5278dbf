"""Cost on large and pathological inputs: linear in the number of paragraphs and in a paragraph's length.

Builds three articles just under the 2 MB file limit and times `check` (validation and parsing) and
extraction of each, in one process: one paragraph of 1.9 MB; 100,000 short lines; a paragraph with
20,000 quotation marks. Also runs each at a tenth of the size, so the ratio shows whether the cost
grows linearly (about 10) or faster. Usage: python benchmarks/stress_inputs.py [--scale 1.0]
Every case shrinks with --scale, its quotation marks included, so a smaller scale keeps each case's
make-up. Smallest size: --smallest is --scale 0.005 (9,500 bytes; a few seconds;
tests/test_benchmarks.py runs it).
"""

from __future__ import annotations

import argparse
import platform
import resource
import tempfile
import time
from pathlib import Path

from report.corpus import parse_corpus
from report.extract import evidence

SENTENCE = ("On 3 July 2025 Russia recognised the Taliban government, and Lavrov said: \"We deal with "
            "reality.\" Trade reached $300 million. ")
MANIFEST = ("- id: stress\n  file: stress.txt\n  title: Stress\n  outlet: Bench\n  author: null\n"
            "  published: 2025-07-15\n  url: null\n  kind: news\n")
SMALLEST_SCALE = 0.005


def one_paragraph(size: int) -> str:
    return (SENTENCE * (size // len(SENTENCE) + 1))[:size].rsplit(" ", 1)[0] + "\n"


def short_lines(size: int) -> str:
    line = "Russia and the Taliban talk.\n"
    return line * (size // len(line))


def quotation_marks(size: int, marks: int) -> str:
    quote = '"Yes," he said. '
    body = quote * marks
    filler = "Russia and the Taliban talk about trade and transit. "
    return (body + filler * max(0, (size - len(body)) // len(filler)))[:size].rsplit(" ", 1)[0] + "\n"


def measure(text: str) -> tuple[float, float, int]:
    """(seconds to validate and parse, seconds to extract, evidence rows) of a one-article corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "stress.txt").write_text(text, encoding="utf-8")
        (folder / "sources.yml").write_text(MANIFEST, encoding="utf-8")
        start = time.perf_counter()
        corpus = parse_corpus(folder)
        parsed = time.perf_counter() - start
        start = time.perf_counter()
        tables = evidence(corpus)
        return parsed, time.perf_counter() - start, sum(len(t) for t in tables.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (1.0 = 1.9 MB)")
    parser.add_argument("--smallest", action="store_true", help=f"--scale {SMALLEST_SCALE}")
    args = parser.parse_args()
    scale = SMALLEST_SCALE if args.smallest else args.scale
    size = int(1_900_000 * scale)
    # the quotation marks scale with the text: at --scale 1.0, 20,000 in the full size
    cases = {"one paragraph": lambda s: one_paragraph(s), "100,000 short lines": lambda s: short_lines(s),
             "20,000 quotation marks": lambda s: quotation_marks(s, int(20_000 * scale * s / size))}
    measure(one_paragraph(2000))  # warm-up: pipelines and indexes built once
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"{'case':<24} {'size':>10} {'parse s':>8} {'extract s':>10} {'rows':>8} {'ratio':>6}")
    for name, build in cases.items():
        times = []
        for s in (size // 10, size):
            text = build(s)
            parse_s, extract_s, rows = measure(text)
            times.append(parse_s + extract_s)
            ratio = f"{times[-1] / times[0]:.1f}" if len(times) == 2 else ""
            print(f"{name:<24} {len(text.encode()):>10,} {parse_s:>8.2f} {extract_s:>10.2f} {rows:>8,} {ratio:>6}",
                  flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
