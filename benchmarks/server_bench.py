"""`medlint server` benchmark (not a test: run it by hand, see benchmarks/README.md).

    python benchmarks/server_bench.py                  # 50 timed edits; 500 + 1,000 for memory
    python benchmarks/server_bench.py --edits 50 --memory-edits 1000 --json out.json
    python benchmarks/server_bench.py --memory-edits 0 # latency only
    python benchmarks/server_bench.py --stages         # where an edit's CPU goes, in process

A warm server (medlint's own server, started over stdio by pygls's own client) has
the seed's largest section file of ``content/`` open, in a copy of the seed article
in a temporary folder, with the debounce set to 0. Each edit is a whole-document
``didChange`` that changes one dose amount (a different number each time, so no
result is reused); the figure is the time from sending it to receiving the
``publishDiagnostics`` of that version: the median of ``--edits`` edits is the
target (at most 50 ms).

CPU, paired: the server's CPU time of each edit (``/proc/<pid>/task/*/schedstat``,
nanoseconds) and, right after it, :func:`medlint.buffers.check_buffers` on the same
bytes in this process (``in_process_check_cpu_ms``: the check without the protocol);
``server_adds_cpu_ms`` is the median of the per-edit differences, what the server
spends beyond the check. Paired figures are taken at the same moment, so the
machine's other work moves both alike; figures of runs taken one after the other are not.

Memory: ``--warmup`` edits first, then ``--memory-edits`` edits, the server's resident
set (``VmRSS``) and its Python heap (``sys.getallocatedblocks()``, asked of the server
by a request only this benchmark's server answers) read every ``--sample-every`` edits;
each series gets its least-squares slope per 1,000 edits with its standard error, so
"flat" is a number: the RSS slope under 1 MiB per 1,000 edits.
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
MEMORY_REQUEST = "medlint/benchMemory"  # answered only by the server this benchmark starts (serve_for_bench)


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
    """User + system CPU seconds the process has used (/proc/<pid>/stat, clock ticks)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_s(pid: int) -> float:
    """Seconds every thread of the process has run on a CPU (schedstat: nanoseconds, so one
    edit's share can be read; /proc/<pid>/stat counts 10 ms ticks)."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat", encoding="ascii") as fh:
                total += int(fh.read().split()[0])
        except FileNotFoundError:  # a thread that ended meanwhile
            continue
    return total / 1e9


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def slope(ys: list[float], xs: list[float]) -> tuple[float, float]:
    """Least-squares slope of ``ys`` over ``xs`` and its standard error."""
    n = len(xs)
    if n < 3:
        return 0.0, 0.0
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    residual = sum((y - my - b * (x - mx)) ** 2 for x, y in zip(xs, ys))
    return b, (residual / (n - 2) / sxx) ** 0.5


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
        await self.client.start_io(sys.executable, *profiler, os.path.abspath(__file__), "--serve", env=env)
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

    async def heap_blocks(self) -> int:
        """The server's ``sys.getallocatedblocks()``, after a collection (serve_for_bench)."""
        answer = await self.client.protocol.send_request_async(MEMORY_REQUEST, {})
        return int(answer["blocks"] if isinstance(answer, dict) else answer.blocks)

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


class Paired:
    """The check alone in this process, on the bytes the server was just sent (its CPU time)."""

    def __init__(self, folder: str, name: str) -> None:
        if ROOT not in sys.path:
            sys.path.insert(0, ROOT)
        from medlint.buffers import ParsedRecords
        from medlint.server import Settings, check_options

        self.folder, self.name = folder, name
        self.options = check_options(folder, Settings(today=TODAY))  # as the server works them out
        self.records = ParsedRecords()

    def check(self, text: str) -> tuple[float, float]:
        from medlint.buffers import check_buffers

        t0, c0 = time.perf_counter(), time.process_time()
        check_buffers(self.folder, {self.name: text.encode("utf-8")}, self.options, self.records, with_info=False)
        return time.perf_counter() - t0, time.process_time() - c0


async def timed_edits(bench: Bench, uri: str, text: str, edits: int, paired: Paired) -> dict:
    """Ten warm-up edits, then ``edits`` timed ones, each followed by the in-process check of its bytes."""
    for i, t in enumerate(variants(text, 10)):
        await bench.change(uri, 2 + i, t)
        paired.check(t)
    version = 12
    walls, cpus, check_walls, check_cpus = [], [], [], []
    ticks0 = cpu_s(bench.pid)
    for t in variants(text, edits + 10)[10:]:
        run0 = run_s(bench.pid)
        walls.append(await bench.change(uri, version, t))
        cpus.append(run_s(bench.pid) - run0)
        version += 1
        wall, cpu = paired.check(t)
        check_walls.append(wall)
        check_cpus.append(cpu)
    ms = sorted(x * 1000 for x in walls)
    return {
        "edits": edits, "median_ms": round(statistics.median(ms), 1), "p90_ms": round(ms[int(0.9 * (len(ms) - 1))], 1),
        "min_ms": round(ms[0], 1), "max_ms": round(ms[-1], 1),
        "server_cpu_ms_per_edit": round((cpu_s(bench.pid) - ticks0) * 1000 / max(1, edits), 1),  # mean, clock ticks
        "server_cpu_ms_median": round(statistics.median(cpus) * 1000, 1),  # per edit, schedstat
        "in_process_check_median_ms": round(statistics.median(check_walls) * 1000, 1),
        "in_process_check_cpu_ms": round(statistics.median(check_cpus) * 1000, 1),
        "server_adds_cpu_ms": round(statistics.median(a - b for a, b in zip(cpus, check_cpus)) * 1000, 1),
        "next_version": version,
    }


async def memory_edits(bench: Bench, uri: str, text: str, version: int, warmup: int, edits: int, every: int) -> dict:
    """``warmup`` edits, then ``edits`` more with the server's RSS and heap read every ``every``."""
    texts = variants(text, warmup + edits)
    for i, t in enumerate(texts[:warmup]):
        await bench.change(uri, version, t + f"# {i}\n")
        version += 1
    xs, rss, blocks = [0], [rss_kib(bench.pid)], [await bench.heap_blocks()]
    for i, t in enumerate(texts[warmup:], 1):
        await bench.change(uri, version, t + f"# {warmup + i}\n")
        version += 1
        if i % every == 0:
            xs.append(i)
            rss.append(rss_kib(bench.pid))
            blocks.append(await bench.heap_blocks())
    rss_b, rss_se = slope(rss, xs)
    blocks_b, blocks_se = slope(blocks, xs)
    return {
        "warmup_edits": warmup, "memory_edits": edits, "sample_every": every,
        "rss_after_warmup_kib": rss[0], "rss_min_kib": min(rss), "rss_max_kib": max(rss),
        "rss_last_kib": rss[-1], "rss_growth_kib": rss[-1] - rss[0],
        "rss_slope_kib_per_1000_edits": round(rss_b * 1000, 1), "rss_slope_se": round(rss_se * 1000, 1),
        "heap_blocks_after_warmup": blocks[0], "heap_blocks_last": blocks[-1],
        "heap_blocks_slope_per_1000_edits": round(blocks_b * 1000, 1), "heap_blocks_slope_se": round(blocks_se * 1000, 1),
        "rss_kib_every_100": [r for x, r in zip(xs, rss) if x % 100 == 0],
    }


async def measure(edits: int, memory: tuple[int, int, int], work: str, profile: str | None = None) -> dict:
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
    out = {"file": f"content/{os.path.basename(SEED)}/{name}", "bytes": os.path.getsize(path),
           "server_start_s": round(start_s, 3), "first_check_ms": round(first * 1000, 1)}
    out.update(await timed_edits(bench, uri, text, edits, Paired(folder, name)))
    version = out.pop("next_version")
    if memory[1] > 0:
        out.update(await memory_edits(bench, uri, text, version, *memory))
    await bench.stop()
    out.update({
        "diagnostics_per_publish": sorted(set(bench.counts)),
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores",
        "load_average_1min": round(os.getloadavg()[0], 2),  # other work on the machine inflates every figure
    })
    return out


def serve_for_bench() -> int:
    """``medlint server`` as ``python -m medlint server`` runs it, plus one request that reports
    the Python heap (``sys.getallocatedblocks()`` after a collection) between edits."""
    import gc

    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    from medlint import server

    built = server.build_server()

    @built.feature(MEMORY_REQUEST)
    def memory(ls, params):
        gc.collect()
        return {"blocks": sys.getallocatedblocks()}

    return server.serve(built)


MEDIANS = ("median_ms", "p90_ms", "server_cpu_ms_per_edit", "server_cpu_ms_median", "in_process_check_median_ms",
           "in_process_check_cpu_ms", "server_adds_cpu_ms", "rss_growth_kib", "rss_slope_kib_per_1000_edits",
           "heap_blocks_slope_per_1000_edits")


def main() -> int:
    if sys.argv[1:] == ["--serve"]:
        return serve_for_bench()
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--edits", type=int, default=50)
    p.add_argument("--memory-edits", type=int, default=1000, help="edits measured for memory (0: none)")
    p.add_argument("--warmup", type=int, default=500,
                   help="edits before the memory edits' first reading (the RSS climbs for ~500: see benchmarks/README.md)")
    p.add_argument("--sample-every", type=int, default=10, help="memory read every this many edits")
    p.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    p.add_argument("--profile", metavar="FILE", help="run the server under cProfile, its statistics to FILE")
    p.add_argument("--runs", type=int, default=1, help="servers started one after the other; medians over them")
    p.add_argument("--stages", action="store_true", help="where an edit's CPU goes: the server driven in process")
    args = p.parse_args()
    if args.stages:
        from server_stages import stages

        print(stages(args.edits), end="")
        return 0
    runs = []
    memory = (args.warmup, args.memory_edits, max(1, args.sample_every))
    for _ in range(max(1, args.runs)):
        with tempfile.TemporaryDirectory(prefix="medlint-server-bench-") as work:
            runs.append(asyncio.run(measure(args.edits, memory, work, args.profile)))
    result = dict(runs[-1], runs=len(runs))
    for key in MEDIANS:
        if key in result:
            result[key] = round(statistics.median(r[key] for r in runs), 1)
            result[key + "_each_run"] = [r[key] for r in runs]
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    print(summary(result), file=sys.stderr)
    return 0


def summary(result: dict) -> str:
    """The figures against the targets, in one line."""
    target = "met" if result["median_ms"] <= 50 else "MISSED"
    line = (f"median {result['median_ms']} ms from didChange to publishDiagnostics ({target}: at most 50 ms); "
            f"server CPU {result['server_cpu_ms_median']} ms an edit (median), the check alone "
            f"{result['in_process_check_cpu_ms']} ms beside it, the server adds {result['server_adds_cpu_ms']} ms")
    if "rss_slope_kib_per_1000_edits" in result:
        b = result["rss_slope_kib_per_1000_edits"]
        flat = "met" if b < 1024 else "MISSED"
        line += (f"; RSS {result['rss_after_warmup_kib']} KiB after {result['warmup_edits']} edits, slope {b} "
                 f"± {result['rss_slope_se']} KiB per 1,000 edits over {result['memory_edits']} ({flat}: under 1 MiB), "
                 f"heap {result['heap_blocks_slope_per_1000_edits']} ± {result['heap_blocks_slope_se']} blocks "
                 "per 1,000 edits")
    runs = f" (medians of {result['runs']} runs)" if result["runs"] > 1 else ""
    return line + runs + f"; load average {os.getloadavg()[0]:.2f}"


if __name__ == "__main__":
    sys.exit(main())
