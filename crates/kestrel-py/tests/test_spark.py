"""The Spark recipe on local[2]: the BBC corpus coded through DataFrame.mapInArrow gives the
same events as `kestrel code` on the same articles, and writes date-partitioned Parquet.

Needs the kestrel wheel and pyspark[sql] in this Python (PYSPARK_PYTHON set to it), Java 17,
KESTREL_BIN (the kestrel binary), and the BBC corpus (KESTREL_BBC, default
../shared/data/news/bbc-fulltext.tar.gz). Run: python crates/kestrel-py/tests/test_spark.py
"""

import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def bbc_articles(limit=None):
    """(id, text) of every BBC article, read as `kestrel code` reads a directory: the id is the
    path without its extension."""
    archive = Path(os.environ.get("KESTREL_BBC", ROOT.parent / "shared/data/news/bbc-fulltext.tar.gz"))
    out = []
    with tarfile.open(archive) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            raw = tar.extractfile(member).read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            out.append({"id": member.name[: -len(".txt")], "text": text})
    return out[:limit] if limit else out


def comparable(plover_line):
    """A PLOVER record less `cite_info.source`, which names where it was read from."""
    record = json.loads(plover_line)
    record["cite_info"].pop("source", None)
    return json.dumps(record, sort_keys=True)


class SparkRecipeTest(unittest.TestCase):
    def test_spark_events_equal_the_cli_events(self):
        from pyspark.sql import SparkSession

        from kestrel.spark import code_events, write_events

        limit = int(os.environ["KESTREL_SPARK_LIMIT"]) if "KESTREL_SPARK_LIMIT" in os.environ else None
        articles = bbc_articles(limit)
        self.assertGreater(len(articles), 10)
        work = Path(tempfile.mkdtemp(prefix="kestrel-spark-"))
        jsonl = work / "articles.jsonl"
        with open(jsonl, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a) + "\n")

        cli = subprocess.run(
            [os.environ["KESTREL_BIN"], "code", str(jsonl), "--format", "plover"],
            check=True, capture_output=True, text=True,
        )
        expected = sorted(comparable(l) for l in cli.stdout.splitlines() if l.strip())
        self.assertGreater(len(expected), 50)

        spark = (
            SparkSession.builder.master("local[2]")
            .appName("kestrel-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate()
        )
        try:
            df = spark.read.json(str(jsonl)).repartition(2)
            events = code_events(df)
            write_events(events, str(work / "events"))
            back = spark.read.parquet(str(work / "events"))
            got = sorted(comparable(r["plover"]) for r in back.select("plover").collect())
            partitions = {p.name for p in (work / "events").iterdir() if p.name.startswith("event_date=")}
        finally:
            spark.stop()
        self.assertEqual(len(got), len(expected))
        self.assertEqual(got, expected)
        self.assertTrue(partitions, "no event_date= partitions written")
        print(f"{len(articles)} articles, {len(got)} events, {len(partitions)} date partitions", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
