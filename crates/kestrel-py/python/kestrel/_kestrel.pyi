from typing import Any, Dict, Literal, Optional, Tuple, Union, overload

import pyarrow

def code(
    text: str,
    published: Optional[str] = None,
    id: Optional[str] = None,
    url: Optional[str] = None,
    title: Optional[str] = None,
) -> Dict[str, Any]:
    """Codes one article; returns the document (schema kestrel/1) as a dict.

    ``published`` is the publication date (YYYY-MM-DD or an RFC 3339 date-time), against
    which relative dates ("on Friday") are resolved and actors' offices are looked up.
    Raises ValueError when the article cannot be read.
    """

@overload
def code_batch(batch: pyarrow.RecordBatch, documents: Literal[False] = False) -> pyarrow.RecordBatch: ...
@overload
def code_batch(
    batch: pyarrow.RecordBatch, documents: Literal[True]
) -> Tuple[pyarrow.RecordBatch, pyarrow.RecordBatch]: ...
def code_batch(
    batch: pyarrow.RecordBatch, documents: bool = False
) -> Union[pyarrow.RecordBatch, Tuple[pyarrow.RecordBatch, pyarrow.RecordBatch]]:
    """Codes a batch of articles on all cores, with the GIL released.

    Input columns: ``text`` (required), ``id``, ``published``, ``url``, ``title`` (any
    type that casts to text: strings, dates, timestamps, integers). Without ``id`` the row
    number in the batch is the id. Returns the events table (``kestrel.EVENT_COLUMNS``), or
    (events, documents) with ``documents=True``; an article that cannot be coded has no
    events and a documents row whose ``error`` says why.
    """

def load() -> None:
    """Loads the models now instead of on the first call."""

def version() -> str:
    """Kestrel's version."""
