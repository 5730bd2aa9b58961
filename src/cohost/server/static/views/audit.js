// Audit: who did what and when (the audit log) and every AI utterance with its source, facts and checks.
import { api } from "../api.js";
import { h, clear, fill, fmtDateTime, fmtTime } from "../dom.js";
import { t } from "../i18n.js";

let ui = null;
export function leave() { ui = null; }

export async function enter(root, [tab]) {
  ui = { tab: tab === "utterances" ? "utterances" : "actions", body: h("div", {}) };
  const tabs = h("div", { class: "tabs" },
    h("button", { type: "button", class: ui.tab === "actions" ? "active" : "", "data-testid": "tab-actions", onclick: () => { location.hash = "#/audit/actions"; } }, t("audit.actions")),
    h("button", { type: "button", class: ui.tab === "utterances" ? "active" : "", "data-testid": "tab-utterances", onclick: () => { location.hash = "#/audit/utterances"; } }, t("audit.utterances")));
  root.append(h("section", { class: "card" }, h("h1", {}, t("audit.title")), tabs, ui.body));
  if (ui.tab === "actions") actions(); else utterances();
}

function actions() {
  const f = { actor: h("input", { placeholder: t("audit.actor"), maxlength: 100 }), action: h("select", {}),
    subject: h("input", { placeholder: t("audit.subject"), maxlength: 200 }), q: h("input", { type: "search", placeholder: t("audit.q"), maxlength: 200 }),
    since: h("input", { type: "datetime-local" }) };
  f.action.append(h("option", { value: "" }, `${t("audit.action")}: ${t("common.all")}`),
    ["anchor.", "queue.", "suggestion.", "duty.", "script.", "catalog.", "auth.", "user.", "token.", "room.", "stage."].map((a) => h("option", { value: a }, a + "*")));
  const table = h("tbody", { "data-testid": "audit-rows" });
  const total = h("span", { class: "muted" });
  const run = async () => {
    const params = new URLSearchParams({ limit: "300" });
    for (const k of ["actor", "action", "subject", "q"]) if (f[k].value.trim()) params.set(k, f[k].value.trim());
    if (f.since.value) params.set("since", new Date(f.since.value).toISOString());
    const out = await api(`/api/audit?${params}`);
    total.textContent = `${t("catalog.total")} ${out.total}`;
    fill(table, ...out.items.map((e) => h("tr", {}, h("td", { class: "small" }, fmtDateTime(e.at)), h("td", {}, h("b", {}, e.actor)),
      h("td", {}, h("code", {}, e.action)), h("td", {}, e.subject), h("td", { class: "small muted" }, summary(e.detail)))));
    if (!out.items.length) table.append(h("tr", {}, h("td", { colspan: 5, class: "muted" }, t("common.none"))));
  };
  const form = h("form", { class: "toolbar" }, f.actor, f.action, f.subject, f.q, f.since, h("button", { type: "submit", class: "primary" }, t("audit.filter")), total);
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  ui.body.append(form, h("table", {}, h("thead", {}, h("tr", {}, ["common.time", "audit.actor", "audit.action", "audit.subject", "audit.detail"].map((k) => h("th", {}, t(k))))), table));
  run();
}

function summary(detail) {
  const text = Object.entries(detail || {}).filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`).join(" · ");
  return text.length > 240 ? text.slice(0, 240) + "…" : text;
}

function utterances() {
  const f = { room: h("input", { placeholder: t("live.room"), maxlength: 64 }), route: h("select", {}),
    flagged: h("input", { type: "checkbox" }), escalated: h("input", { type: "checkbox" }), q: h("input", { type: "search", placeholder: t("audit.q"), maxlength: 200 }) };
  f.route.append(h("option", { value: "" }, `${t("audit.route")}: ${t("common.all")}`), ["anchor", "chat", "human"].map((r) => h("option", { value: r }, t("live.route." + r))));
  const list = h("div", { "data-testid": "utterance-list" });
  const run = async () => {
    const params = new URLSearchParams({ limit: "200" });
    if (f.room.value.trim()) params.set("room", f.room.value.trim());
    if (f.route.value) params.set("route", f.route.value);
    if (f.flagged.checked) params.set("flagged", "true");
    if (f.escalated.checked) params.set("escalated", "true");
    if (f.q.value.trim()) params.set("q", f.q.value.trim());
    try {
      const out = await api(`/api/audit/utterances?${params}`);
      fill(list, ...out.items.map(utterance));
      if (!out.items.length) list.append(h("p", { class: "muted" }, t("common.none")));
    } catch (err) { fill(list, h("p", { class: "error" }, err.message)); }
  };
  const form = h("form", { class: "toolbar" }, f.room, f.route, h("label", {}, f.flagged, t("audit.flagged")), h("label", {}, f.escalated, t("audit.escalated")), f.q,
    h("button", { type: "submit", class: "primary" }, t("audit.filter")));
  form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
  ui.body.append(form, list);
  run();
}

function utterance(u) {
  const q = u.question || {};
  return h("div", { class: "utterance" },
    h("div", { class: "small muted" }, `${u.room} · ${u.session} · ${q.last_ts ? fmtTime(q.last_ts) : ""}`, " ", h("span", { class: `chip route-${u.route}` }, t("live.route." + u.route)),
      u.escalate ? h("span", { class: "chip reason" }, t("reason." + (u.reason || "other"))) : null),
    h("p", { class: "said" }, "AI: ", u.text),
    h("div", { class: "small" }, h("b", {}, t("audit.question"), ": "), q.intent ? h("span", { class: "chip intent" }, t("intent." + q.intent)) : null, q.sku ? h("span", { class: "chip sku" }, q.sku) : null,
      q.count ? `×${q.count} ` : "", (q.examples || []).slice(0, 3).join(" / ")),
    h("div", { class: "small" }, h("b", {}, t("audit.facts"), ": "), (u.facts || []).length ? u.facts.map((x) => h("span", { class: "chip fact" }, x)) : "–"),
    h("div", { class: "small" }, h("b", {}, t("audit.checks"), ": "), (u.findings || []).length
      ? u.findings.map((x) => h("span", { class: `chip sev-${x.severity}` }, `${x.rule} 「${x.text}」`)) : h("span", { class: "chip ok" }, t("audit.clean"))));
}
