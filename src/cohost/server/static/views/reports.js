// Post-live reports (decision-support issue): the list of shows and the report page in a sandboxed frame.
import { api } from "../api.js";
import { h, clear, fill, fmtDateTime } from "../dom.js";
import { t } from "../i18n.js";

export function leave() {}

export async function enter(root, [id]) {
  const list = h("ul", { class: "script-list", "data-testid": "report-list" });
  const view = h("section", { class: "card" });
  root.append(h("div", { class: "split" }, h("section", { class: "card" }, h("h1", {}, t("reports.title")), list), view));
  try {
    const { shows } = await api("/api/reports");
    for (const s of shows) {
      list.append(h("li", { class: s.id === id ? "selected" : "", onclick: () => { location.hash = `#/reports/${encodeURIComponent(s.id)}`; } },
        h("b", {}, s.title || s.id), h("div", { class: "small muted" }, `${fmtDateTime(s.started_at)} · ${s.source || ""}`)));
    }
    if (!shows.length) list.append(h("li", { class: "muted" }, t("reports.none")));
  } catch (err) { list.append(h("li", { class: "error" }, err.message)); }
  if (id) {
    const src = `/api/reports/${encodeURIComponent(id)}/html`;
    fill(view, h("p", {}, h("a", { href: src, target: "_blank", rel: "noopener" }, t("reports.open"), " ↗")),
      h("iframe", { class: "report", src, sandbox: "", title: id }));
  } else view.append(h("p", { class: "muted" }, t("reports.none")));
}
