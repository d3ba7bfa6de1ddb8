// Inline SVG charts drawn from the API's numbers: a range's histogram with
// its 90% interval, the --why sensitivity bars, and latencies on a log scale.

const NS = "http://www.w3.org/2000/svg";

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// compact writes a number in three significant digits with napkin's
// scale suffixes: 4.49K, 12.7M, 0.0123.
export function compact(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const suffixes = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
  for (const [f, s] of suffixes) {
    if (a >= f) return trim((v / f).toPrecision(3)) + s;
  }
  if (a === 0) return "0";
  if (a < 1e-3) return v.toExponential(2);
  return trim(v.toPrecision(3));
}

function trim(s) {
  return s.includes(".") && !s.includes("e") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

// histogram draws a range result's distribution: one bar per bin from p1 to
// p99, the 90% interval shaded and marked at p5 and p95, the median dashed.
export function histogram(h, title) {
  const W = 460, H = 190, L = 36, R = 12, T = 26, B = 40;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", class: "histogram",
    "aria-label": `${title}: histogram, 90% interval ${compact(h.p5)} to ${compact(h.p95)} ${h.unit}` });
  const n = h.counts.length;
  const lo = h.edges[0], hi = h.edges[n];
  const f = h.log ? Math.log : (x) => x;
  const x = (v) => L + ((f(v) - f(lo)) / (f(hi) - f(lo) || 1)) * (W - L - R);
  const peak = Math.max(1, ...h.counts);
  const y = (c) => H - B - (c / peak) * (H - T - B);
  svg.append(el("text", { x: L, y: 14 }, `${title}  ${h.log ? "(log scale)" : ""}`));
  const band = el("rect", { class: "band interval", x: x(h.p5), y: T - 4, width: Math.max(1, x(h.p95) - x(h.p5)), height: H - T - B + 4 });
  svg.append(band);
  for (let i = 0; i < n; i++) {
    const x0 = x(h.edges[i]), x1 = x(h.edges[i + 1]);
    const mid = (h.edges[i] + h.edges[i + 1]) / 2;
    const inside = mid >= h.p5 && mid <= h.p95;
    svg.append(el("rect", { class: inside ? "bar" : "bar out", x: x0 + 0.5, y: y(h.counts[i]), width: Math.max(0.5, x1 - x0 - 1), height: H - B - y(h.counts[i]) }));
  }
  svg.append(el("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
  for (const [v, cls, label] of [[h.p5, "mark p5", "p5"], [h.p95, "mark p95", "p95"], [h.p50, "median", "median"]]) {
    svg.append(el("line", { class: cls, x1: x(v), x2: x(v), y1: T - 4, y2: H - B }));
    const anchor = label === "p5" ? "end" : label === "p95" ? "start" : "middle";
    const dx = label === "p5" ? -3 : label === "p95" ? 3 : 0;
    svg.append(el("text", { x: x(v) + dx, y: label === "median" ? H - B + 28 : T + 6, "text-anchor": anchor, class: "label" },
      `${label} ${compact(v)}`));
  }
  for (const v of [lo, hi]) {
    svg.append(el("text", { x: x(v), y: H - B + 14, "text-anchor": v === lo ? "start" : "end", class: "label" }, compact(v)));
  }
  svg.append(el("text", { x: W - R, y: H - 4, "text-anchor": "end", class: "label" }, `${h.unit || ""}  · 90% interval shaded`));
  return svg;
}

// whyBars draws which ranges make a result wide: each one's share of the
// spread, as napkin --why prints it.
export function whyBars(why) {
  const rowH = 20, W = 460, L = 130, H = 24 + why.length * rowH;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", class: "why",
    "aria-label": "why it is wide: " + why.map((w) => `${w.name} ${(w.share * 100).toFixed(1)}%`).join(", ") });
  svg.append(el("text", { x: 0, y: 14 }, "why it is wide (share of the spread each range explains)"));
  why.forEach((w, i) => {
    const y0 = 22 + i * rowH;
    svg.append(el("text", { x: L - 6, y: y0 + 13, "text-anchor": "end" }, w.name.length > 20 ? w.name.slice(0, 19) + "…" : w.name));
    svg.append(el("rect", { class: "why", x: L, y: y0 + 2, width: Math.max(1, w.share * (W - L - 60)), height: rowH - 6 }));
    svg.append(el("text", { x: L + w.share * (W - L - 60) + 5, y: y0 + 13, class: "label" }, (w.share * 100).toFixed(1) + "%"));
  });
  return svg;
}

const timeUnits = [[1e-9, "1 ns"], [1e-8, "10 ns"], [1e-7, "100 ns"], [1e-6, "1 µs"], [1e-5, "10 µs"], [1e-4, "100 µs"],
  [1e-3, "1 ms"], [1e-2, "10 ms"], [1e-1, "100 ms"], [1, "1 s"], [10, "10 s"], [100, "100 s"]];

// latencyChart draws a latency set on a log scale, one bar per operation,
// with decades marked.
export function latencyChart(rows) {
  const rowH = 22, W = 900, L = 210, R = 230, T = 24;
  const H = T + rows.length * rowH + 8;
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "latency", "aria-label": "latencies on a log scale" });
  const secs = rows.map((r) => r.seconds).filter((s) => s > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...secs))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...secs))));
  const x = (s) => L + ((Math.log10(s) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo) || 1)) * (W - L - R);
  for (const [s, label] of timeUnits) {
    if (s < lo || s > hi) continue;
    svg.append(el("line", { class: "grid", x1: x(s), x2: x(s), y1: T - 6, y2: H - 4 }));
    svg.append(el("text", { x: x(s), y: T - 10, "text-anchor": "middle", class: "label" }, label));
  }
  rows.forEach((r, i) => {
    const y0 = T + i * rowH;
    const g = el("g", { class: "row" });
    g.append(el("title", {}, `${r.name}: ${r.display}, ${r.description}. ${r.source}${r.year ? ", " + r.year : ""}`));
    g.append(el("text", { x: L - 8, y: y0 + 15, "text-anchor": "end" }, r.name));
    g.append(el("rect", { class: "bar", x: L, y: y0 + 4, width: Math.max(2, x(r.seconds) - L), height: rowH - 8 }));
    g.append(el("text", { x: Math.max(L + 2, x(r.seconds)) + 6, y: y0 + 15 }, r.display));
    g.append(el("text", { x: W - R + 70, y: y0 + 15, class: "label" }, r.human_scale ? "≈ " + r.human_scale : ""));
    svg.append(g);
  });
  return svg;
}
