// Kestrel's dashboard: plain JavaScript over the JSON API, no build step. Every panel reads the
// same filters; the filters live in the page's query string so that a view can be shared.
"use strict";

const QUADS = [
  { label: "verbal cooperation", color: "#4c9f70" },
  { label: "material cooperation", color: "#2b6cb0" },
  { label: "verbal conflict", color: "#dd8a2b" },
  { label: "material conflict", color: "#c53030" },
];
const FILTER_NAMES = ["from", "to", "actor", "recipient", "type", "cameo", "country", "text"];

const form = document.getElementById("filters");
let plot = null;
let graph = null;
let world = null;
let numericToAlpha3 = null;
let nextCursor = null;
let shownEvents = 0;

function $(id) { return document.getElementById(id); }

function escapeHtml(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function filters() {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const v = form.elements[name].value.trim();
    if (v) params.set(name, v);
  }
  return params;
}

function setFilter(name, value) {
  form.elements[name].value = value;
  refresh();
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const response = await fetch(url);
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function showError(err) {
  const box = $("error");
  if (err) {
    box.textContent = String(err.message || err);
    box.hidden = false;
  } else {
    box.hidden = true;
  }
}

// ---------------------------------------------------------------- timeline

async function loadTimeline(params) {
  const { days } = await api("/api/timeline", params);
  const xs = days.map((d) => Date.parse(d.date + "T00:00:00Z") / 1000);
  const data = [xs, ...QUADS.map((_, i) => days.map((d) => d.quad_classes[i]))];
  const target = $("timeline");
  if (plot) plot.destroy();
  target.replaceChildren();
  if (!days.length) {
    target.innerHTML = '<p class="muted">No dated events match.</p>';
    plot = null;
    return;
  }
  plot = new uPlot({
    width: Math.max(320, target.clientWidth || 600),
    height: 260,
    series: [{}, ...QUADS.map((q) => ({ label: q.label, stroke: q.color, width: 1.5, points: { show: days.length < 60 } }))],
    axes: [{}, { label: "events" }],
    scales: { x: { time: true } },
  }, data, target);
}

// ---------------------------------------------------------------- map

async function loadMap(params) {
  if (!world) {
    const [topology, codes] = await Promise.all([
      fetch("/assets/vendor/countries-110m.json").then((r) => r.json()),
      fetch("/assets/vendor/iso-numeric.json").then((r) => r.json()),
    ]);
    world = topojson.feature(topology, topology.objects.countries).features;
    numericToAlpha3 = codes;
  }
  const p = new URLSearchParams(params);
  p.set("by", "country");
  const { counts } = await api("/api/counts", p);
  const byCountry = new Map(counts.map((c) => [c.key, c.events]));
  const max = Math.max(1, ...counts.map((c) => c.events));
  const projection = d3.geoNaturalEarth1().fitSize([960, 480], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const shade = (n) => {
    if (!n) return "#e2e8f0";
    const t = Math.log(1 + n) / Math.log(1 + max);
    const light = [198, 219, 239], dark = [8, 48, 107];
    const c = light.map((l, i) => Math.round(l + (dark[i] - l) * t));
    return `rgb(${c.join(",")})`;
  };
  const svg = $("map");
  let html = `<path class="sphere" d="${path({ type: "Sphere" })}"></path>`;
  for (const f of world) {
    const code = numericToAlpha3[f.id] || "";
    const n = byCountry.get(code) || 0;
    const d = path(f);
    if (!d) continue;
    html += `<path class="country" data-code="${code}" data-events="${n}" fill="${shade(n)}" d="${d}"><title>${escapeHtml(f.properties.name)} (${code || "?"}): ${n} events</title></path>`;
  }
  svg.innerHTML = html;
  for (const el of svg.querySelectorAll("path.country")) {
    el.addEventListener("click", () => { if (el.dataset.code) setFilter("country", el.dataset.code); });
  }
  const top = counts.slice(0, 5).map((c) => `${c.key} ${c.events}`).join(" · ");
  $("map-legend").textContent = counts.length ? `Most events: ${top}` : "No placed events match.";
}

// ---------------------------------------------------------------- network

async function loadNetwork(params) {
  const p = new URLSearchParams(params);
  p.set("limit", "60");
  const { edges } = await api("/api/network", p);
  const nodes = new Map();
  for (const e of edges) {
    for (const n of [e.actor, e.recipient]) nodes.set(n, (nodes.get(n) || 0) + e.events);
  }
  const elements = [
    ...[...nodes].map(([id, weight]) => ({ data: { id, label: id, weight } })),
    ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.actor, target: e.recipient, weight: e.events } })),
  ];
  if (graph) graph.destroy();
  const target = $("network");
  target.replaceChildren();
  if (!edges.length) {
    target.innerHTML = '<p class="muted">No events between coded actors match.</p>';
    graph = null;
    return;
  }
  const maxW = Math.max(...edges.map((e) => e.events));
  graph = cytoscape({
    container: target,
    elements,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 9, width: "mapData(weight, 1, 50, 10, 34)", height: "mapData(weight, 1, 50, 10, 34)", "background-color": "#2b6cb0", color: "#1f2933" } },
      { selector: "edge", style: { width: `mapData(weight, 1, ${maxW}, 1, 7)`, "line-color": "#a0aec0", "target-arrow-color": "#a0aec0", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 },
  });
  graph.on("tap", "node", (evt) => setFilter("actor", evt.target.id().split(" ")[0]));
}

// ---------------------------------------------------------------- events

function participants(list) {
  return list.map((p) => p.code
    ? `<span class="code">${escapeHtml(p.code)}${p.sector ? " " + escapeHtml(p.sector) : ""}</span> ${escapeHtml(p.text)}`
    : escapeHtml(p.text)).join("; ");
}

function sentenceWithTrigger(report) {
  const s = report.sentence_text;
  const i = s.indexOf(report.trigger);
  if (i < 0) return escapeHtml(s);
  return escapeHtml(s.slice(0, i)) + `<b class="trig">${escapeHtml(report.trigger)}</b>` + escapeHtml(s.slice(i + report.trigger.length));
}

function eventRow(e) {
  const r = e.first_report;
  // A place guessed from the article as a whole, not read in the event's own clause or dateline.
  const guessed = e.place && e.place.source === "article" ? ' <span class="muted" title="the article\'s main place, not stated for this event">(article)</span>' : "";
  const place = e.place ? `${escapeHtml(e.place.name)} <span class="code">${escapeHtml(e.place.country)}</span>${guessed}` : "";
  const future = e.modality === "future" ? ' <span class="muted">(future)</span>' : "";
  return `<tr class="event q${e.quad_class}" data-event="${e.id}">
    <td>${escapeHtml(e.date || "")}</td>
    <td>${escapeHtml(e.type)}${e.mode ? `<br><span class="muted">${escapeHtml(e.mode)}</span>` : ""}${future}</td>
    <td><span class="code">${escapeHtml(e.cameo)}</span></td>
    <td>${participants(e.actors)}</td>
    <td>${participants(e.recipients)}</td>
    <td>${place}</td>
    <td>${e.num_mentions} / ${e.num_sources} / ${e.num_articles}</td>
    <td class="sentence"><a href="#" class="open-doc" data-doc="${escapeHtml(r.doc_id)}" data-event="${e.id}">${sentenceWithTrigger(r)}</a>
      <br><span class="muted">${escapeHtml(r.title || r.doc_id)}</span></td>
  </tr>`;
}

async function loadEvents(params, append) {
  const p = new URLSearchParams(params);
  p.set("limit", "25");
  if (append && nextCursor) p.set("cursor", nextCursor);
  const page = await api("/api/events", p);
  const body = document.querySelector("#events tbody");
  if (!append) { body.replaceChildren(); shownEvents = 0; }
  body.insertAdjacentHTML("beforeend", page.events.map(eventRow).join(""));
  shownEvents += page.events.length;
  nextCursor = page.next_cursor || null;
  $("more").hidden = !nextCursor;
  $("events-count").textContent = `${shownEvents} shown${nextCursor ? ", more below" : ""}`;
}

// ---------------------------------------------------------------- document view

// Offsets in the API are Unicode scalar offsets; JavaScript strings count UTF-16 units, so
// the text is sliced as an array of code points.
function renderDocument(doc, focusEvents) {
  const chars = Array.from(doc.text);
  const marks = [];
  for (const ent of doc.entities || []) {
    const a = ent.actor;
    const title = a ? `${a.code || ""} ${a.sector || ""} ${a.name || ""}`.trim() : ent.type;
    marks.push({ start: ent.start, end: ent.end, cls: "ent", title });
  }
  (doc.events || []).forEach((ev, seq) => {
    marks.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "trigger", title: `${ev.type} (CAMEO ${ev.cameo})`, seq });
  });
  for (const q of doc.quotes || []) {
    marks.push({ start: q.start, end: q.end, cls: "quote", title: `${q.kind} quote${q.speaker ? " of " + q.speaker.text : ""}` });
  }
  const focusSentences = new Set((doc.events || []).filter((_, seq) => focusEvents.has(seq)).map((ev) => ev.sentence));
  const sentences = doc.sentences || [];
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  for (const s of sentences) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= chars.length).sort((a, b) => a - b);
  let html = "";
  let open = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const si = sentences.findIndex((s) => s.start <= a && b <= s.end);
    if (si !== open) {
      if (open >= 0) html += "</span>";
      if (si >= 0) html += `<span class="sentence${focusSentences.has(si) ? " focus" : ""}" id="s-${si}" data-sentence="${si}">`;
      open = si;
    }
    const covering = marks.filter((m) => m.start <= a && b <= m.end);
    const piece = escapeHtml(chars.slice(a, b).join(""));
    if (!covering.length) { html += piece; continue; }
    const classes = [...new Set(covering.map((m) => m.cls))].join(" ");
    const title = covering.map((m) => m.title).join("; ");
    const seqs = covering.filter((m) => m.seq !== undefined).map((m) => m.seq).join(" ");
    html += `<span class="${classes}" title="${escapeHtml(title)}"${seqs ? ` data-seq="${seqs}"` : ""}>${piece}</span>`;
  }
  if (open >= 0) html += "</span>";
  return html;
}

async function openDocument(id, eventId) {
  try {
    const detail = await api(`/api/documents/${encodeURIComponent(id)}`);
    const doc = detail.document;
    const focus = new Set(detail.stored_events.filter((s) => s.event === eventId).map((s) => s.seq));
    $("doc-title").textContent = doc.title || doc.id;
    $("doc-meta").textContent = [doc.id, doc.published, doc.site_name, doc.url].filter(Boolean).join(" · ");
    $("doc-text").innerHTML = renderDocument(doc, focus);
    $("doc-events").innerHTML = (doc.events || []).map((ev, seq) => {
      const stored = detail.stored_events.find((s) => s.seq === seq);
      const actors = ev.actors.map((a) => a.code || a.text).join(", ");
      const recipients = ev.recipients.map((r) => r.code || r.text).join(", ");
      return `<li class="doc-event${focus.has(seq) ? " chosen" : ""}" data-seq="${seq}" data-event="${stored ? stored.event : ""}">
        <a data-sentence="${ev.sentence}">${escapeHtml(ev.type)} <span class="code">${escapeHtml(ev.cameo)}</span>
        ${escapeHtml(actors)} → ${escapeHtml(recipients)}: “${escapeHtml(ev.trigger.text)}”</a> <span class="muted">sentence ${ev.sentence + 1}</span></li>`;
    }).join("");
    for (const a of $("doc-events").querySelectorAll("a[data-sentence]")) {
      a.addEventListener("click", () => focusSentence(Number(a.dataset.sentence)));
    }
    const removed = doc.removed || [];
    $("doc-removed").innerHTML = removed.length
      ? removed.map((r) => `<li class="removed"><span class="kind">${escapeHtml(r.kind)}</span>${escapeHtml(r.text)}</li>`).join("")
      : '<li class="muted">Nothing.</li>';
    $("doc-view").hidden = false;
    const first = document.querySelector("#doc-text .sentence.focus");
    if (first) first.scrollIntoView({ block: "center" });
  } catch (err) {
    showError(err);
  }
}

function focusSentence(index) {
  for (const el of document.querySelectorAll("#doc-text .sentence.focus")) el.classList.remove("focus");
  const el = $(`s-${index}`);
  if (el) { el.classList.add("focus"); el.scrollIntoView({ block: "center" }); }
}

// ---------------------------------------------------------------- wiring

async function refresh() {
  const params = filters();
  document.body.dataset.ready = "false";
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  showError(null);
  nextCursor = null;
  const results = await Promise.allSettled([
    loadEvents(params, false), loadTimeline(params), loadMap(params), loadNetwork(params),
  ]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.ready = "true";
}

async function loadSummary() {
  try {
    const h = await api("/api/health");
    $("store-summary").textContent = `${h.documents.toLocaleString()} documents · ${h.events.toLocaleString()} events from ${h.mentions.toLocaleString()} reports`;
    const types = await api("/api/counts", new URLSearchParams({ by: "type" }));
    $("types").innerHTML = types.counts.map((c) => `<option value="${escapeHtml(c.key)}">`).join("");
  } catch (err) {
    showError(err);
  }
}

form.addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
$("reset").addEventListener("click", () => { form.reset(); refresh(); });
$("more").addEventListener("click", () => loadEvents(filters(), true).catch(showError));
$("doc-close").addEventListener("click", () => { $("doc-view").hidden = true; });
document.querySelector("#events tbody").addEventListener("click", (e) => {
  const link = e.target.closest("a.open-doc");
  if (!link) return;
  e.preventDefault();
  openDocument(link.dataset.doc, Number(link.dataset.event));
});

const initial = new URLSearchParams(location.search);
for (const name of FILTER_NAMES) if (initial.get(name)) form.elements[name].value = initial.get(name);
loadSummary();
refresh();
