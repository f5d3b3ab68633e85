"""`medlint server` benchmark (not a test: run it by hand, see benchmarks/README.md).

    python benchmarks/server_bench.py                  # 50 timed edits, 1,000 for memory
    python benchmarks/server_bench.py --edits 50 --memory-edits 1000 --json out.json

A warm server (``python -m medlint server``, started over stdio by pygls's own
client) has the seed's largest section file of ``content/`` open, in a copy of
the seed article in a temporary folder, with the debounce set to 0. Each edit is
a whole-document ``didChange`` that changes one dose amount (a different number
each time, so no result is reused); the figure is the time from sending it to
receiving the ``publishDiagnostics`` of that version: the median of ``--edits``
edits is the target (at most 50 ms). Memory: the server's resident set size
(``VmRSS`` of /proc/<pid>/status) after every 100 of ``--memory-edits`` edits.
``in_process_check_median_ms`` is :func:`medlint.buffers.check_buffers` alone on the
same edits in this process: the check, without the protocol around it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "content", "lumbar-disc-sequestration-l3-l4")
TODAY = "2026-11-25"


def largest_section(folder: str) -> str:
    names = [n for n in os.listdir(folder) if re.match(r"^\d{3,}-", n)]
    return max(names, key=lambda n: (os.path.getsize(os.path.join(folder, n)), n))


def variants(text: str, n: int) -> list[str]:
    """``n`` versions of ``text``, the k-th with one dose amount changed to a number of its own."""
    amounts = [m for m in re.finditer(r"(?<![\d.])\d{2,4}(?= ?mg\b)", text)]
    out = []
    for k in range(n):
        m = amounts[k % len(amounts)]
        value = str(100 + k % 9000)
        out.append(text[:m.start()] + value + text[m.end():])
    return out


def cpu_s(pid: int) -> float:
    """User + system CPU seconds the process has used (/proc/<pid>/stat)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Bench:
    """A pygls client with the server's publishes as futures, keyed by document version."""

    def __init__(self, profile: str | None = None) -> None:
        from lsprotocol import types as lsp
        from pygls.lsp.client import LanguageClient

        self.lsp = lsp
        self.client = LanguageClient("medlint-bench", "1")
        self.waiting: dict[int, asyncio.Future] = {}
        self.counts: list[int] = []
        self.profile = profile

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params):
            future = self.waiting.pop(params.version, None)
            if future is not None and not future.done():
                future.set_result((time.perf_counter(), len(params.diagnostics)))

    async def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        profiler = ["-m", "cProfile", "-o", self.profile] if self.profile else []
        await self.client.start_io(sys.executable, *profiler, "-m", "medlint", "server", env=env)
        await self.client.initialize_async(self.lsp.InitializeParams(
            capabilities=self.lsp.ClientCapabilities(), initialization_options={"today": TODAY, "debounce": 0}))
        self.client.initialized(self.lsp.InitializedParams())

    @property
    def pid(self) -> int:
        return self.client._server.pid

    async def send(self, send, version: int) -> float:
        """Seconds from ``send()`` to the diagnostics of ``version``."""
        future = self.waiting[version] = asyncio.get_running_loop().create_future()
        t0 = time.perf_counter()
        send()
        t1, count = await asyncio.wait_for(future, 30)
        self.counts.append(count)
        return t1 - t0

    def open(self, uri: str, text: str) -> float:
        item = self.lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        return self.send(lambda: self.client.text_document_did_open(self.lsp.DidOpenTextDocumentParams(item)), 1)

    def change(self, uri: str, version: int, text: str):
        params = self.lsp.DidChangeTextDocumentParams(
            self.lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [self.lsp.TextDocumentContentChangeWholeDocument(text=text)])
        return self.send(lambda: self.client.text_document_did_change(params), version)

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def measure(edits: int, memory_edits: int, work: str, profile: str | None = None) -> dict:
    from pygls.uris import from_fs_path

    folder = shutil.copytree(SEED, os.path.join(work, os.path.basename(SEED)))
    name = largest_section(folder)
    path = os.path.join(folder, name)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    uri = from_fs_path(path)
    bench = Bench(profile)
    t0 = time.perf_counter()
    await bench.start()
    start_s = time.perf_counter() - t0
    first = await bench.open(uri, text)
    warm = [await bench.change(uri, 2 + i, t) for i, t in enumerate(variants(text, 10))]  # warm-up, not counted
    version = 2 + len(warm)
    times = []
    cpu0 = cpu_s(bench.pid)
    for t in variants(text, edits + 10)[10:]:
        times.append(await bench.change(uri, version, t))
        version += 1
    cpu_ms = (cpu_s(bench.pid) - cpu0) * 1000 / max(1, edits)
    rss = [rss_kib(bench.pid)]
    for i, t in enumerate(variants(text, memory_edits)):
        await bench.change(uri, version, t + f"# {i}\n")
        version += 1
        if (i + 1) % 100 == 0:
            rss.append(rss_kib(bench.pid))
    await bench.stop()
    ms = sorted(x * 1000 for x in times)
    return {
        "file": f"content/{os.path.basename(SEED)}/{name}", "bytes": os.path.getsize(path),
        "server_start_s": round(start_s, 3), "first_check_ms": round(first * 1000, 1),
        "edits": edits, "median_ms": round(statistics.median(ms), 1), "p90_ms": round(ms[int(0.9 * (len(ms) - 1))], 1),
        "min_ms": round(ms[0], 1), "max_ms": round(ms[-1], 1),
        "server_cpu_ms_per_edit": round(cpu_ms, 1),  # the server's user + system time over the timed edits
        "diagnostics_per_publish": sorted(set(bench.counts)),
        "memory_edits": memory_edits, "rss_kib_every_100": rss,
        "rss_growth_kib": rss[-1] - rss[1] if len(rss) > 1 else 0,
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores",
        "load_average_1min": round(os.getloadavg()[0], 2),  # other work on the machine inflates every figure
    }


def in_process(edits: int) -> tuple[float, float]:
    """Median wall and CPU ms of medlint.buffers.check_buffers alone on the same edits, with
    kept records as the server has them (the check without the protocol)."""
    import datetime

    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    from medlint.buffers import ParsedRecords, check_buffers
    from medlint.engine import Options

    options = Options(today=datetime.date.fromisoformat(TODAY))
    name = largest_section(SEED)
    with open(os.path.join(SEED, name), encoding="utf-8") as fh:
        texts = [t.encode("utf-8") for t in variants(fh.read(), edits + 10)]
    times, cpu, records = [], [], ParsedRecords()
    for i, raw in enumerate(texts):
        t0, c0 = time.perf_counter(), time.process_time()
        check_buffers(SEED, {name: raw}, options, records, with_info=False)
        if i >= 10:  # the first ten warm the process
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    return round(statistics.median(times) * 1000, 1), round(statistics.median(cpu) * 1000, 1)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--edits", type=int, default=50)
    p.add_argument("--memory-edits", type=int, default=1000)
    p.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    p.add_argument("--profile", metavar="FILE", help="run the server under cProfile, its statistics to FILE")
    p.add_argument("--runs", type=int, default=1, help="servers started one after the other; medians over them")
    args = p.parse_args()
    runs = []
    for _ in range(max(1, args.runs)):
        with tempfile.TemporaryDirectory(prefix="medlint-server-bench-") as work:
            runs.append(asyncio.run(measure(args.edits, args.memory_edits, work, args.profile)))
    result = dict(runs[-1], runs=len(runs))
    for key in ("median_ms", "p90_ms", "server_cpu_ms_per_edit", "rss_growth_kib"):
        result[key] = statistics.median(r[key] for r in runs)
        result[key + "_each_run"] = [r[key] for r in runs]
    result["in_process_check_median_ms"], result["in_process_check_cpu_ms"] = in_process(args.edits)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    print(summary(result, args.memory_edits), file=sys.stderr)
    return 0


def summary(result: dict, memory_edits: int) -> str:
    """The figures against the targets, in one line."""
    target = "met" if result["median_ms"] <= 50 else "MISSED"
    line = (f"median {result['median_ms']} ms from didChange to publishDiagnostics ({target}: at most 50 ms; "
            f"server CPU {result['server_cpu_ms_per_edit']} ms an edit)")
    if len(result["rss_kib_every_100"]) > 1:
        growth = result["rss_growth_kib"]
        flat = "met" if growth < 1024 else "MISSED"
        line += (f"; RSS growth {growth} KiB from edit 100 to edit {memory_edits} of the memory edits "
                 f"({flat}: under 1 MiB)")
    runs = f" (medians of {result['runs']} runs)" if result["runs"] > 1 else ""
    return line + runs + f"; load average {os.getloadavg()[0]:.2f}"


if __name__ == "__main__":
    sys.exit(main())
