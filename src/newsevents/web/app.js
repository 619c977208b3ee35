// The newsevents page: filters -> /api/events, drawn as a map, a timeline and a table.
// Country outlines come from /api/basemap when the shared data has them.
// Article text is untrusted: it only ever enters the page as text nodes (never as markup), and
// links are made only from http(s) URLs.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PAGE = 200;
const state = { filters: {}, offset: 0, rows: [], basemap: null };

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "on") for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
}

function safeLink(url, text) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank" }, text || parsed.href);
    }
  } catch (error) { /* not a URL: shown as text below */ }
  return document.createTextNode(text || url || "");
}

async function getJSON(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`${path}?${query}`);
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

const dayOf = (row) => row.date_end || row.date_start || row.published || null;
const joined = (names, codes) => (names || []).map((n, i) => (codes && codes[i] ? `${n} (${codes[i]})` : n)).join(", ");
const sourceOf = (row) => [row.source, row.outlet].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(" via ");

function drawTable(rows, count) {
  const body = document.querySelector("#events tbody");
  if (state.offset === 0) body.replaceChildren();
  for (const row of rows) {
    // An open start ("../2022-07-05") is the "on or before" date an undated event gets.
    const date = row.date ? row.date.replace(/^\.\.\//, "≤ ") : `≤ ${row.published ?? "?"}`;
    const tr = el("tr", { on: { click: () => showEvidence(row, tr) } },
      el("td", {}, date), el("td", {}, row.type + (row.mode ? ` / ${row.mode}` : "")),
      el("td", {}, joined(row.actor, row.actor_country)), el("td", {}, joined(row.recipient, row.recipient_country)),
      el("td", {}, row.place || ""), el("td", {}, sourceOf(row)), el("td", {}, row.certainty || ""));
    body.append(tr);
  }
  document.getElementById("count").textContent = `${state.rows.length} of ${count}`;
  document.getElementById("more").hidden = state.rows.length >= count;
}

function showEvidence(row, tr) {
  document.querySelectorAll("#events tr.chosen").forEach((r) => r.classList.remove("chosen"));
  if (tr) tr.classList.add("chosen");
  const link = new URLSearchParams(location.search);
  link.set("event", row.id);  // the address now opens this evidence: a link to share
  history.replaceState(null, "", `?${link}`);
  document.getElementById("evidence").hidden = false;
  document.getElementById("evidence-text").textContent = row.evidence || "";
  const facts = [
    ["headline", row.headline], ["published", row.published], ["outlet", row.outlet],
    ["ACLED", [row.acled_event_type, row.acled_sub_event_type].filter(Boolean).join(": ")],
    ["chain", (row.chain || []).join(" → ")], ["sentence", row.sentence],
    ["characters", row.start != null ? `${row.start}–${row.end}` : ""], ["date basis", row.date_basis],
    ["place", row.place ? `${row.place} (${row.place_feature || "?"}, GeoNames ${row.geonameid ?? "–"})` : ""],
    ["also carried by", (row.copy_outlets || []).join(", ")], ["confidence", row.confidence?.toFixed?.(2)],
    ["event id", row.id],
  ];
  const list = document.getElementById("evidence-facts");
  list.replaceChildren();
  for (const [name, value] of facts) if (value !== "" && value != null) list.append(el("dt", {}, name), el("dd", {}, value));
  if (row.url) list.append(el("dt", {}, "article"), el("dd", {}, safeLink(row.url)));
  showParagraph(row);
}

// The paragraph around the evidence, the evidence marked: the offsets point into the stored body.
async function showParagraph(row) {
  const holder = document.getElementById("evidence-context");
  holder.replaceChildren();
  if (row.start == null) return;
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(row.article_id)}`);
    const body = article.body || "";
    let end = row.end;
    while (end > row.start && /\s/.test(body[end - 1])) end -= 1;
    const from = Math.max(0, body.lastIndexOf("\n\n", row.start) + 2);
    const next = body.indexOf("\n\n", end);
    const to = next < 0 ? body.length : next;
    holder.append(body.slice(from, row.start), el("mark", {}, body.slice(row.start, end)), body.slice(end, to));
  } catch (failure) {
    holder.textContent = failure.message;
  }
}

function drawMap(features) {
  const svg = document.getElementById("map");
  svg.replaceChildren();
  const width = 800, height = 420, pad = 20;
  const points = new Map();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${lon},${lat}`;
    const point = points.get(key) || { lon, lat, name: f.properties.place, count: 0 };
    point.count += 1;
    points.set(key, point);
  }
  const all = [...points.values()];
  let [west, east, south, north] = [-180, 180, -70, 80];
  if (all.length) {
    const lons = all.map((p) => p.lon), lats = all.map((p) => p.lat);
    const margin = Math.max(1, (Math.max(...lons) - Math.min(...lons)) * 0.1, (Math.max(...lats) - Math.min(...lats)) * 0.1);
    [west, east, south, north] = [Math.min(...lons) - margin, Math.max(...lons) + margin, Math.min(...lats) - margin, Math.max(...lats) + margin];
  }
  // Equirectangular, with longitude shrunk by the middle latitude's cosine so shapes keep their
  // proportions, and the extent centred in the frame.
  const squeeze = Math.max(0.2, Math.cos(((north + south) / 2) * Math.PI / 180));
  const scale = Math.min((width - 2 * pad) / ((east - west) * squeeze), (height - 2 * pad) / (north - south));
  const left = (width - (east - west) * squeeze * scale) / 2, bottom = (height - (north - south) * scale) / 2;
  const x = (lon) => left + (lon - west) * squeeze * scale, y = (lat) => height - bottom - (lat - south) * scale;
  const step = [0.5, 1, 2, 5, 10, 20, 30].find((s) => (east - west) / s <= 12) || 30;
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    svg.append(el("svg:line", { class: "grid", x1: x(lon), x2: x(lon), y1: y(south), y2: y(north) }),
      el("svg:text", { class: "grid-label", x: x(lon) + 2, y: y(south) - 3 }, `${+lon.toFixed(1)}°`));
  }
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    svg.append(el("svg:line", { class: "grid", x1: x(west), x2: x(east), y1: y(lat), y2: y(lat) }),
      el("svg:text", { class: "grid-label", x: x(west) + 2, y: y(lat) - 2 }, `${+lat.toFixed(1)}°`));
  }
  if (state.basemap) {
    const ring = (points) => "M" + points.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L") + "Z";
    for (const country of state.basemap.features) {
      const { type, coordinates } = country.geometry;
      const polygons = type === "Polygon" ? [coordinates] : coordinates;
      const path = polygons.map((polygon) => polygon.map(ring).join("")).join("");
      svg.prepend(el("svg:path", { class: "land", d: path }, el("svg:title", {}, country.properties.name || "")));
    }
  }
  const biggest = Math.max(1, ...all.map((p) => p.count));
  all.sort((a, b) => b.count - a.count);
  all.forEach((p, rank) => {
    const r = 3 + 12 * Math.sqrt(p.count / biggest);
    svg.append(el("svg:circle", { cx: x(p.lon), cy: y(p.lat), r, on: { click: () => refine({ place: p.name }) } },
      el("svg:title", {}, `${p.name}: ${p.count} events`)));
    if (rank < 12) svg.append(el("svg:text", { class: "place-label", x: x(p.lon) + r + 2, y: y(p.lat) + 3 }, p.name));
  });
}

function drawTimeline(rows) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const perDay = new Map();
  for (const row of rows) {
    const day = dayOf(row);
    if (day) perDay.set(day, (perDay.get(day) || 0) + 1);
  }
  const days = [...perDay.keys()].sort();
  if (!days.length) return;
  const first = Date.parse(days[0]), last = Date.parse(days[days.length - 1]);
  const span = Math.max(1, Math.round((last - first) / 864e5) + 1);
  const width = 800, height = 140, pad = 20, barWidth = Math.min(24, Math.max(1, (width - 2 * pad) / span - 1));
  const biggest = Math.max(...perDay.values());
  for (const day of days) {
    const offset = Math.round((Date.parse(day) - first) / 864e5);
    const h = (height - 2 * pad) * perDay.get(day) / biggest;
    svg.append(el("svg:rect", { x: pad + offset * (barWidth + 1), y: height - pad - h, width: barWidth, height: h,
      on: { click: () => refine({ since: day, until: day }) } }, el("svg:title", {}, `${day}: ${perDay.get(day)} events`)));
  }
  svg.append(el("svg:text", { x: pad, y: height - 4 }, days[0]),
    el("svg:text", { x: width - pad, y: height - 4, "text-anchor": "end" }, days[days.length - 1]),
    el("svg:text", { x: pad, y: 12 }, `max ${biggest} per day`));
}

async function drawControl(place) {
  const panel = document.getElementById("control-panel");
  panel.hidden = !place;
  if (!place) return;
  const { data } = await getJSON("/api/control", { place });
  const body = document.querySelector("#control tbody");
  body.replaceChildren();
  for (const state of data) {
    for (const claim of state.claims) {
      body.append(el("tr", {}, el("td", {}, state.date || "?"), el("td", {}, state.place),
        el("td", state.contested ? { class: "contested" } : {}, claim.controller + (state.contested ? " (contested)" : "")),
        el("td", {}, claim.status), el("td", {}, sourceOf(claim))));
    }
  }
  panel.hidden = data.length === 0;
}

async function load(more = false) {
  const error = document.getElementById("error");
  error.textContent = "";
  state.offset = more ? state.rows.length : 0;
  try {
    const page = await getJSON("/api/events", { ...state.filters, limit: PAGE, offset: state.offset });
    state.rows = more ? state.rows.concat(page.data) : page.data;
    drawTable(page.data, page.count);
    if (!more) {
      const [geo, all] = await Promise.all([
        getJSON("/api/events.geojson", state.filters),
        getJSON("/api/events", { ...state.filters, limit: 1000 }),
      ]);
      drawMap(geo.features);
      drawTimeline(all.data);
      await drawControl(state.filters.place);
    }
  } catch (failure) {
    error.textContent = failure.message;
  }
}

function refine(changes) {
  const form = document.getElementById("filters");
  for (const [name, value] of Object.entries(changes)) form.elements[name].value = value;
  form.requestSubmit();
}

async function start() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams(location.search);
  for (const input of form.elements) if (input.name && params.has(input.name)) input.value = params.get(input.name);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.filters = Object.fromEntries([...new FormData(form)].filter(([, v]) => v.trim() !== ""));
    const link = new URLSearchParams(state.filters);
    const shown = new URLSearchParams(location.search).get("event");
    if (shown) link.set("event", shown);
    history.replaceState(null, "", `?${link}`);
    load();
  });
  form.addEventListener("reset", () => setTimeout(() => form.requestSubmit()));
  document.getElementById("more").addEventListener("click", () => load(true));
  state.basemap = await getJSON("/api/basemap").catch(() => null);  // absent: a bare grid
  const stats = await getJSON("/api/stats");
  document.getElementById("stats").textContent =
    `${stats.db}: ${stats.articles} articles, ${stats.events} events, ${stats.control_claims} control claims` +
    (stats.published_first ? `, published ${stats.published_first} to ${stats.published_last}` : "");
  form.requestSubmit();
  if (params.has("event")) {
    getJSON(`/api/events/${encodeURIComponent(params.get("event"))}`)
      .then((row) => showEvidence(row, null))
      .catch((failure) => { document.getElementById("error").textContent = failure.message; });
  }
}

start();
