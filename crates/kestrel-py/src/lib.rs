//! The `kestrel` Python module: Kestrel's standard pipeline over one text (`code`) or an Arrow
//! batch of articles (`code_batch`), with the models loaded once per process and the GIL
//! released while coding.

use std::sync::{Arc, OnceLock};

use arrow::array::{
    Array, ArrayRef, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::pyarrow::{PyArrowType, ToPyArrow};
use kestrel_core::output::{to_json, CharOffsets};
use kestrel_core::{Document, InputError, Pipeline, ReadOptions};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rayon::prelude::*;

static PIPELINE: OnceLock<Result<Pipeline, String>> = OnceLock::new();

/// The standard pipeline, loaded on first use and shared by every call and thread.
fn pipeline() -> PyResult<&'static Pipeline> {
    PIPELINE
        .get_or_init(|| kestrel::standard_pipeline().map_err(|e| format!("{e:#}")))
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot load Kestrel's models: {e}")))
}

/// As `kestrel code` reads JSON Lines: an `html` field is extracted like a web page.
fn read_options() -> ReadOptions {
    ReadOptions {
        web: Some(kestrel_web::read),
        ..ReadOptions::default()
    }
}

/// Reads and codes one article given as the fields of a JSON Lines record.
fn code_record(record: &serde_json::Value, fallback_id: &str) -> Result<Document, InputError> {
    let pipeline = pipeline().map_err(|e| InputError {
        id: Some(fallback_id.to_string()),
        source: "python".into(),
        line: None,
        message: e.to_string(),
    })?;
    let doc =
        kestrel_core::document_from_json_value(record, fallback_id, "python", &read_options())?;
    kestrel::run_pipeline(doc, pipeline)
}

fn record(
    id: Option<&str>,
    text: &str,
    published: Option<&str>,
    url: Option<&str>,
    title: Option<&str>,
) -> serde_json::Value {
    let mut obj = serde_json::Map::new();
    obj.insert("text".into(), text.into());
    for (key, value) in [
        ("id", id),
        ("published", published),
        ("url", url),
        ("title", title),
    ] {
        if let Some(v) = value {
            obj.insert(key.into(), v.into());
        }
    }
    serde_json::Value::Object(obj)
}

/// Codes one article and returns the document as a dict (Kestrel's JSON, schema kestrel/1).
#[pyfunction]
#[pyo3(signature = (text, published=None, id=None, url=None, title=None))]
fn code(
    py: Python<'_>,
    text: &str,
    published: Option<&str>,
    id: Option<&str>,
    url: Option<&str>,
    title: Option<&str>,
) -> PyResult<PyObject> {
    pipeline()?;
    let rec = record(id, text, published, url, title);
    let json = py
        .allow_threads(|| code_record(&rec, "doc").map(|d| to_json(&d)))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}

/// A column of the input batch as strings, whatever its Arrow type (dates and numbers are
/// written as text); none when the batch has no such column.
fn text_column(batch: &RecordBatch, name: &str) -> PyResult<Option<StringArray>> {
    let Some(col) = batch.column_by_name(name) else {
        return Ok(None);
    };
    let cast = arrow::compute::cast(col, &DataType::Utf8).map_err(|e| {
        PyValueError::new_err(format!(
            "column {name:?} ({}) cannot be read as text: {e}",
            col.data_type()
        ))
    })?;
    Ok(cast.as_any().downcast_ref::<StringArray>().cloned())
}

fn value(col: &Option<StringArray>, i: usize) -> Option<&str> {
    col.as_ref().filter(|c| c.is_valid(i)).map(|c| c.value(i))
}

/// The events table's columns, in order.
fn events_schema() -> Schema {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    Schema::new(vec![
        Field::new("doc_id", DataType::Utf8, false),
        Field::new("event_index", DataType::Int32, false),
        Field::new("sentence", DataType::Int32, false),
        s("sentence_text"),
        s("trigger"),
        Field::new("trigger_start", DataType::Int64, false),
        Field::new("trigger_end", DataType::Int64, false),
        s("date"),
        s("type"),
        s("mode"),
        s("cameo"),
        Field::new("goldstein", DataType::Float64, true),
        Field::new("quad_class", DataType::Int32, true),
        s("modality"),
        s("actor_codes"),
        s("actor_sectors"),
        s("actor_text"),
        s("recipient_codes"),
        s("recipient_sectors"),
        s("recipient_text"),
        s("recipient_implied"),
        s("place_name"),
        s("place_country"),
        Field::new("place_lat", DataType::Float64, true),
        Field::new("place_lon", DataType::Float64, true),
        s("plover"),
    ])
}

fn documents_schema() -> Schema {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    Schema::new(vec![
        Field::new("id", DataType::Utf8, false),
        s("title"),
        s("published"),
        s("url"),
        s("text"),
        Field::new("events", DataType::Int32, false),
        s("json"),
        s("error"),
    ])
}

/// One string column of the events table, filled row by row.
#[derive(Default)]
struct Texts(Vec<Option<String>>);

impl Texts {
    fn push(&mut self, v: Option<String>) {
        self.0.push(v);
    }
    fn array(self) -> ArrayRef {
        Arc::new(StringArray::from(self.0))
    }
}

/// Codes (or sectors, or words) of a list of participants, `;`-joined, one place per
/// participant (empty where one has none, so that the lists line up); null when none has one.
fn joined(
    list: &[kestrel_core::Participant],
    f: impl Fn(&kestrel_core::Participant) -> Option<String>,
) -> Option<String> {
    let parts: Vec<String> = list.iter().map(|p| f(p).unwrap_or_default()).collect();
    parts.iter().any(|p| !p.is_empty()).then(|| parts.join(";"))
}

fn events_batch(results: &[(String, Result<Document, InputError>)]) -> PyResult<RecordBatch> {
    let (mut doc_id, mut sentence_text, mut trigger, mut date) = (
        Texts::default(),
        Texts::default(),
        Texts::default(),
        Texts::default(),
    );
    let (mut event_type, mut mode, mut cameo, mut modality) = (
        Texts::default(),
        Texts::default(),
        Texts::default(),
        Texts::default(),
    );
    let mut people: [Texts; 6] = Default::default();
    let mut implied = Texts::default();
    let (mut place_name, mut place_country, mut plover_col) =
        (Texts::default(), Texts::default(), Texts::default());
    let (mut index, mut sentence, mut quad) = (Vec::new(), Vec::new(), Vec::new());
    let (mut start, mut end) = (Vec::new(), Vec::new());
    let (mut goldstein, mut lat, mut lon) = (Vec::new(), Vec::new(), Vec::new());
    for (_, result) in results {
        let Ok(doc) = result else { continue };
        let chars = CharOffsets::new(&doc.text);
        let plover = kestrel_events::plover::to_plover_jsonl(doc);
        let mut plover = plover.lines();
        for (i, e) in doc.events.iter().enumerate() {
            let place = e.place.and_then(|p| doc.places.get(p));
            doc_id.push(Some(doc.id.clone()));
            index.push(i as i32);
            sentence.push(e.sentence as i32);
            sentence_text.push(
                doc.sentences
                    .get(e.sentence)
                    .map(|s| doc.slice(s.span).to_string()),
            );
            trigger.push(Some(doc.slice(e.trigger).to_string()));
            start.push(chars.char_at(e.trigger.start) as i64);
            end.push(chars.char_at(e.trigger.end) as i64);
            date.push(e.date.clone());
            event_type.push(Some(e.plover_type.clone()));
            mode.push(e.mode.clone());
            cameo.push(Some(e.cameo.clone()));
            goldstein.push(Some(e.goldstein_f64()));
            quad.push(Some(e.quad_class as i32));
            modality.push(Some(e.modality.name().to_string()));
            for (k, list) in [(0, &e.actors), (3, &e.recipients)] {
                people[k].push(joined(list, |p| p.code.clone()));
                people[k + 1].push(joined(list, |p| p.sector.clone()));
                people[k + 2].push(joined(list, |p| Some(doc.slice(p.span).to_string())));
            }
            // A protest's target named by no words (see `implied` in docs/schema.md).
            implied.push(joined(&e.recipients, |p| {
                Some(if p.implied { "1" } else { "0" }.to_string())
            }));
            place_name.push(place.map(|p| p.name.clone()));
            place_country.push(place.map(|p| p.country.clone()));
            lat.push(place.map(|p| p.lat));
            lon.push(place.map(|p| p.lon));
            plover_col.push(plover.next().map(str::to_string));
        }
    }
    let [actor_codes, actor_sectors, actor_text, recipient_codes, recipient_sectors, recipient_text] =
        people;
    let columns: Vec<ArrayRef> = vec![
        doc_id.array(),
        Arc::new(Int32Array::from(index)),
        Arc::new(Int32Array::from(sentence)),
        sentence_text.array(),
        trigger.array(),
        Arc::new(Int64Array::from(start)),
        Arc::new(Int64Array::from(end)),
        date.array(),
        event_type.array(),
        mode.array(),
        cameo.array(),
        Arc::new(Float64Array::from(goldstein)),
        Arc::new(Int32Array::from(quad)),
        modality.array(),
        actor_codes.array(),
        actor_sectors.array(),
        actor_text.array(),
        recipient_codes.array(),
        recipient_sectors.array(),
        recipient_text.array(),
        implied.array(),
        place_name.array(),
        place_country.array(),
        Arc::new(Float64Array::from(lat)),
        Arc::new(Float64Array::from(lon)),
        plover_col.array(),
    ];
    RecordBatch::try_new(Arc::new(events_schema()), columns)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot build the events table: {e}")))
}

fn documents_batch(results: &[(String, Result<Document, InputError>)]) -> PyResult<RecordBatch> {
    let (mut id, mut title, mut published, mut url) = (
        Texts::default(),
        Texts::default(),
        Texts::default(),
        Texts::default(),
    );
    let (mut text, mut json, mut error) = (Texts::default(), Texts::default(), Texts::default());
    let mut events = Vec::new();
    for (row_id, result) in results {
        match result {
            Ok(doc) => {
                id.push(Some(doc.id.clone()));
                title.push(doc.title.clone());
                published.push(doc.published.clone());
                url.push(doc.url.clone());
                text.push(Some(doc.text.clone()));
                events.push(doc.events.len() as i32);
                json.push(Some(to_json(doc)));
                error.push(None);
            }
            Err(e) => {
                id.push(Some(e.id.clone().unwrap_or_else(|| row_id.clone())));
                for col in [&mut title, &mut published, &mut url, &mut text, &mut json] {
                    col.push(None);
                }
                events.push(0);
                error.push(Some(e.message.clone()));
            }
        }
    }
    let columns: Vec<ArrayRef> = vec![
        id.array(),
        title.array(),
        published.array(),
        url.array(),
        text.array(),
        Arc::new(Int32Array::from(events)),
        json.array(),
        error.array(),
    ];
    RecordBatch::try_new(Arc::new(documents_schema()), columns)
        .map_err(|e| PyRuntimeError::new_err(format!("cannot build the documents table: {e}")))
}

/// Codes a batch of articles: columns `text` (required), `id`, `published`, `url`, `title`.
/// Returns the events table, or (events, documents) when `documents` is true. An article
/// that cannot be coded gives no events and, in the documents table, a row with `error`.
#[pyfunction]
#[pyo3(signature = (batch, documents=false))]
fn code_batch(
    py: Python<'_>,
    batch: PyArrowType<RecordBatch>,
    documents: bool,
) -> PyResult<PyObject> {
    let batch = batch.0;
    pipeline()?;
    let text = text_column(&batch, "text")?;
    text.as_ref().ok_or_else(|| {
        PyValueError::new_err(format!(
            "the batch has no column \"text\" (it has: {}); name the article text column text",
            batch
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })?;
    let id = text_column(&batch, "id")?;
    let published = text_column(&batch, "published")?;
    let url = text_column(&batch, "url")?;
    let title = text_column(&batch, "title")?;
    let results: Vec<(String, Result<Document, InputError>)> = py.allow_threads(|| {
        (0..batch.num_rows())
            .into_par_iter()
            .map(|i| {
                let row_id = value(&id, i).map_or_else(|| i.to_string(), str::to_string);
                let Some(body) = value(&text, i) else {
                    let err = InputError {
                        id: Some(row_id.clone()),
                        source: "python".into(),
                        line: None,
                        message: "text is null".into(),
                    };
                    return (row_id, Err(err));
                };
                let rec = record(
                    Some(&row_id),
                    body,
                    value(&published, i),
                    value(&url, i),
                    value(&title, i),
                );
                let coded = code_record(&rec, &row_id);
                (row_id, coded)
            })
            .collect()
    });
    let events = events_batch(&results)?.to_pyarrow(py)?;
    if !documents {
        return Ok(events);
    }
    let docs = documents_batch(&results)?.to_pyarrow(py)?;
    Ok(PyTuple::new(py, [events, docs])?.into_any().unbind())
}

/// The version of Kestrel in this module.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Loads the models now rather than on the first call (about a second).
#[pyfunction]
fn load() -> PyResult<()> {
    pipeline().map(|_| ())
}

#[pymodule]
fn _kestrel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(code, m)?)?;
    m.add_function(wrap_pyfunction!(code_batch, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    Ok(())
}
