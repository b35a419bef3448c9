"""Articles per second per core: `kestrel code` (the CLI) against the Spark recipe on
local[N] and `kestrel.code_batch` in one Python process, over the same articles.

Usage: KESTREL_BIN=target/release/kestrel python scripts/bench_spark.py [--cores 2] [--limit N]
Needs the kestrel wheel and pyspark[sql] in this Python, and the BBC corpus (KESTREL_BBC).
Each figure is the best of --repeat runs, after one warm-up (model loading is left out of the
Python figure, kept in the CLI's and in Spark's, as a user would see them).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "crates/kestrel-py/tests"))
from test_spark import bbc_articles  # noqa: E402


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles = bbc_articles(args.limit)
    n = len(articles)
    work = Path(tempfile.mkdtemp(prefix="kestrel-bench-"))
    jsonl = work / "articles.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")

    def cli():
        subprocess.run(
            [os.environ["KESTREL_BIN"], "code", str(jsonl), "--format", "plover", "-j", str(args.cores)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    cli()
    t_cli = best(cli, args.repeat)

    os.environ["RAYON_NUM_THREADS"] = str(args.cores)
    import pyarrow as pa

    import kestrel

    kestrel.load()
    batch = pa.RecordBatch.from_pylist(articles)
    t_py = best(lambda: kestrel.code_batch(batch), args.repeat)

    from pyspark.sql import SparkSession

    from kestrel.spark import code_events

    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    df = spark.read.json(str(jsonl)).repartition(args.cores).cache()
    df.count()

    def through_spark():
        code_events(df).write.mode("overwrite").parquet(str(work / "events"))

    through_spark()
    t_spark = best(through_spark, args.repeat)
    spark.stop()

    rows = [("kestrel code (CLI)", t_cli), ("kestrel.code_batch (Python)", t_py), (f"Spark local[{args.cores}]", t_spark)]
    print(f"{n} articles, {args.cores} cores, best of {args.repeat}")
    for name, t in rows:
        print(f"{name:<30} {t:7.2f} s  {n / t:7.1f} articles/s  {n / t / args.cores:7.1f} per core  {t / t_cli:5.2f}x the CLI's time")


if __name__ == "__main__":
    main()
