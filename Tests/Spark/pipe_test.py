#!/usr/bin/env python3
"""The distributed recipe, tested: Apache Spark (PySpark, local mode) pipes
{"id", "text"} records through `minutes extract --jsonl-input -` with
RDD.pipe, and the documents that come back must equal a direct run's.

Usage: Tests/Spark/pipe_test.py [path/to/minutes]   (exit 0 when equal)
Needs Java and `pip install pyspark`; `.ci/run` installs both.
"""
import json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def corpus_records():
    records = []
    for folder in [os.path.join(ROOT, "Corpus"), os.path.join(ROOT, "..", "shared", "corpus-dev")]:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith((".txt", ".html")) and not name.endswith(".tree"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    records.append({"id": name, "text": f.read()})
    # A broken line must come back as an error record, not stop the job.
    return records


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/minutes"))
    records = corpus_records()
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + ["this line is not a record"]
    with tempfile.TemporaryDirectory() as work:
        input_path = os.path.join(work, "docs.jsonl")
        with open(input_path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

        direct = subprocess.run([binary, "extract", "--jsonl-input", input_path, "--quiet"],
                                capture_output=True, text=True)
        expected = [l for l in direct.stdout.split("\n") if l]

        from pyspark import SparkConf, SparkContext
        conf = SparkConf().setMaster("local[2]").setAppName("minutes-pipe-test").set("spark.ui.enabled", "false")
        sc = SparkContext(conf=conf)
        sc.setLogLevel("ERROR")
        try:
            rdd = sc.textFile(input_path, minPartitions=4)
            # Each partition is one process of the filter; a failed input is a line, not a failed task.
            piped = rdd.pipe(f"{binary} extract --jsonl-input - --quiet", checkCode=False).collect()
        finally:
            sc.stop()

    def key(line):
        doc = json.loads(line)
        return doc.get("source", {}).get("path") or doc.get("path")

    # Partitions reorder records; error records name their partition's line, so compare documents by id.
    # An error record has a top-level "error"; a document may say "error" anywhere (a diagnostic's severity).
    def is_error(line):
        return "error" in json.loads(line) and "source" not in json.loads(line)

    got_docs = sorted(l for l in piped if not is_error(l))
    want_docs = sorted(l for l in expected if not is_error(l))
    got_errors = [l for l in piped if is_error(l)]
    ok = got_docs == want_docs and len(got_docs) == len(records) and len(got_errors) == 1
    print(f"spark: {len(got_docs)} documents, {len(got_errors)} error record; direct: {len(want_docs)} documents;"
          f" {'equal' if got_docs == want_docs else 'DIFFERENT'}")
    if not ok:
        missing = {key(l) for l in want_docs} - {key(l) for l in got_docs}
        print("missing or different:", sorted(missing)[:10])
        sys.exit(1)


if __name__ == "__main__":
    main()
