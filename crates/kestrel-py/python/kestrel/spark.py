"""Kestrel on Apache Spark: code a DataFrame of articles into a DataFrame of events.

>>> from pyspark.sql import SparkSession
>>> from kestrel.spark import code_events, write_events
>>> spark = SparkSession.builder.master("local[2]").getOrCreate()      # doctest: +SKIP
>>> articles = spark.read.json("articles.jsonl")   # id, text, published, url   # doctest: +SKIP
>>> events = code_events(articles)                                      # doctest: +SKIP
>>> write_events(events, "events/")     # Parquet, partitioned by event_date  # doctest: +SKIP

Each Spark task hands its partition to ``kestrel.code_batch`` as Arrow record batches
(``DataFrame.mapInArrow``): no rows cross into Python objects, and each Python worker loads
the models once. Spark's tasks give the parallelism, so each task codes on one thread unless
``threads_per_task`` says otherwise. The workers need the kestrel wheel installed in the
Python that ``PYSPARK_PYTHON`` names.
"""

import os

#: The events table as a Spark schema (DDL), in the order of ``kestrel.EVENT_COLUMNS``.
EVENTS_SCHEMA = (
    "doc_id string, event_index int, sentence int, sentence_text string, trigger string, "
    "trigger_start bigint, trigger_end bigint, date string, type string, mode string, "
    "cameo string, goldstein double, quad_class int, modality string, actor_codes string, "
    "actor_sectors string, actor_text string, recipient_codes string, "
    "recipient_sectors string, recipient_text string, recipient_implied string, "
    "place_name string, "
    "place_country string, place_lat double, place_lon double, plover string"
)

_INPUTS = ("id", "text", "published", "url", "title")


def code_events(articles, threads_per_task=1, **columns):
    """Codes a DataFrame of articles; returns a DataFrame of events (``EVENTS_SCHEMA``).

    ``articles`` needs a ``text`` column and may have ``id``, ``published``, ``url`` and
    ``title``; name other columns with keywords, e.g. ``code_events(df, text="body")``.
    Articles that cannot be coded give no events (see ``code_documents`` for why).
    """
    return articles.select(*_columns(articles, columns)).mapInArrow(
        _coder(threads_per_task, documents=False), EVENTS_SCHEMA
    )


#: The documents table as a Spark schema (DDL).
DOCUMENTS_SCHEMA = (
    "id string, title string, published string, url string, text string, events int, "
    "json string, error string"
)


def code_documents(articles, threads_per_task=1, **columns):
    """Codes a DataFrame of articles; returns one row per article (``DOCUMENTS_SCHEMA``):
    the cleaned text, the whole document as JSON, and ``error`` for articles that failed."""
    return articles.select(*_columns(articles, columns)).mapInArrow(
        _coder(threads_per_task, documents=True), DOCUMENTS_SCHEMA
    )


def write_events(events, path, mode="overwrite"):
    """Writes events as Parquet partitioned by ``event_date`` (YYYY-MM-DD, or ``undated``)."""
    from pyspark.sql import functions as F

    day = F.when(
        F.col("date").rlike(r"^\d{4}-\d{2}-\d{2}"), F.substring("date", 1, 10)
    ).otherwise(F.lit("undated"))
    events.withColumn("event_date", day).write.mode(mode).partitionBy("event_date").parquet(path)


def _columns(articles, columns):
    from pyspark.sql import functions as F

    names = {name: columns.get(name, name) for name in _INPUTS}
    unknown = set(columns) - set(_INPUTS)
    if unknown:
        raise TypeError(f"unknown column keywords {sorted(unknown)}; use {list(_INPUTS)}")
    if names["text"] not in articles.columns:
        raise ValueError(
            f"no column {names['text']!r} among {articles.columns}; "
            "name the article text column with text=..."
        )
    return [
        F.col(source).cast("string").alias(name)
        for name, source in names.items()
        if source in articles.columns
    ]


def _coder(threads_per_task, documents):
    def code_partition(batches):
        # Before kestrel's first use in this worker: Spark's tasks are the parallelism.
        os.environ.setdefault("RAYON_NUM_THREADS", str(threads_per_task))
        import kestrel

        for batch in batches:
            if batch.num_rows == 0:
                continue
            out = kestrel.code_batch(batch, documents=documents)
            yield out[1] if documents else out

    return code_partition
