// Scripts: list, read with findings marked in the text, edit, submit, approve / reject (LSE-30 review).
import { api } from "../api.js";
import { h, clear, fill, fmtDateTime, toast } from "../dom.js";
import { t } from "../i18n.js";

const CUES = ["展示", "特写", "试用", "上链接", "倒计时", "互动", "看评论", "切换"];
const CUE_RE = /\[([^\[\]\n]{1,16})\]/g;
const isCue = (name) => CUES.includes(name) || /^停顿\d{1,3}秒$/.test(name);
const WRITERS = ["owner", "operator", "reviewer"];
const REVIEWERS = ["owner", "reviewer"];
let ui = null;

export function leave() { ui = null; }

export async function enter(root, [id], user) {
  ui = { user, filter: "", list: h("ul", { class: "script-list", "data-testid": "script-list" }), detail: h("section", { class: "card", "data-testid": "script-detail" }) };
  const tabs = h("div", { class: "tabs" });
  for (const [value, key] of [["", "common.all"], ["in_review", "scripts.status.in_review"], ["draft", "scripts.status.draft"],
    ["approved", "scripts.status.approved"], ["rejected", "scripts.status.rejected"]]) {
    tabs.append(h("button", { type: "button", class: value === ui.filter ? "active" : "", "data-status": value,
      onclick: (e) => { ui.filter = value; [...tabs.children].forEach((b) => b.classList.toggle("active", b === e.target)); loadList(); } }, t(key)));
  }
  const side = h("section", { class: "card" }, h("h1", {}, t("scripts.title")), tabs, ui.list);
  if (WRITERS.includes(user.role)) side.append(newForm());
  root.append(h("div", { class: "split" }, side, ui.detail));
  await loadList();
  if (id) await show(id); else ui.detail.append(h("p", { class: "muted" }, t("scripts.select")));
}

function newForm() {
  const skus = h("input", { placeholder: "MZ-001,MZ-002", "data-testid": "new-skus" });
  const minutes = h("input", { type: "number", min: 1, max: 1440, value: 10, "data-testid": "new-minutes" });
  const form = h("form", { class: "review-box" }, h("h3", {}, t("scripts.new")), h("label", {}, t("scripts.skus"), skus),
    h("label", {}, t("scripts.minutes"), minutes), h("button", { type: "submit", class: "primary" }, t("scripts.create")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const s = await api("/api/scripts", { method: "POST", body: { skus: skus.value.split(/[,，\s]+/).filter(Boolean), minutes: Number(minutes.value) } });
      await loadList();
      location.hash = `#/scripts/${encodeURIComponent(s.id)}`;
    } catch (err) { toast(err.message, "error"); }
  });
  return form;
}

async function loadList() {
  const page = await api(`/api/scripts?limit=200${ui.filter ? `&status=${ui.filter}` : ""}`);
  const list = clear(ui.list);
  for (const s of page.items) {
    list.append(h("li", { "data-id": s.id, class: s.id === ui.current ? "selected" : "", onclick: () => { location.hash = `#/scripts/${encodeURIComponent(s.id)}`; } },
      h("b", {}, s.title || s.id), h("div", {}, h("span", { class: `chip status-${s.status}` }, t(`scripts.status.${s.status}`)),
        h("small", { class: "muted" }, ` v${s.version} · ${s.minutes} min · ${fmtDateTime(s.updated_at)}`))));
  }
  if (!page.items.length) list.append(h("li", { class: "muted" }, t("common.none")));
}

// the line with cue marks shown as chips and every finding span (on the spoken text) marked
export function markLine(line, findings) {
  const where = [];
  let spoken = "";
  let pos = 0;
  const cues = new Map();
  for (const m of line.matchAll(CUE_RE)) {
    if (!isCue(m[1])) continue;
    for (let i = pos; i < m.index; i++) { spoken += line[i]; where.push(i); }
    cues.set(m.index, m[0]);
    pos = m.index + m[0].length;
  }
  for (let i = pos; i < line.length; i++) { spoken += line[i]; where.push(i); }
  const marks = new Array(line.length).fill(null);
  for (const f of findings) {
    const [a, b] = f.span || [0, 0];
    for (let k = Math.max(0, a); k < Math.min(b, where.length); k++) marks[where[k]] = f;
  }
  const out = [];
  let i = 0;
  while (i < line.length) {
    if (cues.has(i)) { out.push(h("span", { class: "cue" }, cues.get(i))); i += cues.get(i).length; continue; }
    const f = marks[i];
    let j = i;
    while (j < line.length && marks[j] === f && !cues.has(j)) j++;
    const text = line.slice(i, j);
    out.push(f ? h("mark", { class: `sev-${f.severity}`, title: `${f.rule} · ${f.message}${f.suggestion ? " → " + f.suggestion : ""}`, "data-rule": f.rule }, text) : text);
    i = j;
  }
  return out;
}

async function show(id) {
  ui.current = id;
  [...ui.list.children].forEach((li) => li.classList.toggle("selected", li.dataset.id === id));
  const [s, history] = await Promise.all([api(`/api/scripts/${encodeURIComponent(id)}`), api(`/api/scripts/${encodeURIComponent(id)}/history`)]);
  render(s, history);
}

function render(s, history, editing = false) {
  const d = clear(ui.detail);
  const byLine = new Map();
  for (const f of s.findings || []) {
    const key = `${f.segment}:${f.line}`;
    if (!byLine.has(key)) byLine.set(key, []);
    byLine.get(key).push(f);
  }
  const blocking = (s.findings || []).filter((f) => ["critical", "high"].includes(f.severity) || ["contradicted", "unsupported", "needs_evidence"].includes(f.rule));
  d.append(h("h1", {}, s.title || s.id, " ", h("span", { class: "chip", "data-testid": "script-status" }, t(`scripts.status.${s.status}`))),
    h("p", { class: "muted" }, `${s.id} · ${t("scripts.version")} ${s.version} · ${s.minutes} min`, s.reviewer ? ` · ${t("scripts.reviewer")} ${s.reviewer}` : "",
      s.label ? ` · ${s.label}` : ""));
  const editors = [];
  (s.segments || []).forEach((seg, si) => {
    const box = h("div", { class: "segment", "data-segment": si },
      h("header", {}, h("span", { class: "chip intent" }, seg.kind), seg.sku ? h("span", { class: "chip sku" }, seg.sku) : null, seg.title || "", ` · ${Math.round(seg.seconds)}${t("scripts.seconds")}`));
    if (editing) {
      const area = h("textarea", { rows: Math.min(12, Math.max(2, seg.lines.length + 1)), title: t("scripts.lines"), "data-testid": `edit-${si}` });
      area.value = seg.lines.join("\n");
      editors.push(area);
      box.append(area);
    } else {
      seg.lines.forEach((line, li) => box.append(h("p", {}, markLine(line, byLine.get(`${si}:${li}`) || []))));
    }
    d.append(box);
  });
  d.append(h("h2", {}, t("scripts.findings")));
  const fl = h("ul", { class: "findings", "data-testid": "findings" });
  for (const f of s.findings || []) {
    fl.append(h("li", {}, h("span", { class: `chip sev-${f.severity}` }, `${f.rule} · ${f.severity}`), " 「", f.text, "」 ", f.message,
      f.suggestion ? h("span", { class: "muted" }, ` → ${f.suggestion}`) : null, h("small", { class: "muted" }, ` (#${f.segment + 1}.${f.line + 1})`)));
  }
  if (!(s.findings || []).length) fl.append(h("li", { class: "muted" }, t("scripts.nofindings")));
  d.append(fl);
  if ((s.fixes || []).length) {
    d.append(h("h3", {}, t("scripts.fixes")), h("ul", {}, s.fixes.slice(0, 50).map((x) => h("li", { class: "small" }, h("span", { class: "chip" }, x.reason), " ", h("del", {}, x.before), x.after ? [" → ", x.after] : null))));
  }
  if ((s.notes || []).length) d.append(h("h3", {}, t("scripts.notes")), h("ul", {}, s.notes.map((n) => h("li", { class: "small" }, n))));
  d.append(actions(s, history, editing, editors, blocking));
  d.append(h("h2", {}, t("scripts.history")), h("ul", { class: "small" }, history.map((e) => h("li", {}, fmtDateTime(e.at), " · ", h("b", {}, e.actor), ` · ${e.action} ${e.from_status || ""}→${e.to_status}`, e.comment ? ` · “${e.comment}”` : ""))));
}

function actions(s, history, editing, editors, blocking) {
  const role = ui.user.role;
  const comment = h("textarea", { rows: 2, maxlength: 2000, placeholder: t("scripts.comment"), "data-testid": "review-comment" });
  const box = h("div", { class: "review-box" });
  const step = async (action) => {
    try {
      const body = { by: ui.user.name, comment: comment.value || null };
      const next = await api(`/api/scripts/${encodeURIComponent(s.id)}/${action}`, { method: "POST", body });
      toast(t(`scripts.status.${next.status}`));
      await loadList();
      await show(s.id);
    } catch (err) { toast(err.message, "error"); }
  };
  if (editing) {
    box.append(h("div", { class: "buttons" },
      h("button", { type: "button", class: "primary", "data-testid": "save-edit", onclick: async () => {
        const doc = JSON.parse(JSON.stringify(s));
        doc.segments.forEach((seg, i) => { seg.lines = editors[i].value.split("\n").map((x) => x.trim()).filter(Boolean); });
        try {
          await api(`/api/scripts/${encodeURIComponent(s.id)}`, { method: "PUT", body: { by: ui.user.name, comment: comment.value || null, script: doc } });
          toast(t("scripts.saved"));
          await show(s.id);
        } catch (err) { toast(err.message, "error"); }
      } }, t("common.save")),
      h("button", { type: "button", onclick: () => render(s, history, false) }, t("common.cancel"))), comment);
    return box;
  }
  const buttons = h("div", { class: "buttons" });
  if (WRITERS.includes(role)) buttons.append(h("button", { type: "button", "data-testid": "edit", onclick: () => render(s, history, true) }, t("scripts.edit")));
  if (s.status === "draft" && WRITERS.includes(role)) buttons.append(h("button", { type: "button", class: "primary", "data-testid": "submit", onclick: () => step("submit") }, t("scripts.submit")));
  if (s.status === "in_review" && REVIEWERS.includes(role)) {
    buttons.append(h("button", { type: "button", class: "primary", "data-testid": "approve", disabled: blocking.length > 0, title: blocking.length ? t("scripts.blocking") : "", onclick: () => step("approve") }, t("scripts.approve")),
      h("button", { type: "button", class: "danger", "data-testid": "reject", onclick: () => step("reject") }, t("scripts.reject")));
    if (blocking.length) box.append(h("p", { class: "warn" }, t("scripts.blocking")));
  }
  if (buttons.children.length) box.append(comment, buttons);
  return box;
}
