"""Load Kestrel's exports the way analysts do: a GDELT 2.0 event export and mentions export in
pandas with GDELT's column names, and a Parquet export (file or date-partitioned directory)
with pyarrow. Exits non-zero when a check fails.

    kestrel query --db kestrel.db -f gdelt -o events.tsv
    kestrel query --db kestrel.db -f gdelt --mentions -o mentions.tsv
    kestrel query --db kestrel.db -f parquet -o events/
    python3 scripts/check_exports.py events.tsv mentions.tsv events/

Needs pandas and pyarrow (pip install pandas pyarrow).
"""
import csv
import os
import sys

import pandas as pd
import pyarrow.dataset as ds

HERE = os.path.dirname(os.path.abspath(__file__))
GDELT_DOCS = os.path.join(HERE, "..", "..", "shared", "data", "gdelt")


def column_names(name):
    """GDELT's column names, from the codebook tables in ../shared/data/gdelt."""
    with open(os.path.join(GDELT_DOCS, name), newline="") as f:
        return [row["name"] for row in csv.DictReader(f)]


def main(events_path, mentions_path, parquet_path):
    event_cols = column_names("events2.csv")
    mention_cols = column_names("mentions.csv")
    assert len(event_cols) == 61, len(event_cols)
    # Codes stay strings, as GDELT's own loaders read them.
    as_text = {c: str for c in event_cols if c.endswith("Code") or c.startswith("Event")}
    events = pd.read_csv(events_path, sep="\t", header=None, names=event_cols, dtype=as_text,
                         keep_default_na=False, na_values=[""], quoting=csv.QUOTE_NONE)
    assert events.shape[1] == 61
    assert events["GLOBALEVENTID"].is_unique
    assert events["EventRootCode"].str.len().eq(2).all()
    assert (events["EventCode"].str[:2] == events["EventRootCode"]).all()
    assert events["NumArticles"].ge(1).all() and events["NumMentions"].ge(events["NumArticles"]).all()
    mentions = pd.read_csv(mentions_path, sep="\t", header=None, names=mention_cols,
                           quoting=csv.QUOTE_NONE)
    assert mentions.shape[1] == 16
    assert set(mentions["GLOBALEVENTID"]) <= set(events["GLOBALEVENTID"])
    table = ds.dataset(parquet_path, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == len(events), (table.num_rows, len(events))
    assert "cameo" in table.column_names and "num_mentions" in table.column_names
    print(f"GDELT events: {len(events)} rows x {events.shape[1]} columns; "
          f"mentions: {len(mentions)} rows x {mentions.shape[1]}; "
          f"Parquet: {table.num_rows} rows x {table.num_columns} columns")
    print(events[["GLOBALEVENTID", "SQLDATE", "Actor1Code", "EventCode", "NumArticles",
                  "ActionGeo_FullName"]].head().to_string(index=False))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
