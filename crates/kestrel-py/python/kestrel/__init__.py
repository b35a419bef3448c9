"""Kestrel: code news into political event data.

>>> import kestrel
>>> doc = kestrel.code("Kenyan police arrested two protesters in Nairobi on Monday.",
...                    published="2026-03-02")
>>> [(e["type"], e["cameo"]) for e in doc["events"]]   # doctest: +SKIP
[('ARREST', '173')]

``code`` codes one text and returns the document as a dict (Kestrel's JSON, schema
kestrel/1, described in docs/schema.md). ``code_batch`` codes a ``pyarrow.RecordBatch`` of
articles on all cores, with the GIL released, and returns an events table (and a documents
table on request). The models load once per process, on first use or with ``load()``.
``kestrel.spark`` runs ``code_batch`` over a Spark DataFrame.
"""

from ._kestrel import code, code_batch, load, version

__version__ = version()

__all__ = ["code", "code_batch", "load", "version", "EVENT_COLUMNS", "DOCUMENT_COLUMNS"]

#: Columns of the events table that ``code_batch`` returns, in order.
EVENT_COLUMNS = [
    "doc_id", "event_index", "sentence", "sentence_text", "trigger", "trigger_start",
    "trigger_end", "date", "type", "mode", "cameo", "goldstein", "quad_class", "modality",
    "actor_codes", "actor_sectors", "actor_text", "recipient_codes", "recipient_sectors",
    "recipient_text", "recipient_implied", "place_name", "place_country", "place_lat",
    "place_lon", "plover",
]

#: Columns of the documents table that ``code_batch(..., documents=True)`` returns.
DOCUMENT_COLUMNS = ["id", "title", "published", "url", "text", "events", "json", "error"]
