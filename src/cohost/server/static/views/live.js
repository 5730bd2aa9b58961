// The live room: metrics, comments, question groups, the human queue, suggestions, the anchor and who is
// on duty. A snapshot (GET /api/rooms/{room}/console) then every change over the feed WebSocket.
import { api, feedUrl } from "../api.js";
import { h, clear, fill, fmtTime, money, num, toast } from "../dom.js";
import { t } from "../i18n.js";
import { MetricsChart } from "../charts.js";

const RUNS_ROOM = ["owner", "operator"];
let state = null;

export function leave() {
  if (!state) return;
  state.closed = true;
  if (state.ws) state.ws.close();
  clearTimeout(state.refreshTimer);
  clearTimeout(state.retryTimer);
  if (state.chart) state.chart.dispose();
  state = null;
}

export async function enter(root, [room], user) {
  if (!room) return picker(root);
  state = { room, user, root, ws: null, closed: false, queue: new Map(), suggestions: new Map(), groups: new Map(),
    answers: new Map(), refreshTimer: null, retryTimer: null, retries: 0 };
  const canRun = RUNS_ROOM.includes(user.role);
  const el = state.el = {
    status: h("span", { class: "conn", "data-testid": "feed-status" }, "…"),
    mode: h("strong", { class: "mode", "data-testid": "anchor-mode" }),
    attached: h("small", { class: "muted" }),
    duty: h("ul", { class: "duty", "data-testid": "duty-list" }),
    dutyBtn: h("button", { type: "button", "data-testid": "btn-duty", disabled: !canRun, onclick: toggleDuty }),
    dutyWarn: h("p", { class: "warn", hidden: true }, t("live.duty.nobody")),
    takeover: h("button", { type: "button", class: "warn-btn", "data-testid": "btn-takeover", disabled: !canRun, onclick: () => anchor("takeover") }, t("live.takeover")),
    resume: h("button", { type: "button", class: "primary", "data-testid": "btn-resume", disabled: !canRun, onclick: () => anchor("resume") }, t("live.resume")),
    kill: h("button", { type: "button", class: "danger", "data-testid": "btn-kill", disabled: !canRun, onclick: () => { if (confirm(t("live.kill.confirm"))) anchor("kill"); } }, t("live.kill")),
    cards: {},
    chartBox: h("div", { class: "chart", "data-testid": "metrics-chart" }),
    comments: h("ul", { class: "stream", "data-testid": "comment-list" }),
    groups: h("ul", { class: "groups", "data-testid": "group-list" }),
    queue: h("ul", { class: "queue", "data-testid": "queue-list" }),
    queueCount: h("span", { class: "badge" }, "0"),
    suggestions: h("ul", { class: "suggestions", "data-testid": "suggestion-list" }),
    product: h("div", { class: "product", "data-testid": "product-card" }),
    next: h("ol", { class: "next", "data-testid": "next-segments" }),
    script: h("select", { "data-testid": "script-select", disabled: !canRun, onchange: (e) => pickScript(e.target.value) }),
    stage: h("button", { type: "button", class: "small stage-btn", disabled: !canRun, onclick: stageLink }, t("live.stage")),
  };
  for (const [key, label] of [["online", "live.online"], ["cpm", "live.cpm"], ["opm", "live.opm"], ["qpm", "live.qpm"], ["gmv", "live.gmv"]]) {
    el.cards[key] = h("b", { "data-testid": `metric-${key}` }, "–");
    el.cards[key + "Box"] = h("div", { class: "metric" }, h("span", {}, t(label)), el.cards[key]);
  }
  root.append(
    h("div", { class: "ai-label", role: "note" }, "AI · ", t("live.ailabel")),
    h("section", { class: "roombar card" },
      h("h1", {}, t("live.room"), " ", h("code", { "data-testid": "room-name" }, room)), el.status,
      h("div", { class: "anchor-box" }, h("span", { class: "muted" }, t("live.anchor")), el.mode, el.attached),
      h("div", { class: "buttons" }, el.takeover, el.resume, el.kill),
      h("div", { class: "duty-box" }, h("span", { class: "muted" }, t("live.duty")), el.duty, el.dutyBtn), el.dutyWarn),
    h("section", { class: "metrics card" }, h("div", { class: "metric-row" }, Object.keys(el.cards).filter((k) => k.endsWith("Box")).map((k) => el.cards[k])), el.chartBox),
    h("div", { class: "live-grid" },
      h("section", { class: "card col-comments" }, h("h2", {}, t("live.comments")), el.comments),
      h("section", { class: "card col-queue" }, h("h2", {}, t("live.queue"), " ", el.queueCount), el.queue,
        h("h2", {}, t("live.groups")), el.groups),
      h("section", { class: "card col-side" },
        h("h2", {}, t("live.product")), el.product,
        h("h3", {}, t("live.script")), el.script, h("h3", {}, t("live.next")), el.next, el.stage,
        h("h2", {}, t("live.suggestions")), el.suggestions)));
  state.chart = new MetricsChart(el.chartBox, { online: t("live.online"), cpm: t("live.cpm"), opm: t("live.opm") });
  await loadScripts();
  await refresh();
  connect();
}

async function picker(root) {
  const input = h("input", { placeholder: "sim", "data-testid": "room-input", maxlength: 64, pattern: "[A-Za-z0-9][A-Za-z0-9_.\\-]*" });
  const list = h("ul", { class: "rooms" });
  const form = h("form", { class: "card picker" }, h("h1", {}, t("live.room")), h("p", { class: "muted" }, t("live.noroom")),
    h("div", { class: "inline" }, input, h("button", { type: "submit", class: "primary", "data-testid": "room-open" }, t("live.open"))),
    h("h2", {}, t("live.rooms")), list);
  form.addEventListener("submit", (e) => { e.preventDefault(); if (input.value.trim()) location.hash = `#/live/${encodeURIComponent(input.value.trim())}`; });
  root.append(form);
  try {
    const { rooms } = await api("/api/rooms");
    for (const r of rooms) list.append(h("li", {}, h("a", { href: `#/live/${encodeURIComponent(r.room)}` }, r.room), " ", h("small", { class: "muted" }, r.status || "")));
    if (!rooms.length) list.append(h("li", { class: "muted" }, t("common.none")));
  } catch (err) { list.append(h("li", { class: "error" }, err.message)); }
}

function connect() {
  if (!state || state.closed) return;
  const ws = state.ws = new WebSocket(feedUrl(state.room));
  ws.onopen = () => { state.retries = 0; setStatus(true); };
  ws.onmessage = (msg) => { try { onRecord(JSON.parse(msg.data)); } catch (err) { console.warn("bad feed record", err); } };
  ws.onclose = () => {
    if (!state || state.closed) return;
    setStatus(false);
    state.retryTimer = setTimeout(() => { refresh(); connect(); }, Math.min(10000, 500 * 2 ** state.retries++));
  };
}

function setStatus(ok) {
  const s = state.el.status;
  s.textContent = ok ? `● ${t("live.connected")}` : t("live.disconnected");
  s.className = ok ? "conn ok" : "conn down";
}

function onRecord(rec) {
  switch (rec.kind) {
    case "comment": addComment(rec, true); break;
    case "group": state.groups.set(String(rec.group), rec); renderGroups(); break;
    case "answer": state.answers.set(String(rec.group), rec); renderGroups(); break;
    case "metrics": addMetrics(rec); break;
    case "anchor": renderAnchor(rec); break;
    case "queue": upsertQueue(rec.item); break;
    case "suggestion_update": upsertSuggestion(rec.item); break;
    case "escalation": case "suggestion": case "product_switch": scheduleRefresh(); break;
    default: break;
  }
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(refresh, 300);
}

async function refresh() {
  if (!state) return;
  const room = state.room;
  const view = await api(`/api/rooms/${encodeURIComponent(room)}/console`);
  if (!state || state.room !== room) return;
  state.me = view.me;
  renderAnchor(view.anchor);
  if (!state.loaded) {
    clear(state.el.comments);
    view.comments.forEach((c) => addComment(c, true));  // oldest first, each on top: newest ends up first
    state.chart.reset(view.metrics);
    if (view.metrics.length) showCards(view.metrics[view.metrics.length - 1]);
    state.loaded = true;
  }
  for (const g of view.groups) { state.groups.set(String(g.group), g); if (g.answer) state.answers.set(String(g.group), g.answer); }
  renderGroups();
  view.queue.slice().reverse().forEach(upsertQueue);
  view.suggestions.slice().reverse().forEach(upsertSuggestion);
  renderProduct(view.current_product, view.script);
}

function chip(text, cls = "") { return h("span", { class: `chip ${cls}` }, text); }

function addComment(c, live) {
  const list = state.el.comments;
  const flagged = c.moderation && c.moderation !== "ok";
  const li = h("li", { class: `comment ${flagged ? "moderated" : ""}` },
    h("time", {}, fmtTime(c.ts)), " ",
    h("span", { class: "text" }, c.text),
    c.intent && c.intent !== "other" && c.intent !== "chitchat" ? chip(t("intent." + c.intent), "intent") : null,
    c.sku ? chip(c.sku, "sku") : null,
    flagged ? chip(t("mod." + c.moderation), "bad") : null,
    (c.pii || []).map((k) => chip("＊" + t("pii." + k), "pii")));
  if (live) list.prepend(li); else list.append(li);
  while (list.children.length > 100) list.lastChild.remove();
}

function showCards(m) {
  const c = state.el.cards;
  c.online.textContent = num(m.online);
  c.cpm.textContent = num(m.comments_per_min);
  c.opm.textContent = num(m.orders_per_min);
  c.qpm.textContent = num(m.questions_per_min);
  c.gmv.textContent = money(m.gmv);
}

function addMetrics(m) { showCards(m); state.chart.push(m); }

let groupFrame = 0;
function renderGroups() {
  if (groupFrame) return;
  groupFrame = requestAnimationFrame(() => {
    groupFrame = 0;
    if (!state) return;
    const groups = [...state.groups.values()].sort((a, b) => (b.count - a.count) || (b.last_ts - a.last_ts)).slice(0, 30);
    const list = clear(state.el.groups);
    for (const g of groups) {
      const a = state.answers.get(String(g.group));
      list.append(h("li", { class: "group", "data-group": g.group },
        h("span", { class: "count", title: t("live.count") }, `×${g.count}`),
        chip(t("intent." + g.intent), "intent"), g.sku ? chip(g.sku, "sku") : null,
        h("span", { class: "examples" }, (g.examples || []).slice(0, 3).join(" / ")),
        a ? h("div", { class: "answer" }, chip(t("live.route." + a.route), "route-" + a.route), h("span", {}, a.text),
          (a.facts || []).map((f) => chip(f, "fact"))) : null));
    }
    if (!groups.length) list.append(h("li", { class: "muted" }, t("common.none")));
  });
}

function upsertQueue(item) {
  if (!item) return;
  let node = state.queue.get(item.id);
  if (!node) {
    const reply = h("textarea", { rows: 2, maxlength: 500, placeholder: t("live.reply.placeholder"), "data-testid": "reply-text" });
    const problems = h("p", { class: "error small" });
    const canRun = RUNS_ROOM.includes(state.user.role);
    const sendBtn = h("button", { type: "button", class: "primary small", "data-testid": "reply-send", disabled: !canRun,
      onclick: () => sendReply(item.id, reply, problems) }, t("live.reply"));
    const resolveBtn = h("button", { type: "button", class: "small", "data-testid": "resolve", disabled: !canRun,
      onclick: () => resolve(item.id) }, t("live.resolve"));
    node = { el: h("li", { class: "queue-item", "data-id": item.id, "data-testid": "queue-item" }), head: h("div", { class: "head" }),
      replies: h("ul", { class: "replies" }), form: h("div", { class: "reply-form" }, reply, h("div", { class: "buttons" }, sendBtn, resolveBtn), problems) };
    node.el.append(node.head, node.replies, node.form);
    state.queue.set(item.id, node);
    state.el.queue.prepend(node.el);
  }
  const danger = ["self_harm", "minor", "safety", "health"].includes(item.reason);
  const repeats = item.count > 1 ? chip(`×${item.count}`, "count") : null;  // collapsed repeats of the same thing
  const examples = item.examples && item.examples.length > 1 ? item.examples.join(" / ") : item.text;
  fill(node.head, chip(t("reason." + item.reason), danger ? "bad" : "reason"), repeats, h("time", {}, fmtTime(item.last_ts || item.ts)),
    h("p", { class: "text", "data-testid": "queue-text" }, examples || "…"),
    item.holding_reply ? h("p", { class: "holding" }, h("small", {}, t("live.holding"), ": "), item.holding_reply) : null);
  fill(node.replies, ...(item.replies || []).map((r) => h("li", {}, h("b", {}, r.by), ": ", r.text)));
  node.el.classList.toggle("resolved", item.status !== "open");
  node.form.hidden = item.status !== "open";
  if (item.status !== "open") { node.head.append(chip(`${t("live.resolved")} · ${item.resolved_by || ""}`, "ok")); state.el.queue.append(node.el); }
  state.el.queueCount.textContent = String([...state.queue.values()].filter((n) => !n.el.classList.contains("resolved")).length);
}

async function sendReply(id, input, problems) {
  problems.textContent = "";
  try {
    const out = await api(`/api/rooms/${encodeURIComponent(state.room)}/queue/${encodeURIComponent(id)}/reply`, { method: "POST", body: { text: input.value } });
    input.value = "";
    upsertQueue(out.item);
  } catch (err) {
    const findings = (err.body && err.body.findings) || [];
    problems.textContent = findings.length ? `${t("live.blocked")}: ${findings.map((f) => `「${f.text}」${f.message}${f.suggestion ? " → " + f.suggestion : ""}`).join("；")}` : err.message;
  }
}

async function resolve(id) {
  const out = await api(`/api/rooms/${encodeURIComponent(state.room)}/queue/${encodeURIComponent(id)}/resolve`, { method: "POST", body: {} });
  upsertQueue(out.item);
}

function upsertSuggestion(s) {
  if (!s) return;
  let node = state.suggestions.get(s.id);
  const canRun = RUNS_ROOM.includes(state.user.role);
  if (!node) { node = h("li", { class: "suggestion", "data-id": s.id }); state.suggestions.set(s.id, node); state.el.suggestions.prepend(node); }
  const evidence = Object.entries(s.evidence || {}).slice(0, 6).map(([k, v]) => chip(`${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`, "fact"));
  fill(node, h("p", {}, h("b", {}, s.message)), h("div", { class: "chips" }, chip(s.code, "reason"), s.sku ? chip(s.sku, "sku") : null, evidence),
    s.status === "open" ? h("div", { class: "buttons" },
      h("button", { type: "button", class: "primary small", disabled: !canRun, onclick: () => decide(s.id, "accept") }, t("live.accept")),
      h("button", { type: "button", class: "small", disabled: !canRun, onclick: () => decide(s.id, "dismiss") }, t("live.dismiss")))
      : chip(`${t(s.status === "accepted" ? "live.accepted" : "live.dismissed")} · ${s.decided_by || ""}`, s.status === "accepted" ? "ok" : ""));
}

async function decide(id, decision) {
  const out = await api(`/api/rooms/${encodeURIComponent(state.room)}/suggestions/${encodeURIComponent(id)}/${decision}`, { method: "POST", body: {} });
  upsertSuggestion(out.item);
}

function renderAnchor(a) {
  if (!a || !state) return;
  const el = state.el;
  el.mode.textContent = t("live.mode." + a.mode) + (a.by ? ` · ${a.by}` : "");
  el.mode.className = `mode mode-${a.mode}`;
  el.attached.textContent = a.attached ? t("live.attached") : t("live.detached");
  const duty = a.duty || [];
  fill(el.duty, ...duty.map((d) => h("li", {}, d.name, " ", h("small", {}, t("role." + d.role)))));
  el.dutyWarn.hidden = duty.length > 0;
  const onDuty = duty.some((d) => d.name === state.user.name);
  el.dutyBtn.textContent = onDuty ? t("live.duty.off") : t("live.duty.on");
  el.dutyBtn.dataset.on = onDuty ? "1" : "0";
  if (a.next_segments && a.attached) renderNext(a.next_segments);
}

async function toggleDuty() {
  try {
    renderAnchor(await api(`/api/rooms/${encodeURIComponent(state.room)}/duty`, { method: "POST", body: { on: state.el.dutyBtn.dataset.on !== "1" } }));
  } catch (err) { toast(err.message, "error"); }
}

async function anchor(action) {
  try {
    renderAnchor(await api(`/api/rooms/${encodeURIComponent(state.room)}/anchor/${action}`, { method: "POST", body: {} }));
  } catch (err) { toast(err.message, "error"); }
}

function renderProduct(p, script) {
  const el = state.el;
  clear(el.product);
  if (p) el.product.append(h("b", {}, p.title || p.sku), h("div", {}, chip(p.sku, "sku"), p.price !== undefined ? chip(`${t("live.price")} ${money(p.price)}`, "") : null,
    p.stock !== undefined ? chip(`${t("live.nostock")} ${num(p.stock)}`, p.stock === 0 ? "bad" : "") : null));
  else el.product.append(h("span", { class: "muted" }, t("common.none")));
  if (script && script.id) el.script.value = script.id;
  renderNext(script ? script.next_segments || [] : []);
}

function renderNext(segments) {
  const list = clear(state.el.next);
  for (const s of segments) list.append(h("li", {}, chip(s.kind, "intent"), s.sku ? chip(s.sku, "sku") : null, " ", s.title || "", h("small", { class: "muted" }, ` ${Math.round(s.seconds || 0)}${t("scripts.seconds")}`),
    s.first_line ? h("div", { class: "small muted" }, s.first_line) : null));
  if (!segments.length) list.append(h("li", { class: "muted" }, t("live.script.none")));
}

async function loadScripts() {
  const sel = state.el.script;
  fill(sel, h("option", { value: "" }, t("live.script.pick")));
  try {
    const page = await api("/api/scripts?status=approved&limit=100");
    for (const s of page.items) sel.append(h("option", { value: s.id }, `${s.title || s.id} · v${s.version}`));
  } catch (_) { /* reviewers of other rooms may not list scripts */ }
}

async function pickScript(id) {
  try {
    const out = await api(`/api/rooms/${encodeURIComponent(state.room)}/script`, { method: "POST", body: { script_id: id || null } });
    renderNext(out.script ? out.script.next_segments : []);
  } catch (err) { toast(err.message, "error"); }
}

async function stageLink() {
  try {
    const out = await api(`/api/rooms/${encodeURIComponent(state.room)}/stage-link`, { method: "POST", body: { hours: 24 } });
    const url = `${location.origin}${out.path}`;
    if (navigator.clipboard) navigator.clipboard.writeText(url).catch(() => {});
    toast(`${t("live.stage.made")}: ${url}`);
  } catch (err) { toast(err.message, "error"); }
}
