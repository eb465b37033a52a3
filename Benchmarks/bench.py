#!/usr/bin/env python3
"""Speed and memory of the minutes pipeline, measured on a synthetic archive.

Builds an archive of SIZE megabytes from the corpus documents (names, dates
and amounts varied so no two files are alike), then runs the release binary
and prints:

  - start-up plus one seed document (median of 15 runs)
  - full extraction throughput, MB/s, with 1 job and with N jobs (per core
    and the scaling ratio)
  - peak resident memory of those runs
  - the same for --sqlite

Usage: Benchmarks/bench.py [--size MB] [--jobs N] [--keep DIR] [--binary PATH]
The figures and method are written up in docs/PERFORMANCE.md.
"""
import argparse, os, random, re, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRST = ["Ann", "Tom", "Priya", "Owen", "Grace", "Imran", "Lucy", "Mark", "Nadia", "Peter", "Ruth", "Sam"]
LAST = ["Hale", "Grey", "Patel", "Moss", "Cole", "Burke", "Ellis", "Khan", "Lund", "Rowe", "Shah", "Dyer"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def vary(text, rng):
    """Swap names, days, years and sums so every copy differs."""
    text = re.sub(r"\b(Cllr|Councillor|Mr|Mrs|Ms|Dr) ([A-Z][a-z]+)\b",
                  lambda m: f"{m.group(1)} {rng.choice(LAST)}", text)
    text = re.sub(r"\b([0-2]?\d) (" + "|".join(MONTHS) + r") (20\d\d)\b",
                  lambda m: f"{rng.randint(1, 28)} {m.group(2)} {rng.randint(2012, 2026)}", text)
    text = re.sub(r"£(\d{1,3}(?:,\d{3})*)(?!\d)",
                  lambda m: "£{:,}".format(rng.randint(1, 999_999)), text)
    return text


def build_archive(directory, size_mb, seed=7):
    rng = random.Random(seed)
    sources = []
    for name in sorted(os.listdir(os.path.join(ROOT, "Corpus"))):
        if name.endswith((".txt", ".html")) and not name.endswith(".tree"):
            with open(os.path.join(ROOT, "Corpus", name), encoding="utf-8") as f:
                sources.append((name, f.read()))
    total, n = 0, 0
    target = size_mb * 1_000_000
    while total < target:
        name, text = sources[n % len(sources)]
        folder = os.path.join(directory, f"{n // 500:04d}")
        os.makedirs(folder, exist_ok=True)
        stem, ext = os.path.splitext(name)
        data = vary(text, rng).encode("utf-8")
        with open(os.path.join(folder, f"{stem}-{n:06d}{ext}"), "wb") as f:
            f.write(data)
        total += len(data)
        n += 1
    return total, n


def run(cmd, **kw):
    """Wall time and peak RSS (KiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    wall = time.perf_counter() - start
    # ru_maxrss of children is the largest so far; measure each in a fresh helper.
    return wall


def peak_rss(cmd):
    """Peak RSS in MB, measured with /usr/bin/time when present, else by a fresh Python child."""
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code] + cmd, capture_output=True, text=True).stdout.strip()
    return int(out) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=float, default=20, help="archive size in MB (1000 for the full run)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--keep", help="build (or reuse) the archive here")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/minutes"))
    args = ap.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"bench: {args.binary} not found; run `swift build -c release` first")
    work = args.keep or tempfile.mkdtemp(prefix="minutes-bench-")
    archive = os.path.join(work, "archive")
    if not os.path.isdir(archive):
        size, files = build_archive(archive, args.size)
    else:
        files = sum(len(f) for _, _, f in os.walk(archive))
        size = sum(os.path.getsize(os.path.join(d, x)) for d, _, fs in os.walk(archive) for x in fs)
    mb = size / 1_000_000
    print(f"archive: {files} files, {mb:.1f} MB ({archive})")

    seed = os.path.join(ROOT, "Corpus", "dorset-pcp-2017-09-22.txt")
    startup = statistics.median(run([args.binary, "extract", seed]) for _ in range(15))
    print(f"start-up + one seed document: {startup * 1000:.0f} ms (median of 15)")

    results = {}
    for jobs in sorted({1, args.jobs}):
        cmd = [args.binary, "extract", archive, "--jsonl", "--quiet", "--jobs", str(jobs)]
        wall = run(cmd)
        rss = peak_rss(cmd)
        results[jobs] = wall
        print(f"--jsonl, {jobs} job{'s' if jobs > 1 else ''}: {wall:.2f} s, {mb / wall:.2f} MB/s, "
              f"{mb / wall / jobs:.2f} MB/s per core, peak RSS {rss:.0f} MB")
    if args.jobs > 1:
        print(f"scaling 1 → {args.jobs} jobs: {results[1] / results[args.jobs]:.2f}x")

    db = os.path.join(work, "bench.db")
    if os.path.exists(db):
        os.remove(db)
    cmd = [args.binary, "extract", archive, "--sqlite", db, "--quiet", "--jobs", str(args.jobs)]
    wall = run(cmd)
    os.remove(db)
    rss = peak_rss(cmd)
    print(f"--sqlite, {args.jobs} jobs: {wall:.2f} s, {mb / wall:.2f} MB/s, peak RSS {rss:.0f} MB")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
