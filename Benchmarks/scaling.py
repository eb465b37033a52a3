#!/usr/bin/env python3
"""Time and memory of one large document against its size: is the work linear?

Builds single documents from the corpus text (names, dates and sums varied by
bench.py's `vary`): files of 10,000, 100,000 and 1,000,000 lines, and one
line of 20 MB (the corpus with its line breaks turned into spaces). Runs
`minutes extract FILE` on each and prints seconds, seconds per MB (flat when
the work is linear) and peak resident memory against the file's size.

Usage: Benchmarks/scaling.py [--lines 10000,100000,1000000] [--line-mb 20]
                             [--runs N] [--binary PATH] [--keep DIR]
The figures are written up in docs/PERFORMANCE.md and docs/RELIABILITY.md.
"""
import argparse, os, random, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import ROOT, vary  # noqa: E402

LIMIT = str(128 * 1024 * 1024)


def corpus_text(rng):
    texts = []
    for name in sorted(os.listdir(os.path.join(ROOT, "Corpus"))):
        if name.endswith(".txt"):
            with open(os.path.join(ROOT, "Corpus", name), encoding="utf-8") as f:
                texts.append(vary(f.read(), rng))
    return texts


def lines_file(path, count, rng):
    """`count` lines of minutes: corpus documents one after another, varied each time round."""
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < count:
            for text in corpus_text(rng):
                lines = text.split("\n")[: count - written]
                out.write("\n".join(lines) + "\n")
                written += len(lines)
                if written >= count:
                    break


def one_line_file(path, megabytes, rng):
    target = int(megabytes * 1_000_000)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            chunk = (" ".join(" ".join(corpus_text(rng)).split()) + " ").encode("utf-8")[: target - size]
            out.write(chunk.decode("utf-8", errors="ignore"))
            size += len(chunk)
        out.write("\n")


def measure(binary, path, runs):
    """Median wall seconds and the largest peak RSS (MB) of `runs` runs, each in a fresh helper process."""
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE);"
            "print(r.returncode,time.perf_counter()-t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    times, peaks = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code, binary, "extract", "--max-bytes", LIMIT, path],
                             capture_output=True, text=True).stdout.split()
        if not out or out[0] != "0":
            sys.exit(f"{path}: minutes extract failed ({out})")
        times.append(float(out[1]))
        peaks.append(int(out[2]) / 1024)
    return statistics.median(times), max(peaks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", default="10000,100000,1000000")
    ap.add_argument("--line-mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/minutes"))
    ap.add_argument("--keep", help="write (or reuse) the documents here")
    args = ap.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="minutes-scaling-")
    os.makedirs(folder, exist_ok=True)
    cases = []
    for count in [int(n) for n in args.lines.split(",") if n]:
        path = os.path.join(folder, f"lines-{count}.txt")
        if not os.path.exists(path):
            lines_file(path, count, random.Random(count))
        cases.append((f"{count:,} lines", path))
    if args.line_mb > 0:
        path = os.path.join(folder, f"one-line-{args.line_mb:g}mb.txt")
        if not os.path.exists(path):
            one_line_file(path, args.line_mb, random.Random(1))
        cases.append((f"one line of {args.line_mb:g} MB", path))
    # The process's own memory: one short line.
    tiny = os.path.join(folder, "tiny.txt")
    with open(tiny, "w") as f:
        f.write("Minutes.\n")
    _, baseline = measure(args.binary, tiny, 1)
    print(f"baseline (a one-line file): {baseline:.0f} MB peak RSS")
    print(f"{'document':>20} {'MB':>7} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'(peak-base)/size':>17}")
    for label, path in cases:
        mb = os.path.getsize(path) / 1_000_000
        seconds, peak = measure(args.binary, path, args.runs)
        print(f"{label:>20} {mb:7.2f} {seconds:8.2f} {seconds / mb:6.3f} {peak:8.0f} {(peak - baseline) / mb:17.1f}", flush=True)


if __name__ == "__main__":
    main()
