"""Where a warm edit's CPU goes in ``medlint server`` (``server_bench.py --stages``).

The server is built as ``medlint server`` builds it and driven in this process:
each message is JSON bytes decoded as pygls decodes them, handled by the server's
own handlers, and its publishes are encoded and written to a buffer. Stages are
timed with ``time.process_time`` around the functions that do them (wrappers put
in place for the run only), so the figures add up to nearly the whole edit; the
battery's line is every check, and the checks above 1 ms are listed after it.
Under load every figure grows alike, the shares less.
"""

from __future__ import annotations

import collections
import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

import server_bench as sb

#: (module, attribute, stage) timed; nested stages are subtracted from their parents below.
STAGES = (
    ("medlint.server", "check_options", "settings: [tool.medlint] and options"),
    ("medlint.buffers", "read_folder", "read the folder's files"),
    ("medlint.records.store", "load_yaml", "parse the changed file (YAML)"),
    ("medlint.records.store", "validate", "validate the changed file"),
    ("medlint.records.store", "build_section", "build the model (every section)"),
    ("medlint.engine", "to_finding", "locate the findings"),
    ("medlint.engine", "_apply_waivers", "sort, waivers"),
    ("medlint.server", "to_diagnostic", "diagnostics: build"),
    ("medlint.server", "finding_range", "diagnostics: ranges"),
)


class Sink:
    def __init__(self) -> None:
        self.bytes = 0

    def write(self, data: bytes) -> None:
        self.bytes += len(data)

    def close(self) -> None:
        pass


def _timed(table: dict, key: str, func):
    def timed(*args, **kwargs):
        c0 = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            table[key] += time.process_time() - c0
    return timed


def _wrap(table: dict) -> list:
    import importlib

    undo = []
    for module, name, stage in STAGES:
        mod = importlib.import_module(module)
        undo.append((mod, name, getattr(mod, name)))
        setattr(mod, name, _timed(table, stage, getattr(mod, name)))
    from medlint import server

    for name, stage in (("publish", "publish: encode and write"), ("_publish_article", "_whole")):
        undo.append((server.MedlintServer, name, getattr(server.MedlintServer, name)))
        setattr(server.MedlintServer, name, _timed(table, stage, getattr(server.MedlintServer, name)))
    return undo


def _wrap_checks(table: dict, checks) -> None:
    for info in checks:
        def run(article, ctx, func=info.func, cid=info.id):
            c0 = time.process_time()
            hits = list(func(article, ctx) or ())
            table["check " + cid] += time.process_time() - c0
            return hits
        object.__setattr__(info, "func", run)


def stages(edits: int) -> str:
    """The table: CPU ms per edit of each stage over ``edits`` warm edits."""
    sys.path.insert(0, sb.ROOT)
    from medlint import engine, server
    from medlint.doses.units import get_registry
    from medlint.registry import all_checks

    all_checks()
    get_registry()
    gc.collect()
    gc.freeze()
    gc.enable()  # as serve() leaves it
    with tempfile.TemporaryDirectory(prefix="medlint-server-stages-") as work:
        folder = shutil.copytree(sb.SEED, os.path.join(work, os.path.basename(sb.SEED)))
        name = sb.largest_section(folder)
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        ls = server.build_server()
        ls.protocol.set_writer(Sink())

        def feed(method: str, params: dict, msg_id: int | None = None) -> None:
            msg = {"jsonrpc": "2.0", "method": method, "params": params}
            if msg_id is not None:
                msg["id"] = msg_id
            ls.protocol.handle_message(json.loads(json.dumps(msg).encode(), object_hook=ls.protocol.structure_message))

        from pygls.uris import from_fs_path

        uri = from_fs_path(path)
        feed("initialize", {"capabilities": {}, "initializationOptions": {"today": sb.TODAY, "debounce": 0}}, 1)
        feed("initialized", {})
        feed("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        texts = sb.variants(text, edits + 10)
        for i, t in enumerate(texts[:10]):
            feed("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2 + i}, "contentChanges": [{"text": t}]})
        table: dict = collections.defaultdict(float)
        undo = _wrap(table)
        checks = engine.enabled_checks(server.check_options(folder, ls.state.settings))
        saved = [(info, info.func) for info in checks]
        _wrap_checks(table, checks)
        collected = [0.0, 0]

        def on_gc(phase, info, started=[0.0]):
            if phase == "start":
                started[0] = time.process_time()
            else:
                collected[0] += time.process_time() - started[0]
                collected[1] += 1

        gc.callbacks.append(on_gc)
        totals = []
        try:
            for i, t in enumerate(texts[10:]):
                c0 = time.process_time()
                feed("textDocument/didChange", {"textDocument": {"uri": uri, "version": 12 + i},
                                                "contentChanges": [{"text": t}]})
                totals.append(time.process_time() - c0)
        finally:
            gc.callbacks.remove(on_gc)
            for obj, attr, func in undo:
                setattr(obj, attr, func)
            for info, func in saved:
                object.__setattr__(info, "func", func)
    return _table(table, totals, collected, edits)


def _table(table: dict, totals: list, collected: list, edits: int) -> str:
    per = {k: v * 1000 / edits for k, v in table.items()}
    whole = sum(totals) * 1000 / edits
    battery = sum(v for k, v in per.items() if k.startswith("check "))
    publish_article = per.pop("_whole", 0.0)
    rows = [(k, v) for k, v in per.items() if not k.startswith("check ")]
    rows.append(("the battery (every check)", battery))
    named = sum(v for _, v in rows)
    rows.append(("the rest (kept records, hits folded, message decoded, handlers)", whole - named))
    out = [f"{edits} warm edits of the seed's largest section, in process: CPU ms per edit "
           f"(mean {whole:.1f}, median {statistics.median(totals) * 1000:.1f}; "
           f"the server's lint {publish_article:.1f}); load average {os.getloadavg()[0]:.2f}"]
    for label, value in sorted(rows, key=lambda r: -r[1]):
        out.append(f"  {value:7.2f}  {value / whole * 100:5.1f} %  {label}")
    out.append(f"  of which the garbage collector: {collected[0] * 1000 / edits:.2f} ms ({collected[1]} collections)")
    out.append("  checks over 1 ms: " + ", ".join(
        f"{k[6:]} {v:.1f}" for k, v in sorted(per.items(), key=lambda kv: -kv[1]) if k.startswith("check ") and v >= 1))
    return "\n".join(out) + "\n"
