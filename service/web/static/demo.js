// The demo page: send the pasted article to the JSON API and lay out the answer.
// Everything from the article or the server goes into the page as text nodes or attribute
// values, never as markup: the article is untrusted.
"use strict";

// How many groups the table shows before "show all": the ones a reader scans first.
const TOP_GROUPS = 10;
// Numbers and dates are not what an article is about: with no salience they stay below the fold.
const QUANTITIES = new Set(["CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"]);
// Every section, those beyond entities included: the demo shows all the service can find.
const SECTIONS = ["entities", "groups", "quotes", "sentences", "stats", "removed",
  "language", "fingerprint", "keyphrases", "places"];

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  node.append(...children); // strings become text nodes
  return node;
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

async function submit(event) {
  event.preventDefault();
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const token = $("token").value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  setStatus("Working\u2026");
  $("submit").disabled = true;
  try {
    const response = await fetch($("article-form").dataset.endpoint, {
      method: "POST", headers, body: JSON.stringify({ text: $("article").value, options: { include: SECTIONS } }),
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) return showProblem(response, body);
    render(body);
    setStatus(`${(body.entities || []).length} entities found.`);
  } catch (err) {
    setStatus(`The server could not be reached: ${err.message}`, true);
  } finally {
    $("submit").disabled = false;
  }
}

function showProblem(response, problem) {
  if (!problem) return setStatus(`The server answered ${response.status}.`, true);
  const fields = Object.entries(problem.errors || {})
    .map(([field, messages]) => `${field}: ${[].concat(messages).join(" ")}`);
  setStatus([`${problem.title} (${problem.status}): ${problem.detail}`, ...fields].join(" \u2022 "), true);
}

function render(result) {
  renderMeta($("meta"), result);
  renderLegend($("legend"), result.entities || []);
  renderText($("text"), result);
  renderGroups(result.groups);
  renderQuotes(result.quotes, result.groups || []);
  renderKeyphrases(result.keyphrases);
  renderPlaces(result.places, result.groups || []);
  renderRemoved(result.removed || []);
  $("json").textContent = JSON.stringify(result, null, 2);
  $("result").hidden = false;
}

function renderMeta(section, result) {
  const items = [];
  if (result.title) items.push(el("h2", { text: result.title }));
  if (result.language) {
    const { code, confidence } = result.language;
    items.push(el("span", { class: "badge", id: "language", "data-code": code,
      text: `language: ${code} (${Number(confidence).toFixed(2)})` }));
  }
  const facts = [];
  if (result.publisher) facts.push(`Publisher: ${result.publisher}`);
  if (result.dateline) {
    const agency = result.dateline.agency ? ` (${result.dateline.agency})` : "";
    facts.push(`Dateline: ${result.dateline.location}${agency}`);
  }
  if (result.authors && result.authors.length) facts.push(`By ${result.authors.join(", ")}`);
  const stats = result.stats || {};
  facts.push(`${stats.words ?? "?"} words, ${stats.sentences ?? "?"} sentences`);
  if (result.model) facts.push(`model ${result.model.name} ${result.model.version}`);
  if (result.fingerprint) facts.push(`fingerprint ${result.fingerprint}`);
  items.push(el("p", { class: "facts", text: facts.join(" \u00b7 ") }));
  const warnings = (result.warnings || []).map((w) => el("li", { text: w.message || w.code || String(w) }));
  if (warnings.length) items.push(el("ul", { class: "warnings" }, ...warnings));
  section.replaceChildren(...items);
}

function renderLegend(legend, entities) {
  const counts = new Map();
  for (const ent of entities) counts.set(ent.label, (counts.get(ent.label) || 0) + 1);
  const chips = [...counts].sort((a, b) => b[1] - a[1])
    .map(([label, n]) => el("span", { class: "chip", "data-label": label, text: `${label} ${n}` }));
  legend.replaceChildren(...chips);
}

// Offsets count code points; JavaScript strings count UTF-16 units: slice an array of code points.
function renderText(container, result) {
  const chars = Array.from(result.text || "");
  const entities = result.entities || [];
  const quotes = result.quotes || [];
  const sections = result.sections || [];
  const groupNames = new Map((result.groups || []).map((g) => [g.id, g.name]));
  const cuts = new Set([0, chars.length]);
  for (const span of [...entities, ...quotes, ...sections]) cuts.add(span.start).add(span.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
  const covering = (spans, a, b) => spans.find((s) => s.start <= a && b <= s.end);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(chars.slice(a, b).join(""));
    const ent = covering(entities, a, b);
    if (ent) node = entityMark(node, ent, b === ent.end, groupNames);
    const quote = covering(quotes, a, b);
    const section = covering(sections, a, b);
    if (quote || section) {
      const wrap = el("span", quote ? { class: "quote" } : {}, node);
      if (section) wrap.dataset.section = section.kind;
      node = wrap;
    }
    nodes.push(node);
  }
  container.replaceChildren(...nodes);
}

function entityMark(textNode, ent, isLast, groupNames) {
  const about = [ent.label, groupNames.get(ent.group), ent.value].filter((x) => x != null);
  const mark = el("mark", { class: "ent", "data-label": ent.label, title: about.join(" \u00b7 ") },
    textNode);
  if (ent.group !== undefined && ent.group !== null) mark.dataset.group = String(ent.group);
  if (isLast) mark.append(el("span", { class: "label", text: ent.label }));
  return mark;
}

function renderGroups(groups) {
  $("groups-section").hidden = !groups;
  if (!groups) return;
  const ranked = [...groups].sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0));
  const first = ranked.filter((g) => (g.salience ?? 0) > 0 || !QUANTITIES.has(g.label))
    .slice(0, TOP_GROUPS);
  const rest = ranked.filter((g) => !first.includes(g));
  const rows = ranked.map((group) => groupRow(group, !first.includes(group)));
  $("groups").tBodies[0].replaceChildren(...rows);
  $("all-groups").hidden = rest.length === 0;
  $("all-groups").textContent = `Show all ${ranked.length}`;
}

function groupRow(group, folded) {
  const bar = el("span", { class: "bar" });
  bar.style.width = `${(8 * Math.min(1, Math.max(0, group.salience ?? 0))).toFixed(2)}rem`;
  const row = el("tr", folded ? { class: "more", hidden: "" } : {},
    el("td", { text: group.name }),
    el("td", {}, el("span", { class: "chip", "data-label": group.label, text: group.label })),
    el("td", { text: String(group.mentions ?? "") }),
    el("td", { class: "salience" }, bar, (group.salience ?? 0).toFixed(3)));
  row.addEventListener("click", () => focusGroup(group.id));
  return row;
}

function showAllGroups() {
  for (const row of $("groups").querySelectorAll("tr.more")) row.hidden = false;
  $("all-groups").hidden = true;
}

function focusGroup(id) {
  for (const mark of document.querySelectorAll("#text mark.ent")) {
    mark.classList.toggle("focus", mark.dataset.group === String(id));
  }
}

function renderQuotes(quotes, groups) {
  $("quotes-section").hidden = !quotes;
  if (!quotes) return;
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const items = quotes.map((quote) => {
    const speaker = quote.speaker;
    const who = speaker
      ? `\u2014 ${speaker.text}${names.has(speaker.group) && names.get(speaker.group) !== speaker.text ? ` (${names.get(speaker.group)})` : ""}`
      : "\u2014 unattributed";
    return el("li", {}, el("q", { text: quote.text }), " ",
      el("span", { class: speaker ? "speaker" : "speaker none", text: who }));
  });
  $("quotes").replaceChildren(...items);
}

function renderKeyphrases(keyphrases) {
  $("keyphrases-section").hidden = !keyphrases;
  if (!keyphrases) return;
  const chips = keyphrases.map((k) => el("span", { class: "chip keyphrase",
    title: `score ${Number(k.score).toFixed(2)}`, text: k.text }));
  $("keyphrases").replaceChildren(...chips);
}

function renderPlaces(places, groups) {
  $("places-section").hidden = !places;
  if (!places) return;
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const items = places.map((p) => {
    const where = p.latitude == null ? "" : ` · ${p.latitude.toFixed(4)}, ${p.longitude.toFixed(4)}`;
    const said = names.has(p.group) && names.get(p.group) !== p.name ? ` (“${names.get(p.group)}”)` : "";
    return el("li", { "data-geonameid": p.geonameid },
      el("strong", { text: p.name }), `${said} · ${p.country || "—"}${where} · `,
      el("span", { class: "geonameid", text: `GeoNames ${p.geonameid}` }));
  });
  if (!items.length) items.push(el("li", { text: "No place could be linked." }));
  $("places").replaceChildren(...items);
}

function renderRemoved(removed) {
  const rows = removed.map((r) => el("tr", {},
    el("td", { text: r.kind }),
    el("td", {}, el("code", { text: r.text })),
    el("td", { text: r.source ? `${r.source.start}\u2013${r.source.end}` : "" })));
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: 3, text: "Nothing was removed." })));
  $("removed").tBodies[0].replaceChildren(...rows);
}

$("article-form").addEventListener("submit", submit);
$("all-groups").addEventListener("click", showAllGroups);
$("example").addEventListener("click", async () => {
  const response = await fetch($("example").dataset.src);
  $("article").value = await response.text();
});
