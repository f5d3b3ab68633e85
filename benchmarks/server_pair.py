"""A warm edit's check CPU, two checkouts in turn (not a test: run it by hand, see benchmarks/README.md).

    python benchmarks/server_pair.py /path/to/other/checkout           # 100 edits
    python benchmarks/server_pair.py /path/to/other/checkout --edits 60

Two worker processes, this checkout's medlint and the other's (each with its own
``PYTHONPATH``), hold the seed article as the server does (``buffers.ParsedRecords``)
and are fed the same whole-file edits of its largest section (``server_bench.variants``),
one edit to each in turn, which goes first alternating. Each answers the CPU time of
its ``check_buffers`` (``time.process_time``) and its count of findings, which must agree.
The figure is the median of the per-edit ratios (this checkout / the other): both
readings of a pair are taken within a moment of each other, so a loaded machine moves
them alike. Fifteen edits warm both first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WARM = 15


def worker() -> int:
    """Read edit numbers on stdin; answer "<cpu ms> <findings>" for each."""
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    import server_bench as sb
    from medlint import buffers
    from medlint.server import Settings, check_options

    with tempfile.TemporaryDirectory(prefix="medlint-pair-") as work:
        folder = shutil.copytree(sb.SEED, os.path.join(work, os.path.basename(sb.SEED)))
        name = sb.largest_section(folder)
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            texts = sb.variants(fh.read(), int(sys.argv[2]))
        options = check_options(folder, Settings(today=sb.TODAY))
        records = buffers.ParsedRecords()
        for line in sys.stdin:
            c0 = time.process_time()
            result = buffers.check_buffers(folder, {name: texts[int(line)].encode("utf-8")}, options, records,
                                           with_info=False)
            print(f"{(time.process_time() - c0) * 1000:.3f} {len(result.findings)}", flush=True)
    return 0


def start(checkout: str, count: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=checkout)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as an installed copy runs
    return subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", str(count)], cwd=checkout,
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def ask(proc: subprocess.Popen, i: int) -> tuple[float, int]:
    proc.stdin.write(f"{i}\n")
    proc.stdin.flush()
    ms, count = proc.stdout.readline().split()
    return float(ms), int(count)


def main() -> int:
    if sys.argv[1:2] == ["--worker"]:
        return worker()
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("other", help="the other checkout (a folder holding medlint/, checks/, content/)")
    p.add_argument("--edits", type=int, default=100)
    args = p.parse_args()
    count = WARM + args.edits
    here, other = start(ROOT, count), start(os.path.abspath(args.other), count)
    try:
        for i in range(WARM):
            ask(here, i)
            ask(other, i)
        mine, theirs, ratios = [], [], []
        for i in range(WARM, count):
            order = (here, other) if i % 2 else (other, here)
            answers = {proc: ask(proc, i) for proc in order}
            (a, found_a), (b, found_b) = answers[here], answers[other]
            if found_a != found_b:
                print(f"edit {i}: {found_a} findings here, {found_b} there", file=sys.stderr)
            mine.append(a)
            theirs.append(b)
            ratios.append(a / b)
    finally:
        for proc in (here, other):
            proc.stdin.close()
            proc.wait()
    deciles = statistics.quantiles(ratios, n=10)
    print(f"{args.edits} edits: this checkout {statistics.median(mine):.1f} ms of CPU an edit (median), the other "
          f"{statistics.median(theirs):.1f} ms; ratio median {statistics.median(ratios):.3f} (p10 {deciles[0]:.3f}, "
          f"p90 {deciles[-1]:.3f}); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
