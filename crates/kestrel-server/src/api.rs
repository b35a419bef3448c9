//! The JSON API under `/api`, and its OpenAPI description.

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kestrel_store::{CountKey, Cursor, EventRow, StoreError, Stored};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::AppState;

type Shared = Arc<AppState>;

/// The OpenAPI description of the API, generated from the handlers and types below.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kestrel",
        description = "Political event data coded from news: events (PLOVER and CAMEO) with their actors, places and the sentences they came from, and the documents they were coded from."
    ),
    paths(
        health, list_events, get_event, counts, timeline, network, list_actors, get_actor,
        list_documents, get_document, post_document
    ),
    tags((name = "events"), (name = "actors"), (name = "documents"), (name = "store"))
)]
pub struct ApiDoc;

pub(crate) fn routes() -> Router<Shared> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(list_events))
        .route("/api/events/{id}", get(get_event))
        .route("/api/counts", get(counts))
        .route("/api/timeline", get(timeline))
        .route("/api/network", get(network))
        .route("/api/actors", get(list_actors))
        .route("/api/actors/{code}", get(get_actor))
        .route("/api/documents", get(list_documents).post(post_document))
        .route("/api/documents/{*id}", get(get_document))
        .route("/api/openapi.json", get(openapi))
        .route("/api/docs", get(docs))
        .fallback(not_found)
}

// ---------------------------------------------------------------- errors

/// An error: what went wrong and what to do about it.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    /// The HTTP status.
    status: u16,
    /// What went wrong.
    error: String,
}

impl ApiError {
    fn new(status: StatusCode, error: impl Into<String>) -> ApiError {
        ApiError {
            status: status.as_u16(),
            error: error.into(),
        }
    }

    fn bad_request(error: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, error)
    }

    fn not_found(error: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, Json(self)).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::BadQuery(m) => ApiError::bad_request(m),
            other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> ApiError {
        ApiError::bad_request(format!("query parameters: {}", e.body_text()))
    }
}

impl From<PathRejection> for ApiError {
    fn from(e: PathRejection) -> ApiError {
        ApiError::bad_request(format!("path: {}", e.body_text()))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(e: JsonRejection) -> ApiError {
        ApiError::new(e.status(), format!("request body: {}", e.body_text()))
    }
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint; the API is described at /api/openapi.json and /api/docs")
}

/// Runs store work on a blocking thread, within the concurrency limit and the timeout.
async fn blocking<T: Send + 'static>(
    state: &Shared,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let busy = || {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request took longer than {} s; narrow the filters or try again",
                state.timeout.as_secs_f32()
            ),
        )
    };
    let deadline = tokio::time::Instant::now() + state.timeout;
    let permit = tokio::time::timeout_at(deadline, state.permits.acquire())
        .await
        .map_err(|_| busy())?
        .map_err(|_| busy())?;
    let shared = Arc::clone(state);
    let task = tokio::task::spawn_blocking(move || work(&shared));
    let out = tokio::time::timeout_at(deadline, task).await;
    drop(permit);
    match out {
        Err(_) => Err(busy()),
        Ok(Err(join)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("internal error: {join}; please report it with the request"),
        )),
        Ok(Ok(result)) => result,
    }
}

// ---------------------------------------------------------------- parameters

/// Event filters, as `kestrel query` takes them.
#[derive(Deserialize, IntoParams, Default, Clone)]
#[into_params(parameter_in = Query)]
pub struct EventFilters {
    /// First date, YYYY-MM-DD, inclusive.
    from: Option<String>,
    /// Last date, YYYY-MM-DD, inclusive.
    to: Option<String>,
    /// An actor's code (USA, IGOUNO).
    actor: Option<String>,
    /// A recipient's code.
    recipient: Option<String>,
    /// A sector (GOV, MIL, REB, ...) of an actor or recipient.
    sector: Option<String>,
    /// A PLOVER event type (PROTEST).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    event_type: Option<String>,
    /// A CAMEO code prefix (14, 141).
    cameo: Option<String>,
    /// Country (ISO alpha-3) where it happened.
    country: Option<String>,
    /// Place name where it happened.
    place: Option<String>,
    /// Full-text query over the reporting articles (FTS5: words, "phrases", AND, OR, NOT, prefix*).
    text: Option<String>,
}

impl EventFilters {
    fn query(&self) -> kestrel_store::Query {
        let given = |s: &Option<String>| {
            s.as_ref()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        kestrel_store::Query {
            from: given(&self.from),
            to: given(&self.to),
            actor: given(&self.actor),
            recipient: given(&self.recipient),
            sector: given(&self.sector),
            event_type: given(&self.event_type),
            cameo: given(&self.cameo),
            country: given(&self.country),
            place: given(&self.place),
            text: given(&self.text),
            ..kestrel_store::Query::default()
        }
    }
}

/// A page of results.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// Results per page (1 to 1000; default 50).
    limit: Option<usize>,
    /// Where the page starts: `next_cursor` of the previous page.
    cursor: Option<String>,
}

const DEFAULT_PAGE: usize = 50;
const MAX_PAGE: usize = 1000;

fn page_size(limit: Option<usize>) -> Result<usize, ApiError> {
    match limit {
        None => Ok(DEFAULT_PAGE),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad_request(format!(
            "limit {n} is out of range; ask for 1 to {MAX_PAGE} per page and follow next_cursor"
        ))),
    }
}

// ---------------------------------------------------------------- responses

/// An actor or recipient of an event.
#[derive(Serialize, ToSchema)]
pub struct Participant {
    /// The words naming it in the first report.
    text: String,
    /// Character offset of those words in the first report's document.
    start: i64,
    /// Its code (country ISO alpha-3, or an organisation code).
    code: Option<String>,
    /// Its sector (GOV, MIL, ...).
    sector: Option<String>,
    /// Named by no words but implied by the event (a protest's own government); absent
    /// otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    implied: bool,
}

/// Where an event happened.
#[derive(Serialize, ToSchema)]
pub struct Place {
    /// GeoNames name.
    name: String,
    /// Country, ISO alpha-3.
    country: String,
    /// First-order administrative division (state, province), when known.
    admin1: Option<String>,
    /// `country`, `admin1`, `admin2`, `city` or `region`.
    level: String,
    /// Latitude.
    lat: f64,
    /// Longitude.
    lon: f64,
    /// GeoNames id.
    geonameid: i64,
    /// Where the place was read: `text`, `dateline` or `article`.
    source: String,
}

/// A deduplicated event.
#[derive(Serialize, ToSchema)]
pub struct Event {
    /// The event's id (GDELT's GLOBALEVENTID).
    id: i64,
    /// Its date, YYYY-MM-DD.
    date: Option<String>,
    /// PLOVER event type.
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    event_type: String,
    /// PLOVER mode.
    mode: Option<String>,
    /// CAMEO code (a string: leading zeros count).
    cameo: String,
    /// Goldstein score, -10 to 10.
    goldstein: f64,
    /// CAMEO quad class, 1 to 4.
    quad_class: i64,
    /// `asserted` or `future`.
    modality: String,
    /// Who acted.
    actors: Vec<Participant>,
    /// On whom.
    recipients: Vec<Participant>,
    /// Where.
    place: Option<Place>,
    /// Reports of the event (sentences).
    num_mentions: i64,
    /// Outlets that reported it.
    num_sources: i64,
    /// Articles that reported it.
    num_articles: i64,
    /// When it was stored (UTC).
    added: String,
    /// The first report: where the event was read.
    first_report: Report,
}

/// One report of an event: the document, sentence and words it was read from.
#[derive(Serialize, ToSchema)]
pub struct Report {
    /// The document's id.
    doc_id: String,
    /// The document's headline.
    title: Option<String>,
    /// Index of the sentence in the document.
    sentence: i64,
    /// The sentence.
    sentence_text: String,
    /// The trigger's words.
    trigger: String,
    /// Character offset of the trigger in the document (absent in lists of events).
    #[serde(skip_serializing_if = "Option::is_none")]
    trigger_start: Option<i64>,
    /// Index of the event in the document's `events` (absent in lists of events).
    #[serde(skip_serializing_if = "Option::is_none")]
    seq: Option<i64>,
    /// Outlet (absent in lists of events).
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<String>,
    /// The document's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

fn event_json(r: EventRow) -> Event {
    let participant = |p: kestrel_store::ParticipantRow| Participant {
        text: p.text,
        start: p.start,
        code: p.code,
        sector: p.sector,
        implied: p.implied,
    };
    Event {
        id: r.event,
        date: r.date,
        event_type: r.event_type,
        mode: r.mode,
        cameo: r.cameo,
        goldstein: r.goldstein,
        quad_class: r.quad_class,
        modality: r.modality,
        actors: r.actors.into_iter().map(participant).collect(),
        recipients: r.recipients.into_iter().map(participant).collect(),
        place: r.place.map(|p| Place {
            name: p.name,
            country: p.country,
            admin1: p.admin1,
            level: p.level,
            lat: p.lat,
            lon: p.lon,
            geonameid: p.geonameid,
            source: p.source,
        }),
        num_mentions: r.num_mentions,
        num_sources: r.num_sources,
        num_articles: r.num_articles,
        added: r.added,
        first_report: Report {
            doc_id: r.doc_id,
            title: r.title,
            sentence: r.sentence,
            sentence_text: r.sentence_text,
            trigger: r.trigger,
            trigger_start: None,
            seq: None,
            site: None,
            url: r.url,
        },
    }
}

/// A page of events.
#[derive(Serialize, ToSchema)]
pub struct EventPage {
    /// The events, by date then id.
    events: Vec<Event>,
    /// Pass as `cursor` for the next page; absent on the last page.
    next_cursor: Option<String>,
}

/// What the store holds.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the store answers.
    status: &'static str,
    /// Documents stored.
    documents: i64,
    /// Event mentions (reports) stored.
    mentions: i64,
    /// Events after deduplication.
    events: i64,
    /// Documents that could not be read or coded.
    failures: i64,
    /// The store's schema version.
    schema_version: i64,
    /// Whether `POST /api/documents` is open.
    ingest: bool,
}

/// What the store holds.
#[utoipa::path(get, path = "/api/health", tag = "store", responses((status = 200, body = Health)))]
async fn health(State(state): State<Shared>) -> Result<Json<Health>, ApiError> {
    let ingest = state.ingest.is_some();
    let [documents, mentions, events, failures] =
        blocking(&state, |s| Ok(s.reads.with(|st| st.counts())?)).await?;
    Ok(Json(Health {
        status: "ok",
        documents,
        mentions,
        events,
        failures,
        schema_version: kestrel_store::SCHEMA_VERSION,
        ingest,
    }))
}

/// Events that match the filters, a page at a time.
#[utoipa::path(
    get, path = "/api/events", tag = "events",
    params(EventFilters, Page),
    responses((status = 200, body = EventPage), (status = 400, body = ApiError))
)]
async fn list_events(
    State(state): State<Shared>,
    filters: Result<Query<EventFilters>, QueryRejection>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<EventPage>, ApiError> {
    let Query(filters) = filters?;
    let Query(page) = page?;
    let mut q = filters.query();
    let page = events_page(&state, &mut q, &page).await?;
    Ok(Json(page))
}

async fn events_page(
    state: &Shared,
    q: &mut kestrel_store::Query,
    page: &Page,
) -> Result<EventPage, ApiError> {
    let size = page_size(page.limit)?;
    q.after = page.cursor.as_deref().map(Cursor::from_token).transpose()?;
    // One more than the page: tells whether there is a next one.
    q.limit = Some(size + 1);
    let q = q.clone();
    let mut rows = blocking(state, move |s| Ok(s.reads.with(|st| st.events(&q))?)).await?;
    let next_cursor = if rows.len() > size {
        rows.truncate(size);
        rows.last().map(|r| Cursor::after(r).to_token())
    } else {
        None
    };
    Ok(EventPage {
        events: rows.into_iter().map(event_json).collect(),
        next_cursor,
    })
}

/// An event with every report of it.
#[derive(Serialize, ToSchema)]
pub struct EventDetail {
    /// The event.
    event: Event,
    /// Every report of it, in the order they were stored.
    reports: Vec<Report>,
}

/// One event and every report of it.
#[utoipa::path(
    get, path = "/api/events/{id}", tag = "events",
    params(("id" = i64, Path, description = "The event's id")),
    responses((status = 200, body = EventDetail), (status = 404, body = ApiError))
)]
async fn get_event(
    State(state): State<Shared>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<EventDetail>, ApiError> {
    let Path(id) = id?;
    let (event, mentions) = blocking(&state, move |s| {
        Ok(s.reads
            .with(|st| Ok((st.event(id)?, st.event_mentions(id)?)))?)
    })
    .await?;
    let event = event.ok_or_else(|| ApiError::not_found(format!("no event {id}")))?;
    let reports = mentions
        .into_iter()
        .map(|m| Report {
            doc_id: m.doc_id,
            title: m.title,
            sentence: m.sentence,
            sentence_text: m.sentence_text,
            trigger: m.trigger,
            trigger_start: Some(m.trigger_start),
            seq: Some(m.seq),
            site: Some(m.site),
            url: None,
        })
        .collect();
    Ok(Json(EventDetail {
        event: event_json(event),
        reports,
    }))
}

/// How to group counts.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CountParams {
    /// day, month, type, cameo, quad_class or country.
    by: String,
    /// At most this many groups (default 1000, at most 10000).
    limit: Option<usize>,
}

/// One group and its events.
#[derive(Serialize, ToSchema)]
pub struct Count {
    /// The group (a date, a type, a country code, ...).
    key: String,
    /// Events in it.
    events: i64,
}

/// Event counts by one key.
#[derive(Serialize, ToSchema)]
pub struct Counts {
    /// The key.
    by: String,
    /// Dates in order; other keys largest first.
    counts: Vec<Count>,
}

/// Counts of the events that match, by day, month, type, CAMEO root, quad class or country.
#[utoipa::path(
    get, path = "/api/counts", tag = "events",
    params(CountParams, EventFilters),
    responses((status = 200, body = Counts), (status = 400, body = ApiError))
)]
async fn counts(
    State(state): State<Shared>,
    params: Result<Query<CountParams>, QueryRejection>,
    filters: Result<Query<EventFilters>, QueryRejection>,
) -> Result<Json<Counts>, ApiError> {
    let Query(params) = params?;
    let Query(filters) = filters?;
    let key = CountKey::from_name(&params.by).ok_or_else(|| {
        ApiError::bad_request(format!(
            "by={:?}: count by day, month, type, cameo, quad_class or country",
            params.by
        ))
    })?;
    let limit = params.limit.unwrap_or(1000).clamp(1, 10_000);
    let q = filters.query();
    let rows = blocking(&state, move |s| {
        Ok(s.reads.with(|st| st.count_by(&q, key, limit))?)
    })
    .await?;
    Ok(Json(Counts {
        by: key.name().to_string(),
        counts: rows
            .into_iter()
            .map(|(key, events)| Count { key, events })
            .collect(),
    }))
}

/// Events of one day by quad class.
#[derive(Serialize, ToSchema)]
pub struct TimelineDay {
    /// YYYY-MM-DD.
    date: String,
    /// Events of quad class 1 to 4: verbal cooperation, material cooperation, verbal
    /// conflict, material conflict.
    quad_classes: [i64; 4],
}

/// Events per day.
#[derive(Serialize, ToSchema)]
pub struct Timeline {
    /// Days with events, in order.
    days: Vec<TimelineDay>,
}

/// Events that match per day and quad class.
#[utoipa::path(
    get, path = "/api/timeline", tag = "events",
    params(EventFilters),
    responses((status = 200, body = Timeline), (status = 400, body = ApiError))
)]
async fn timeline(
    State(state): State<Shared>,
    filters: Result<Query<EventFilters>, QueryRejection>,
) -> Result<Json<Timeline>, ApiError> {
    let Query(filters) = filters?;
    let q = filters.query();
    let days = blocking(&state, move |s| Ok(s.reads.with(|st| st.timeline(&q))?)).await?;
    Ok(Json(Timeline {
        days: days
            .into_iter()
            .map(|d| TimelineDay {
                date: d.date,
                quad_classes: d.quad_classes,
            })
            .collect(),
    }))
}

/// How many edges.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NetworkParams {
    /// At most this many pairs (default 100, at most 2000).
    limit: Option<usize>,
}

/// Events from one actor to one recipient.
#[derive(Serialize, ToSchema)]
pub struct Edge {
    /// The actor: code, then sector (`RUS GOV`).
    actor: String,
    /// The recipient.
    recipient: String,
    /// Events between them in that direction.
    events: i64,
}

/// Who acts on whom.
#[derive(Serialize, ToSchema)]
pub struct Network {
    /// Pairs, most events first.
    edges: Vec<Edge>,
}

/// Who acts on whom among the events that match: coded actor and recipient pairs.
#[utoipa::path(
    get, path = "/api/network", tag = "actors",
    params(NetworkParams, EventFilters),
    responses((status = 200, body = Network), (status = 400, body = ApiError))
)]
async fn network(
    State(state): State<Shared>,
    params: Result<Query<NetworkParams>, QueryRejection>,
    filters: Result<Query<EventFilters>, QueryRejection>,
) -> Result<Json<Network>, ApiError> {
    let Query(params) = params?;
    let Query(filters) = filters?;
    let limit = params.limit.unwrap_or(100).clamp(1, 2000);
    let q = filters.query();
    let edges = blocking(&state, move |s| {
        Ok(s.reads.with(|st| st.network(&q, limit))?)
    })
    .await?;
    Ok(Json(Network {
        edges: edges
            .into_iter()
            .map(|e| Edge {
                actor: e.actor,
                recipient: e.recipient,
                events: e.events,
            })
            .collect(),
    }))
}

/// Which actors.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActorParams {
    /// Codes that start with this (USA, IGO).
    prefix: Option<String>,
    /// At most this many (default 50, at most 1000).
    limit: Option<usize>,
}

/// An actor code and how often it appears.
#[derive(Serialize, ToSchema)]
pub struct Actor {
    /// The code.
    code: String,
    /// Reports where it acts.
    as_actor: i64,
    /// Reports where it is the recipient.
    as_recipient: i64,
    /// The words that name it most often.
    names: Vec<String>,
    /// Its sectors, most frequent first.
    sectors: Vec<String>,
}

fn actor_json(a: kestrel_store::ActorSummary) -> Actor {
    Actor {
        code: a.code,
        as_actor: a.as_actor,
        as_recipient: a.as_recipient,
        names: a.names,
        sectors: a.sectors,
    }
}

/// Actors.
#[derive(Serialize, ToSchema)]
pub struct ActorList {
    /// Most mentioned first.
    actors: Vec<Actor>,
}

/// Actor codes in the store, most mentioned first.
#[utoipa::path(
    get, path = "/api/actors", tag = "actors",
    params(ActorParams),
    responses((status = 200, body = ActorList), (status = 400, body = ApiError))
)]
async fn list_actors(
    State(state): State<Shared>,
    params: Result<Query<ActorParams>, QueryRejection>,
) -> Result<Json<ActorList>, ApiError> {
    let Query(params) = params?;
    let limit = params.limit.unwrap_or(50).clamp(1, 1000);
    let prefix = params.prefix;
    let actors = blocking(&state, move |s| {
        Ok(s.reads.with(|st| st.actors(prefix.as_deref(), limit))?)
    })
    .await?;
    Ok(Json(ActorList {
        actors: actors.into_iter().map(actor_json).collect(),
    }))
}

/// An actor and its events.
#[derive(Serialize, ToSchema)]
pub struct ActorDetail {
    /// The actor.
    actor: Actor,
    /// A page of events where it acts or is acted on.
    events: EventPage,
}

/// One actor code with its events (as actor or recipient), a page at a time.
#[utoipa::path(
    get, path = "/api/actors/{code}", tag = "actors",
    params(("code" = String, Path, description = "The actor's code"), EventFilters, Page),
    responses((status = 200, body = ActorDetail), (status = 404, body = ApiError))
)]
async fn get_actor(
    State(state): State<Shared>,
    code: Result<Path<String>, PathRejection>,
    filters: Result<Query<EventFilters>, QueryRejection>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<ActorDetail>, ApiError> {
    let Path(code) = code?;
    let Query(filters) = filters?;
    let Query(page) = page?;
    let wanted = code.clone();
    let actor = blocking(&state, move |s| Ok(s.reads.with(|st| st.actor(&wanted))?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no actor with code {code:?} in the store")))?;
    let mut q = filters.query();
    q.participant = Some(actor.code.clone());
    let events = events_page(&state, &mut q, &page).await?;
    Ok(Json(ActorDetail {
        actor: actor_json(actor),
        events,
    }))
}

/// Which documents.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentParams {
    /// Full-text query over titles and texts (FTS5 syntax).
    text: Option<String>,
    /// Results per page (1 to 1000; default 50).
    limit: Option<usize>,
    /// Where the page starts: `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// A stored document, without its layers.
#[derive(Serialize, ToSchema)]
pub struct DocumentSummary {
    /// The document's id.
    id: String,
    /// Headline.
    title: Option<String>,
    /// Publication date.
    published: Option<String>,
    /// Outlet.
    site: String,
    /// Address.
    url: Option<String>,
    /// Where it was read from.
    source: Option<String>,
    /// Characters of cleaned text.
    length: i64,
    /// Event reports coded from it.
    events: i64,
}

/// A page of documents.
#[derive(Serialize, ToSchema)]
pub struct DocumentPage {
    /// In the order they were stored.
    documents: Vec<DocumentSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    next_cursor: Option<String>,
}

/// Stored documents, optionally matching a full-text query, a page at a time.
#[utoipa::path(
    get, path = "/api/documents", tag = "documents",
    params(DocumentParams),
    responses((status = 200, body = DocumentPage), (status = 400, body = ApiError))
)]
async fn list_documents(
    State(state): State<Shared>,
    params: Result<Query<DocumentParams>, QueryRejection>,
) -> Result<Json<DocumentPage>, ApiError> {
    let Query(params) = params?;
    let size = page_size(params.limit)?;
    let after = match params.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => Some(c.parse::<i64>().map_err(|_| {
            ApiError::bad_request(format!("cursor {c:?} is not one this server gave"))
        })?),
    };
    let text = params.text.filter(|t| !t.trim().is_empty());
    let mut rows = blocking(&state, move |s| {
        Ok(s.reads
            .with(|st| st.documents(text.as_deref(), after, size + 1))?)
    })
    .await?;
    let next_cursor = if rows.len() > size {
        rows.truncate(size);
        rows.last().map(|r| r.row.to_string())
    } else {
        None
    };
    Ok(Json(DocumentPage {
        documents: rows
            .into_iter()
            .map(|d| DocumentSummary {
                id: d.id,
                title: d.title,
                published: d.published,
                site: d.site,
                url: d.url,
                source: d.source,
                length: d.length,
                events: d.events,
            })
            .collect(),
        next_cursor,
    }))
}

/// Where one of a document's events was stored.
#[derive(Serialize, ToSchema)]
pub struct StoredEvent {
    /// Index in the document's `events`.
    seq: usize,
    /// The deduplicated event it is a report of.
    event: i64,
}

/// A document with all its layers.
#[derive(Serialize, ToSchema)]
pub struct DocumentDetail {
    /// The document in Kestrel's JSON (schema kestrel/1, docs/schema.md): text, sentences with
    /// tokens, entities, quotes, events, places, dates, amounts, and what cleaning removed.
    #[schema(value_type = Object)]
    document: serde_json::Value,
    /// For each of the document's events, the deduplicated event it belongs to.
    stored_events: Vec<StoredEvent>,
}

/// One document with all its layers.
#[utoipa::path(
    get, path = "/api/documents/{id}", tag = "documents",
    params(("id" = String, Path, description = "The document's id")),
    responses((status = 200, body = DocumentDetail), (status = 404, body = ApiError))
)]
async fn get_document(
    State(state): State<Shared>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<DocumentDetail>, ApiError> {
    let Path(id) = id?;
    let wanted = id.clone();
    let (json, events) = blocking(&state, move |s| {
        Ok(s.reads
            .with(|st| Ok((st.document_json(&wanted)?, st.document_mentions(&wanted)?)))?)
    })
    .await?;
    let json = json.ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
    document_detail(&json, events)
}

fn document_detail(
    json: &str,
    events: Vec<(i64, i64, String, String)>,
) -> Result<Json<DocumentDetail>, ApiError> {
    let document: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the stored document cannot be read: {e}"),
        )
    })?;
    Ok(Json(DocumentDetail {
        document,
        stored_events: events
            .into_iter()
            .enumerate()
            .map(|(seq, (event, ..))| StoredEvent { seq, event })
            .collect(),
    }))
}

/// What became of a posted document.
#[derive(Serialize, ToSchema)]
pub struct Ingested {
    /// `added`, `replaced`, `unchanged` (the same id and text were stored), or `duplicate`
    /// (the same text is stored under another id, `duplicate_of`).
    status: &'static str,
    /// The stored document's id.
    id: String,
    /// The id whose text this repeats, for `duplicate`.
    duplicate_of: Option<String>,
    /// The document as stored, with its layers and events.
    #[schema(value_type = Object)]
    document: Option<serde_json::Value>,
    /// For each of its events, the deduplicated event it belongs to.
    stored_events: Vec<StoredEvent>,
}

/// Codes an article and stores it (only when the server runs with `--allow-ingest`). The
/// body is one JSON object as a line of JSON Lines input: `text` (or `html`), and optionally
/// `id`, `published`, `url`, `title`, `site_name`.
#[utoipa::path(
    post, path = "/api/documents", tag = "documents",
    request_body(content = Object, description = "The article: {\"id\", \"text\" or \"html\", \"published\", \"url\", \"title\"}"),
    responses(
        (status = 200, body = Ingested),
        (status = 400, body = ApiError), (status = 403, body = ApiError),
        (status = 413, body = ApiError), (status = 422, body = ApiError)
    )
)]
async fn post_document(
    State(state): State<Shared>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<Ingested>, ApiError> {
    if state.ingest.is_none() {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only; start it with --allow-ingest to code and store articles",
        ));
    }
    let Json(body) = body?;
    blocking(&state, move |s| ingest(s, &body)).await.map(Json)
}

fn ingest(state: &AppState, body: &serde_json::Value) -> Result<Ingested, ApiError> {
    let (Some(ingest), Some(writer)) = (&state.ingest, &state.writer) else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only",
        ));
    };
    let fallback = format!("posted-{}", now_millis());
    let mut doc = kestrel_core::document_from_json_value(body, &fallback, "http", &ingest.options)
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.message))?;
    if doc.text.trim().is_empty() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the document has no text; send {\"text\": \"...\"} or {\"html\": \"...\"}",
        ));
    }
    let hash = kestrel_store::content_hash(&doc.text);
    let id = doc.id.clone();
    let stored = state.reads.with(|st| st.status(&id, &hash))?;
    let status = match stored {
        Stored::Unchanged => "unchanged",
        Stored::Duplicate(other) => {
            return Ok(Ingested {
                status: "duplicate",
                id,
                duplicate_of: Some(other),
                document: None,
                stored_events: Vec::new(),
            })
        }
        Stored::New | Stored::Changed => {
            let pipeline = &ingest.pipeline;
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.run(&mut doc)))
                .map_err(|_| {
                    ApiError::new(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "internal error while coding this document; please report it with the document",
                    )
                })?;
            let mut store = writer.lock().unwrap_or_else(|e| e.into_inner());
            let report = store.insert(&[(doc, hash)], &[])?;
            if report.duplicates > 0 {
                return Ok(Ingested {
                    status: "duplicate",
                    id,
                    duplicate_of: None,
                    document: None,
                    stored_events: Vec::new(),
                });
            }
            if report.replaced > 0 {
                "replaced"
            } else {
                "added"
            }
        }
    };
    let (json, events) = state
        .reads
        .with(|st| Ok((st.document_json(&id)?, st.document_mentions(&id)?)))?;
    let detail = match json {
        Some(j) => Some(document_detail(&j, events)?.0),
        None => None,
    };
    let (document, stored_events) = match detail {
        Some(d) => (Some(d.document), d.stored_events),
        None => (None, Vec::new()),
    };
    Ok(Ingested {
        status,
        id,
        duplicate_of: None,
        document,
        stored_events,
    })
}

fn now_millis() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

async fn openapi() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

async fn docs() -> Html<&'static str> {
    Html(crate::assets::API_DOCS_PAGE)
}
