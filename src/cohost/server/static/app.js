// The console shell: who is signed in, the navigation, and a hash router (#/live/ROOM, #/scripts/ID, …).
import { api, session, ApiError } from "./api.js";
import { h, clear, toast } from "./dom.js";
import { t, setLang, getLang } from "./i18n.js";

const SCREENS = {
  live: () => import("./views/live.js"),
  scripts: () => import("./views/scripts.js"),
  catalog: () => import("./views/catalog.js"),
  audit: () => import("./views/audit.js"),
  reports: () => import("./views/reports.js"),
  accounts: () => import("./views/accounts.js"),
};
const NAV = [["live", "nav.live"], ["scripts", "nav.scripts"], ["catalog", "nav.catalog"], ["audit", "nav.audit", ["owner", "operator", "reviewer"]],
  ["reports", "nav.reports"], ["accounts", "nav.accounts"]];
let current = null;
let routeSeq = 0;

function view() { return document.getElementById("view"); }

function renderNav(active) {
  const nav = clear(document.getElementById("nav"));
  for (const [name, key, roles] of NAV) {
    if (roles && !roles.includes(session.user.role)) continue;
    nav.append(h("a", { href: `#/${name}`, class: name === active ? "active" : "", "data-testid": `nav-${name}` }, t(key)));
  }
  document.getElementById("who").textContent = `${session.user.name} · ${t("role." + session.user.role)}`;
  document.getElementById("logout").textContent = t("logout");
  document.getElementById("lang-switch").textContent = t("lang.switch");
  document.title = t("app.title");
}

async function route() {
  if (!session.user) return;
  const [name, ...rest] = (location.hash.replace(/^#\/?/, "") || "live").split("/");
  const screen = SCREENS[name] ? name : "live";
  renderNav(screen);
  if (current && current.leave) current.leave();
  current = null;
  const seq = ++routeSeq;
  const main = clear(view());
  main.className = `screen screen-${screen}`;
  // each visit renders into its own container: a slower, older visit can never draw into the new one
  const root = h("div", { class: "screen-body" });
  main.append(root);
  try {
    const module = await SCREENS[screen]();
    if (seq !== routeSeq) return;
    current = module;
    await module.enter(root, rest.map(decodeURIComponent), session.user);
  } catch (err) {
    if (seq === routeSeq) root.append(h("p", { class: "error" }, `${t("common.error")}: ${err.message || err}`));
  }
}

function loginScreen(setupRequired) {
  document.getElementById("topbar").hidden = true;
  const root = clear(view());
  root.className = "screen screen-login";
  if (setupRequired) {
    root.append(h("section", { class: "card login", "data-testid": "setup" },
      h("h1", {}, t("setup.title")), h("p", {}, t("setup.body")),
      h("pre", { class: "command" }, "cohost user add NAME --role owner")));
    return;
  }
  const error = h("p", { class: "error", role: "alert" });
  const name = h("input", { name: "name", autocomplete: "username", required: true, maxlength: 64, "data-testid": "login-name" });
  const password = h("input", { name: "password", type: "password", autocomplete: "current-password", required: true,
    maxlength: 256, "data-testid": "login-password" });
  const form = h("form", { class: "card login", "data-testid": "login-form" },
    h("h1", {}, h("span", { class: "logo" }, "◉ "), t("login.title")),
    h("label", {}, t("login.name"), name), h("label", {}, t("login.password"), password),
    h("button", { type: "submit", class: "primary", "data-testid": "login-submit" }, t("login.submit")), error,
    h("button", { type: "button", class: "ghost small", onclick: () => { setLang(getLang() === "zh" ? "en" : "zh"); loginScreen(false); } }, t("lang.switch")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    try {
      const done = await api("/api/auth/login", { method: "POST", body: { name: name.value, password: password.value } });
      session.user = done.user;
      start();
    } catch (err) {
      const locked = err instanceof ApiError && err.status === 429;
      error.textContent = `${locked ? t("login.locked") : t("login.failed")}: ${err.message}`;
      password.value = "";
    }
  });
  root.append(form);
  name.focus();
}

function start() {
  document.getElementById("topbar").hidden = false;
  if (!location.hash) location.hash = "#/live";
  route();
}

async function boot() {
  setLang(getLang());
  session.onSignedOut = () => { session.user = null; loginScreen(false); };
  document.getElementById("lang-switch").addEventListener("click", () => { setLang(getLang() === "zh" ? "en" : "zh"); route(); });
  document.getElementById("logout").addEventListener("click", async () => {
    try { await api("/api/auth/logout", { method: "POST" }); } catch (_) { /* already signed out */ }
    session.user = null;
    loginScreen(false);
  });
  window.addEventListener("hashchange", route);
  window.addEventListener("unhandledrejection", (e) => toast(`${t("common.error")}: ${e.reason && e.reason.message}`, "error"));
  try {
    const me = await api("/api/auth/session");
    session.user = me.user;
    if (!me.user) return loginScreen(me.setup_required);
    start();
  } catch (err) {
    loginScreen(false);
  }
}

boot();
