"""Agreement between two readers of the same articles: the corpus gold (A) and an
independent second gold (B, this folder), written without seeing A or medlint's output.

Run: python benchmarks/agreement/score.py

Agreement between the corpus gold (A) and an independent second gold (B).

A finding of B matches one of A when both name the same check (or the same category, where
either names only a category) and their anchors are both null, or both sit in the same
paragraph of the article (a paragraph: text between blank lines). Reports, per category,
how many of B's findings A holds (B's precision against A) and how many of A's B holds
(B's recall against A)."""
import re, sys, collections, subprocess
from pathlib import Path
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "articles"
HERE = Path(__file__).resolve().parent
cats = {}
for line in subprocess.run([sys.executable, "-m", "medlint", "explain"], capture_output=True, text=True).stdout.splitlines():
    parts = line.split()
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{3}\d{3}", parts[0]):
        cats[parts[0]] = parts[1]

def norm(s): return re.sub(r"\s+", " ", s or "").strip()

def paragraphs(text):
    return [norm(p) for p in re.split(r"\n\s*\n", text) if p.strip()]

def where(paras, anchor):
    if anchor is None: return "article"
    a = norm(str(anchor))
    for i, p in enumerate(paras):
        if a in p: return i
    return "?" + a

def cat(e): return cats.get(e.get("check"), e.get("category"))

def same(a, b, paras):
    if a.get("check") and b.get("check"):
        if a["check"] != b["check"]: return False
    elif cat(a) != cat(b): return False
    return where(paras, a.get("anchor")) == where(paras, b.get("anchor"))

def main():
    tb = collections.Counter(); tp_b = collections.Counter(); ta = collections.Counter(); tp_a = collections.Counter()
    for bfile in sorted(HERE.glob("*.gold.yaml")):
        nn = bfile.name.split(".")[0]
        [afile] = CORPUS.glob(f"{nn}-*.gold.yaml")
        [text] = [p for p in CORPUS.glob(f"{nn}-*") if p.suffix in (".txt", ".md")]
        paras = paragraphs(text.read_text(encoding="utf-8"))
        A = yaml.safe_load(afile.read_text())["findings"] or []
        B = (yaml.safe_load(bfile.read_text()) or {}).get("findings") or []
        for b in B:
            tb[cat(b)] += 1; tp_b[cat(b)] += any(same(a, b, paras) for a in A)
        for a in A:
            ta[cat(a)] += 1; tp_a[cat(a)] += any(same(a, b, paras) for b in B)
        print(f"{nn}: A {len(A)}, B {len(B)}, B in A {sum(any(same(a,b,paras) for a in A) for b in B)}, A in B {sum(any(same(a,b,paras) for b in B) for a in A)}")
    print(f"{'category':14} {'B':>4} {'B in A':>7} {'prec':>7} {'A':>4} {'A in B':>7} {'recall':>7}")
    for c in sorted(set(tb) | set(ta)):
        p = f"{100*tp_b[c]/tb[c]:.1f}%" if tb[c] else "-"; r = f"{100*tp_a[c]/ta[c]:.1f}%" if ta[c] else "-"
        print(f"{c:14} {tb[c]:4} {tp_b[c]:7} {p:>7} {ta[c]:4} {tp_a[c]:7} {r:>7}")
    B_, P_, A_, R_ = sum(tb.values()), sum(tp_b.values()), sum(ta.values()), sum(tp_a.values())
    print(f"{'all':14} {B_:4} {P_:7} {100*P_/max(B_,1):6.1f}% {A_:4} {R_:7} {100*R_/max(A_,1):6.1f}%")

main()
