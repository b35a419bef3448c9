//! The dashboard and the API documentation page: files compiled into the binary, so that
//! they are served with no network and no files beside the binary.

use std::sync::Arc;

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;

/// The interactive API documentation (Swagger UI over `/api/openapi.json`).
pub(crate) const API_DOCS_PAGE: &str = include_str!("../assets/api-docs.html");

const INDEX: &str = include_str!("../assets/index.html");

/// (path under `/assets/`, content type, bytes).
const FILES: &[(&str, &str, &[u8])] = &[
    ("app.js", JS, include_bytes!("../assets/app.js")),
    ("app.css", CSS, include_bytes!("../assets/app.css")),
    (
        "vendor/uPlot.iife.min.js",
        JS,
        include_bytes!("../assets/vendor/uPlot.iife.min.js"),
    ),
    (
        "vendor/uPlot.min.css",
        CSS,
        include_bytes!("../assets/vendor/uPlot.min.css"),
    ),
    (
        "vendor/cytoscape.min.js",
        JS,
        include_bytes!("../assets/vendor/cytoscape.min.js"),
    ),
    (
        "vendor/d3-array.min.js",
        JS,
        include_bytes!("../assets/vendor/d3-array.min.js"),
    ),
    (
        "vendor/d3-geo.min.js",
        JS,
        include_bytes!("../assets/vendor/d3-geo.min.js"),
    ),
    (
        "vendor/topojson-client.min.js",
        JS,
        include_bytes!("../assets/vendor/topojson-client.min.js"),
    ),
    (
        "vendor/countries-110m.json",
        JSON,
        include_bytes!("../assets/vendor/countries-110m.json"),
    ),
    (
        "vendor/iso-numeric.json",
        JSON,
        include_bytes!("../assets/vendor/iso-numeric.json"),
    ),
    (
        "vendor/swagger-ui-bundle.js",
        JS,
        include_bytes!("../assets/vendor/swagger-ui-bundle.js"),
    ),
    (
        "vendor/swagger-ui.css",
        CSS,
        include_bytes!("../assets/vendor/swagger-ui.css"),
    ),
];

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JSON: &str = "application/json";

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(index))
        .route("/assets/{*path}", get(asset))
}

async fn index() -> Html<&'static str> {
    Html(INDEX)
}

async fn asset(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(p, ..)| *p == path) {
        Some((_, kind, bytes)) => (
            [
                (header::CONTENT_TYPE, *kind),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}
