//! Events as Parquet: one file, or a directory partitioned by date (`event_date=YYYY-MM-DD/`,
//! Hive style, which pyarrow, DuckDB, Spark and pandas read as a dataset).
//!
//! The columns are those of the CSV export, typed: integers as INT64, scores and coordinates
//! as DOUBLE, the rest as UTF-8 strings; every column is optional (null when absent).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::query::{EventRow, ParticipantRow};

enum Values {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
}

fn joined(list: &[ParticipantRow], f: impl Fn(&ParticipantRow) -> Option<&str>) -> Option<String> {
    (!list.is_empty()).then(|| {
        list.iter()
            .map(|p| f(p).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(";")
    })
}

fn columns(rows: &[&EventRow]) -> Vec<(&'static str, Values)> {
    let text =
        |f: &dyn Fn(&EventRow) -> Option<String>| Values::Text(rows.iter().map(|r| f(r)).collect());
    let int =
        |f: &dyn Fn(&EventRow) -> Option<i64>| Values::Int(rows.iter().map(|r| f(r)).collect());
    let float =
        |f: &dyn Fn(&EventRow) -> Option<f64>| Values::Float(rows.iter().map(|r| f(r)).collect());
    vec![
        ("event", int(&|r| Some(r.event))),
        ("date", text(&|r| r.date.clone())),
        ("type", text(&|r| Some(r.event_type.clone()))),
        ("mode", text(&|r| r.mode.clone())),
        ("cameo", text(&|r| Some(r.cameo.clone()))),
        ("goldstein", float(&|r| Some(r.goldstein))),
        ("quad_class", int(&|r| Some(r.quad_class))),
        ("modality", text(&|r| Some(r.modality.clone()))),
        (
            "actor_codes",
            text(&|r| joined(&r.actors, |p| p.code.as_deref())),
        ),
        (
            "actor_sectors",
            text(&|r| joined(&r.actors, |p| p.sector.as_deref())),
        ),
        (
            "actor_names",
            text(&|r| joined(&r.actors, |p| Some(&p.text))),
        ),
        (
            "recipient_codes",
            text(&|r| joined(&r.recipients, |p| p.code.as_deref())),
        ),
        (
            "recipient_sectors",
            text(&|r| joined(&r.recipients, |p| p.sector.as_deref())),
        ),
        (
            "recipient_names",
            text(&|r| joined(&r.recipients, |p| Some(&p.text))),
        ),
        (
            "recipient_implied",
            text(&|r| joined(&r.recipients, |p| Some(crate::export::implied_flag(p)))),
        ),
        (
            "place_name",
            text(&|r| r.place.as_ref().map(|p| p.name.clone())),
        ),
        (
            "place_country",
            text(&|r| r.place.as_ref().map(|p| p.country.clone())),
        ),
        (
            "place_admin1",
            text(&|r| r.place.as_ref().and_then(|p| p.admin1.clone())),
        ),
        (
            "place_level",
            text(&|r| r.place.as_ref().map(|p| p.level.clone())),
        ),
        ("lat", float(&|r| r.place.as_ref().map(|p| p.lat))),
        ("lon", float(&|r| r.place.as_ref().map(|p| p.lon))),
        ("geonameid", int(&|r| r.place.as_ref().map(|p| p.geonameid))),
        (
            "place_source",
            text(&|r| r.place.as_ref().map(|p| p.source.clone())),
        ),
        ("num_mentions", int(&|r| Some(r.num_mentions))),
        ("num_sources", int(&|r| Some(r.num_sources))),
        ("num_articles", int(&|r| Some(r.num_articles))),
        ("added", text(&|r| Some(r.added.clone()))),
        ("doc_id", text(&|r| Some(r.doc_id.clone()))),
        ("url", text(&|r| r.url.clone())),
        ("title", text(&|r| r.title.clone())),
        ("sentence", int(&|r| Some(r.sentence))),
        ("text", text(&|r| Some(r.sentence_text.clone()))),
        ("trigger", text(&|r| Some(r.trigger.clone()))),
    ]
}

/// Writes one Parquet file of events.
fn write_file(rows: &[&EventRow], path: &Path) -> Result<(), ParquetError> {
    let cols = columns(rows);
    let fields: Vec<String> = cols
        .iter()
        .map(|(name, v)| match v {
            Values::Text(_) => format!("optional binary {name} (UTF8);"),
            Values::Int(_) => format!("optional int64 {name};"),
            Values::Float(_) => format!("optional double {name};"),
        })
        .collect();
    let schema = Arc::new(parse_message_type(&format!(
        "message kestrel_events {{ {} }}",
        fields.join(" ")
    ))?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let file = std::fs::File::create(path)?;
    let mut writer = SerializedFileWriter::new(file, schema, props)?;
    let mut group = writer.next_row_group()?;
    let mut cols = cols.into_iter();
    while let Some(mut col) = group.next_column()? {
        let Some((_, values)) = cols.next() else {
            break;
        };
        let levels =
            |present: Vec<bool>| -> Vec<i16> { present.into_iter().map(i16::from).collect() };
        match values {
            Values::Text(v) => {
                let def = levels(v.iter().map(Option::is_some).collect());
                let data: Vec<ByteArray> = v
                    .into_iter()
                    .flatten()
                    .map(|s| ByteArray::from(s.into_bytes()))
                    .collect();
                col.typed::<ByteArrayType>()
                    .write_batch(&data, Some(&def), None)?;
            }
            Values::Int(v) => {
                let def = levels(v.iter().map(Option::is_some).collect());
                let data: Vec<i64> = v.into_iter().flatten().collect();
                col.typed::<Int64Type>()
                    .write_batch(&data, Some(&def), None)?;
            }
            Values::Float(v) => {
                let def = levels(v.iter().map(Option::is_some).collect());
                let data: Vec<f64> = v.into_iter().flatten().collect();
                col.typed::<DoubleType>()
                    .write_batch(&data, Some(&def), None)?;
            }
        }
        col.close()?;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

/// Writes events to `path`: one file when it ends in `.parquet`, else a directory with one
/// file per event date, `event_date=YYYY-MM-DD/events.parquet` (`event_date=unknown` for
/// events without a date).
pub fn write(rows: &[EventRow], path: &Path) -> Result<(), ParquetError> {
    let single = path.extension().is_some_and(|e| e == "parquet") && !path.is_dir();
    if single {
        let all: Vec<&EventRow> = rows.iter().collect();
        return write_file(&all, path);
    }
    let mut by_date: BTreeMap<&str, Vec<&EventRow>> = BTreeMap::new();
    for r in rows {
        by_date
            .entry(r.date.as_deref().unwrap_or("unknown"))
            .or_default()
            .push(r);
    }
    std::fs::create_dir_all(path)?;
    for (date, group) in by_date {
        let dir = path.join(format!("event_date={date}"));
        std::fs::create_dir_all(&dir)?;
        write_file(&group, &dir.join("events.parquet"))?;
    }
    Ok(())
}
