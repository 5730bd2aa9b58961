// Catalog: search, product detail with its facts, and (owners) upload with every bad row shown in place.
import { api, ApiError } from "../api.js";
import { h, clear, money, num, toast } from "../dom.js";
import { t } from "../i18n.js";

let ui = null;
export function leave() { ui = null; }

export async function enter(root, [sku], user) {
  ui = { q: h("input", { type: "search", placeholder: t("catalog.search"), maxlength: 100, "data-testid": "catalog-search" }),
    category: h("select", { "data-testid": "catalog-category" }), body: h("tbody"), count: h("span", { class: "muted" }),
    detail: h("section", { class: "card", "data-testid": "product-detail" }) };
  let timer = null;
  ui.q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  ui.category.addEventListener("change", load);
  const table = h("table", { "data-testid": "catalog-table" }, h("thead", {}, h("tr", {}, ["catalog.sku", "catalog.name", "catalog.category", "catalog.price", "catalog.stock"].map((k) => h("th", {}, t(k))))), ui.body);
  const left = h("section", { class: "card" }, h("h1", {}, t("catalog.title")), h("div", { class: "toolbar" }, ui.q, ui.category, ui.count), table);
  ui.detail.append(h("p", { class: "muted" }, t("catalog.pick")));
  if (user.role === "owner") root.append(uploadCard());
  root.append(h("div", { class: "split catalog-split" }, left, ui.detail));
  try {
    const shop = await api("/api/shop");
    ui.category.append(h("option", { value: "" }, t("common.all")), Object.entries(shop.categories).map(([c, n]) => h("option", { value: c }, `${c} (${n})`)));
  } catch (_) { ui.category.append(h("option", { value: "" }, t("common.all"))); }
  await load();
  if (sku) await detail(sku);
}

async function load() {
  const params = new URLSearchParams({ limit: "500" });
  if (ui.q.value.trim()) params.set("q", ui.q.value.trim().slice(0, 100));
  if (ui.category.value) params.set("category", ui.category.value);
  const page = await api(`/api/products?${params}`);
  const body = clear(ui.body);
  for (const p of page.items) {
    body.append(h("tr", { class: "clickable", "data-sku": p.sku, onclick: () => detail(p.sku) }, h("td", {}, h("code", {}, p.sku)), h("td", {}, p.title),
      h("td", {}, p.category), h("td", { class: "num" }, money(p.price)), h("td", { class: `num ${p.stock === 0 ? "bad" : ""}` }, num(p.stock))));
  }
  ui.count.textContent = `${t("catalog.total")} ${page.total} ${t("catalog.items")}`;
}

async function detail(sku) {
  const d = clear(ui.detail);
  try {
    const [p, facts] = await Promise.all([api(`/api/products/${encodeURIComponent(sku)}`), api(`/api/products/${encodeURIComponent(sku)}/facts`)]);
    d.append(h("h2", {}, p.title), h("p", {}, h("span", { class: "chip sku" }, p.sku), h("span", { class: "chip" }, p.category), p.brand ? h("span", { class: "chip" }, p.brand) : null,
      ` ${money(p.price)} · ${t("catalog.stock")} ${num(p.stock)}`), h("h3", {}, t("catalog.facts")),
    h("table", {}, h("thead", {}, h("tr", {}, ["catalog.fact", "catalog.value", "catalog.source"].map((k) => h("th", {}, t(k))))),
      h("tbody", {}, facts.map((f) => h("tr", {}, h("td", {}, h("code", { class: "small" }, f.id)),
        h("td", {}, typeof f.value === "object" ? JSON.stringify(f.value) : String(f.value)), h("td", { class: "small muted" }, f.source || ""))))));
  } catch (err) { d.append(h("p", { class: "error" }, err.message)); }
}

// "bad.csv:3:price: reason" → {file, row, column, reason}
export function parseProblem(text) {
  const m = /^(.*?):(\d+):([^:]*): (.*)$/s.exec(text);
  return m ? { file: m[1], row: Number(m[2]), column: m[3], reason: m[4] } : { file: "", row: 0, column: "", reason: text };
}

export function parseCsv(text, limit = 2000) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length && rows.length < limit; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") { if (c === "\r" && text[i + 1] === "\n") i++; row.push(cell); rows.push(row); row = []; cell = ""; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function uploadCard() {
  const input = h("input", { type: "file", multiple: true, accept: ".xlsx,.csv,.json", "data-testid": "catalog-file" });
  const result = h("div", { class: "problems", "data-testid": "import-result" });
  const button = h("button", { type: "button", class: "primary", "data-testid": "catalog-import", onclick: () => upload(input, result, button) }, t("catalog.import"));
  return h("section", { class: "card upload" }, h("h2", {}, t("catalog.upload")), h("p", { class: "muted small" }, t("catalog.upload.help")),
    h("div", { class: "inline" }, input, button), result);
}

async function upload(input, result, button) {
  clear(result);
  if (!input.files.length) return;
  const form = new FormData();
  for (const f of input.files) form.append("file", f, f.name);
  button.disabled = true;
  try {
    const out = await api("/api/catalog/import", { method: "POST", form });
    result.append(h("p", { class: "ok", "data-testid": "import-ok" }, `${t("catalog.imported")} ${out.file}: ${t("catalog.added")} ${out.added} · ${t("catalog.updated")} ${out.updated} · ${t("catalog.unchanged")} ${out.unchanged}`));
    await load();
  } catch (err) {
    const problems = (err instanceof ApiError && err.body.problems) || [];
    result.append(h("p", { class: "error", "data-testid": "import-error" }, problems.length ? t("catalog.problems") : err.message));
    if (problems.length) await showProblems(result, problems.map(parseProblem), input.files[0]);
  } finally { button.disabled = false; }
}

async function showProblems(result, problems, file) {
  result.append(h("table", { "data-testid": "problem-table" }, h("thead", {}, h("tr", {}, ["catalog.row", "catalog.column", "catalog.problem"].map((k) => h("th", {}, t(k))))),
    h("tbody", {}, problems.map((p) => h("tr", { class: "bad" }, h("td", { class: "num" }, p.file ? `${p.file}:${p.row}` : ""), h("td", {}, h("code", {}, p.column)), h("td", {}, p.reason))))));
  if (!file || !/\.csv$/i.test(file.name) || file.size > 2_000_000) return;
  const rows = parseCsv((await file.text()).replace(/^\uFEFF/, ""));
  if (rows.length < 2) return;
  const header = rows[0];
  const bad = new Map();
  for (const p of problems) if (p.file === file.name || p.file.endsWith("/" + file.name)) { if (!bad.has(p.row)) bad.set(p.row, []); bad.get(p.row).push(p); }
  const body = h("tbody");
  rows.slice(1, 501).forEach((r, i) => {
    const line = i + 2;
    const issues = bad.get(line) || [];
    body.append(h("tr", { class: issues.length ? "bad-row" : "", "data-line": line },
      h("td", { class: "num muted" }, line),
      header.map((col, c) => h("td", { class: issues.some((p) => p.column === col) ? "bad" : "", title: issues.filter((p) => p.column === col).map((p) => p.reason).join("; ") }, r[c] ?? "")),
      h("td", { class: "error small" }, issues.map((p) => p.reason).join("；"))));
  });
  result.append(h("h3", {}, t("catalog.preview")), h("div", { class: "preview" }, h("table", { "data-testid": "csv-preview" },
    h("thead", {}, h("tr", {}, h("th", {}, "#"), header.map((c) => h("th", {}, c)), h("th", {}, t("catalog.problem")))), body)));
}
