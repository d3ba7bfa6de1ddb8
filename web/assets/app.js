// napkin serve's page: an editor with each line's result beside it, the
// working of the line under the cursor, plots, presets, practice, shared
// links and Markdown notes. Plain modern JavaScript; the engine is the
// server's POST /api/eval.

import { histogram, whyBars, latencyChart, compact } from "/charts.js";
import { encodeScript, decodeFragment } from "/share.js";

const $ = (id) => document.getElementById(id);
const editor = $("editor"), backdrop = $("backdrop"), gutter = $("gutter"), results = $("results");
const statusBar = $("status"), working = $("working"), plots = $("plots"), tooltip = $("tooltip");

let byLine = new Map(); // line number -> the API's evalLine
let constants = {};
let seq = 0, inflight = null, timer = 0;

function node(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// api calls the server and returns its JSON; an error answer throws an
// Error carrying the positioned error object.
async function api(path, body, signal) {
  const init = body === undefined ? { signal } :
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal };
  const resp = await fetch(path, init);
  const data = await resp.json();
  if (!resp.ok) {
    const err = new Error(data.error ? data.error.error : resp.statusText);
    err.detail = data.error;
    throw err;
  }
  return data;
}

function showStatus(text, isError) {
  statusBar.textContent = text;
  statusBar.className = isError ? "err" : "";
}

function errorText(e) {
  const d = e.detail;
  if (!d) return e.message;
  const pos = d.line ? `${d.line}:${d.column}: ` : "";
  return `error: ${pos}${d.error}${d.hint ? "  (hint: " + d.hint + ")" : ""}`;
}

// ---- the editor ------------------------------------------------------

const lineHeight = () => parseFloat(getComputedStyle(editor).lineHeight);
let charWidth = 8.4;

function measure() {
  const ctx = document.createElement("canvas").getContext("2d");
  const cs = getComputedStyle(editor);
  ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
  charWidth = ctx.measureText("0123456789").width / 10;
  editor.dataset.charWidth = String(charWidth);
}

function lines() { return editor.value.split("\n"); }

function cursorLine() {
  return editor.value.slice(0, editor.selectionStart).split("\n").length;
}

// layout sizes the editor to its text (the pane scrolls, not the
// textarea) and redraws the gutter, the error marks and the results.
function layout() {
  const ls = lines();
  const lh = lineHeight();
  editor.style.height = `${ls.length * lh + 20}px`;
  const longest = Math.max(...ls.map((l) => l.length));
  editor.style.width = `${Math.max($("code").clientWidth, longest * charWidth + 40)}px`;
  gutter.replaceChildren(...ls.map((_, i) => node("div", {}, String(i + 1))));
  drawBackdrop(ls);
  drawResults(ls);
}

function drawBackdrop(ls) {
  const cur = cursorLine();
  const parts = [];
  ls.forEach((text, i) => {
    const n = i + 1;
    const ev = byLine.get(n);
    let line;
    if (ev && ev.error && ev.error.input === text) {
      const chars = Array.from(text);
      const start = ev.error.column - 1, end = start + Math.max(1, ev.width || 1);
      line = node("span", {}, chars.slice(0, start).join(""),
        node("mark", { class: "err", "data-line": n }, chars.slice(start, end).join("") || " "),
        chars.slice(end).join(""));
    } else {
      line = node("span", {}, text);
    }
    if (n === cur) line.className = "cur";
    parts.push(line, "\n");
  });
  backdrop.replaceChildren(...parts);
}

function resultText(ev) {
  if (ev.error) return "⚠ " + ev.error.error;
  const r = ev.result;
  switch (r.kind) {
    case "function": return "defined";
    case "assertion": return "ok";
  }
  // Beside the line, a range shows its median and 90% interval; the
  // working below has the mean too.
  return r.p5 !== undefined ? r.display.replace(/\s+mean .*$/, "") : r.display;
}

function drawResults(ls) {
  const rows = ls.map((text, i) => {
    const ev = byLine.get(i + 1);
    if (!ev || (ev.error ? ev.error.input : ev.result.input) !== text) {
      return node("div", { class: "row dim", "data-line": i + 1 }, "");
    }
    const cls = ev.error ? "row err" : ev.result.kind === "assertion" ? "row ok" : ev.result.kind === "function" ? "row dim" : "row";
    const row = node("div", { class: cls, "data-line": i + 1, title: resultText(ev), onclick: () => goToLine(i + 1) }, resultText(ev));
    return row;
  });
  results.replaceChildren(...rows);
}

function goToLine(n) {
  const ls = lines();
  let at = 0;
  for (let i = 0; i < n - 1; i++) at += ls[i].length + 1;
  editor.focus();
  editor.setSelectionRange(at, at);
  showWorking();
}

// ---- the working of the line under the cursor ---------------------------

// workingLines lays out a result as napkin prints it: the line as written,
// each step, then the result and its dimension.
function workingLines(r) {
  if (r.kind === "function") return [[r.display, "final"]];
  if (r.kind === "assertion") return [[r.input.split("#")[0].trim() + "  ok", "final"]];
  const head = r.name ? r.name + " = " : "";
  const indent = r.name ? " ".repeat(Array.from(r.name).length + 1) : "  ";
  const steps = r.steps || [r.input];
  const out = [[head + steps[0]]];
  for (const s of steps.slice(1)) out.push([indent + "= " + s]);
  const dim = r.dimension && r.dimension !== "number" ? `  [${r.dimension}]` : "";
  if (steps.length === 1 && (steps[0] === r.display || (r.dimension === "number" && steps[0].startsWith(r.display + " ")))) {
    out[0] = [head + steps[0] + (r.dimension === "number" ? "" : `  [${r.dimension}]`), "final"];
    return out;
  }
  out.push([indent + (r.approx ? "≈ " : "= ") + r.display + dim, "final"]);
  return out;
}

function showWorking() {
  const n = cursorLine();
  $("working-line").textContent = `(line ${n})`;
  const ev = byLine.get(n);
  const text = lines()[n - 1];
  plots.replaceChildren();
  if (!ev || (ev.error ? ev.error.input : ev.result.input) !== text) {
    working.replaceChildren(node("p", { class: "dim" }, text && text.trim() && !text.trim().startsWith("#")
      ? "…" : "Put the cursor on a line to see its working."));
    drawBackdrop(lines());
    return;
  }
  if (ev.error) {
    const e = ev.error;
    const caret = " ".repeat(e.column - 1) + "^".repeat(Math.max(1, ev.width || 1));
    working.replaceChildren(node("pre", { id: "error" },
      node("span", { class: "msg" }, `error: ${e.line}:${e.column}: ${e.error}`), "\n",
      "    " + e.input, "\n",
      node("span", { class: "caret" }, "    " + caret),
      e.hint ? "\n" : null,
      e.hint ? node("span", { class: "hint" }, "hint: " + e.hint) : null));
  } else {
    const pre = node("pre", { id: "steps" });
    for (const [l, cls] of workingLines(ev.result)) {
      pre.append(cls ? node("span", { class: cls }, l) : l, "\n");
    }
    const extra = [pre];
    const r = ev.result;
    if (r.p5 !== undefined) {
      extra.push(node("p", { class: "dim" },
        `median ${compact(r.p50)}, 90% interval ${compact(r.p5)} to ${compact(r.p95)}, mean ${compact(r.mean)}` +
        (r.sd !== undefined ? `, sd ${compact(r.sd)}` : "") + (r.unit ? ` (${r.unit})` : "")));
    }
    working.replaceChildren(...extra);
    if (ev.hist) plots.append(histogram(ev.hist, r.name || "result"));
    if (ev.why && ev.why.length > 1) plots.append(whyBars(ev.why));
  }
  drawBackdrop(lines());
}

// ---- evaluation ---------------------------------------------------------

function schedule() {
  document.body.dataset.pending = "1";
  layout();
  clearTimeout(timer);
  timer = setTimeout(evaluate, 200);
}

async function evaluate() {
  const mine = ++seq;
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const script = editor.value;
  showStatus("evaluating…");
  try {
    const data = await api("/api/eval", { script }, inflight.signal);
    if (mine !== seq) return;
    byLine = new Map(data.lines.map((l) => [l.line, l]));
    constants = data.constants || {};
    const errors = data.lines.filter((l) => l.error).length;
    const count = data.lines.length - errors;
    showStatus(data.stopped ? data.stopped :
      `${count} result${count === 1 ? "" : "s"}` + (errors ? `, ${errors} error${errors === 1 ? "" : "s"}` : ""), !!data.stopped || errors > 0);
  } catch (e) {
    if (e.name === "AbortError") return;
    if (mine !== seq) return;
    byLine = new Map();
    showStatus(errorText(e), true);
  }
  // The page is up to date with the editor: the browser tests wait for it.
  document.body.dataset.pending = editor.value === script ? "0" : "1";
  layout();
  showWorking();
}

// ---- hovering a reference constant -------------------------------------

function wordAt(x, y) {
  const rect = editor.getBoundingClientRect();
  const line = Math.floor((y - rect.top - 10) / lineHeight());
  const col = Math.floor((x - rect.left - 10) / charWidth);
  const text = lines()[line];
  if (text === undefined || col < 0) return null;
  for (const m of text.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)) {
    if (col >= m.index && col < m.index + m[0].length) return m[0];
  }
  return null;
}

function hover(e) {
  const w = wordAt(e.clientX, e.clientY);
  const c = w && constants[w];
  if (!c) {
    tooltip.hidden = true;
    return;
  }
  tooltip.replaceChildren(
    node("b", {}, c.name), " = ", c.expr, c.display !== c.expr ? ` (${c.display})` : "", node("br"),
    c.description, node("br"),
    node("span", { class: "src" }, `source: ${c.source}, ${c.year ? c.year : "year unknown"}`),
    c.note ? node("br") : null, c.note ? node("span", { class: "src" }, "note: " + c.note) : null);
  tooltip.hidden = false;
  tooltip.style.left = `${Math.min(e.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8)}px`;
  tooltip.style.top = `${e.clientY + 18}px`;
}

// ---- sharing and notes ----------------------------------------------------

async function copy(text, statusEl) {
  try {
    await navigator.clipboard.writeText(text);
    statusEl.textContent = "copied";
  } catch {
    statusEl.textContent = "select it and copy";
  }
}

async function share() {
  const frag = await encodeScript(editor.value);
  const url = location.origin + location.pathname + "#" + frag;
  history.replaceState(null, "", "#" + frag);
  $("share-box").hidden = false;
  $("share-link").value = url;
  $("share-link").select();
  await copy(url, $("share-status"));
}

async function copyNote() {
  $("note-box").hidden = false;
  try {
    const data = await api("/api/note", { script: editor.value });
    $("note-text").value = data.markdown;
    await copy(data.markdown, $("note-status"));
  } catch (e) {
    $("note-status").textContent = errorText(e);
  }
}

async function openFragment() {
  if (!location.hash) return false;
  const script = await decodeFragment(location.hash.slice(1));
  if (script === null) {
    showStatus("the link holds no script napkin can read", true);
    return false;
  }
  editor.value = script;
  return true;
}

// ---- presets -----------------------------------------------------------

async function loadPresets() {
  const list = await api("/api/presets");
  for (const p of list) {
    const label = `${p.name} — ${p.title}${p.user ? " (yours)" : ""}`;
    $("preset").append(node("option", { value: p.name }, label));
    $("practice-preset").append(node("option", { value: p.name }, label));
  }
}

async function openPreset() {
  const name = $("preset").value;
  if (!name) return;
  try {
    const p = await api("/api/presets/" + encodeURIComponent(name));
    editor.value = p.script;
    history.replaceState(null, "", location.pathname);
    schedule();
  } catch (e) {
    showStatus(errorText(e), true);
  }
}

// ---- practice ------------------------------------------------------------

const points = { "good": 1, "right order of magnitude": 0.5 };
const gradeClass = { "good": "good", "right order of magnitude": "magnitude", "off": "off", "wrong dimension": "wrong", "skipped": "skipped" };
let practice = null;

async function startPractice() {
  const name = $("practice-preset").value;
  const box = $("practice");
  // Other assumptions, as napkin practice --set NAME=VALUE: "dau=500M; peak_factor=5".
  const query = $("practice-set").value.split(/[;\n]/).map((x) => x.trim()).filter((x) => x !== "")
    .map((x) => "set=" + encodeURIComponent(x)).join("&");
  try {
    const info = await api("/api/practice/" + encodeURIComponent(name) + (query ? "?" + query : ""));
    practice = { info, query, i: 0, score: 0, grades: [] };
    const table = node("table", {}, ...info.assumptions.map((a) =>
      node("tr", {}, node("td", {}, a.name), node("td", {}, a.value),
        node("td", { class: "dim" }, a.was ? "set here; the preset says " + a.was : a.why || ""))));
    box.replaceChildren(node("h3", {}, info.title), node("p", {}, info.scope.join(" ")),
      node("div", { class: "dim" }, "Assumptions"), table,
      node("p", { class: "dim" }, "Answer in napkin syntax with units (3k/s, 12 TB), or with the variables above (new_urls * 10); an empty answer skips."),
      node("div", { id: "practice-steps" }));
    askQuestion();
  } catch (e) {
    box.replaceChildren(node("p", { class: "err" }, errorText(e)));
  }
}

function askQuestion() {
  const steps = $("practice-steps");
  const { info, i } = practice;
  if (i >= info.questions.length) {
    const counts = {};
    for (const g of practice.grades) counts[g] = (counts[g] || 0) + 1;
    steps.append(node("p", { class: "question", id: "practice-score" },
      `Score: ${practice.score} / ${info.questions.length}  (${counts["good"] || 0} good, ${counts["right order of magnitude"] || 0} right order of magnitude, ` +
      `${counts["off"] || 0} off, ${counts["wrong dimension"] || 0} wrong dimension, ${counts["skipped"] || 0} skipped)`));
    return;
  }
  const q = info.questions[i];
  const input = node("input", { id: "practice-answer", "aria-label": "your answer", placeholder: "e.g. 3k/s" });
  const feedback = node("div", { id: "practice-feedback" });
  const submit = async () => {
    try {
      const g = await api(`/api/practice/${encodeURIComponent(info.name)}/grade` + (practice.query ? "?" + practice.query : ""),
        { question: q.name, answer: input.value });
      if (g.error) {
        feedback.replaceChildren(node("p", { class: "grade off" }, "not an estimate: " + g.error.error),
          g.error.hint ? node("p", { class: "dim" }, g.error.hint) : "", node("p", { class: "dim" }, "try again, or leave it empty to skip"));
        return;
      }
      input.disabled = true;
      form.querySelector("button").disabled = true;
      const a = g.answer;
      practice.score += points[a.grade] || 0;
      practice.grades.push(a.grade);
      let text;
      switch (a.grade) {
        // The words of napkin practice.
        case "good": text = `${a.grade}: ${g.answer_display} is within 2x of napkin's ${a.expected} (${compact(a.factor)}x)`; break;
        case "skipped": text = "skipped"; break;
        case "wrong dimension": text = `${a.grade}: your answer ${g.answer_display} is ${g.answer_dimension}; the answer is ${g.working.dimension}`; break;
        default: text = a.why ? `${a.grade}: ${g.answer_display}: ${a.why}; napkin's figure is ${a.expected}`
          : `${a.grade}: ${g.answer_display} is ${compact(a.factor)}x from napkin's ${a.expected}`;
      }
      const pre = node("pre", {}, workingLines(g.working).map(([l]) => l).join("\n"));
      feedback.replaceChildren(node("p", { class: "grade " + gradeClass[a.grade] }, text),
        node("div", { class: "dim" }, "napkin's working:"), pre,
        node("button", { type: "button", id: "practice-next", onclick: () => { practice.i++; askQuestion(); } },
          practice.i + 1 < info.questions.length ? "Next question" : "See the score"));
      $("practice-next").focus();
    } catch (e) {
      feedback.replaceChildren(node("p", { class: "err" }, errorText(e)));
    }
  };
  const form = node("form", { onsubmit: (e) => { e.preventDefault(); submit(); } }, input, " ", node("button", { type: "submit" }, "Answer"));
  steps.replaceChildren(node("p", { class: "question" }, `${i + 1}/${info.questions.length} ${q.text}`), form, feedback);
  input.focus();
}

// ---- latency -------------------------------------------------------------

let latencyLoaded = false;

async function showLatency(set) {
  try {
    const data = await api("/api/latency" + (set ? "?set=" + encodeURIComponent(set) : ""));
    const sel = $("latency-set");
    if (!sel.options.length) {
      for (const s of data.sets) {
        if (s.name === "scott:YEAR") {
          for (const y of [1990, 2000, 2010, 2020, 2026]) sel.append(node("option", { value: "scott:" + y }, `scott:${y} — Colin Scott's model for ${y}`));
        } else {
          sel.append(node("option", { value: s.name }, `${s.name} — ${s.title}`));
        }
      }
    }
    sel.value = data.set;
    $("latency-source").textContent = `${data.title}. source: ${data.source}${data.year ? ", " + data.year : ""}` +
      (data.anchor ? `. Human scale: if ${data.anchor} took 1 second.` : "");
    $("latency-chart").replaceChildren(latencyChart(data.rows));
  } catch (e) {
    $("latency-chart").replaceChildren(node("p", { class: "err" }, errorText(e)));
  }
}

// ---- start -----------------------------------------------------------------

editor.addEventListener("input", schedule);
for (const ev of ["keyup", "click", "select"]) editor.addEventListener(ev, showWorking);
editor.addEventListener("mousemove", hover);
editor.addEventListener("mouseleave", () => { tooltip.hidden = true; });
editor.addEventListener("keydown", (e) => {
  if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    editor.setRangeText("    ", editor.selectionStart, editor.selectionEnd, "end");
    schedule();
  }
});
window.addEventListener("resize", layout);
window.addEventListener("hashchange", async () => { if (await openFragment()) schedule(); });
$("share").addEventListener("click", share);
$("copy-note").addEventListener("click", copyNote);
$("preset").addEventListener("change", openPreset);
$("practice-start").addEventListener("click", startPractice);
$("latency-pane").addEventListener("toggle", () => {
  if ($("latency-pane").open && !latencyLoaded) { latencyLoaded = true; showLatency(""); }
});
$("latency-set").addEventListener("change", () => showLatency($("latency-set").value));

measure();
await openFragment();
schedule();
loadPresets().catch((e) => showStatus(errorText(e), true));
