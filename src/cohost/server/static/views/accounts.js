// Accounts (owners) and everyone's own API tokens.
import { api } from "../api.js";
import { h, clear, fill, fmtDateTime, toast } from "../dom.js";
import { t } from "../i18n.js";

const ROLES = ["owner", "operator", "reviewer", "viewer"];
export function leave() {}

export async function enter(root, _args, user) {
  if (user.role === "owner") root.append(await usersCard());
  root.append(await tokensCard());
}

async function usersCard() {
  const body = h("tbody");
  const load = async () => {
    const users = await api("/api/users");
    fill(body, ...users.map((u) => {
      const role = h("select", { onchange: () => patch(u.name, { role: role.value }) }, ROLES.map((r) => h("option", { value: r, selected: r === u.role }, t("role." + r))));
      return h("tr", {}, h("td", {}, h("b", {}, u.name)), h("td", {}, role), h("td", {}, u.disabled ? t("accounts.disabled") : t("accounts.active")),
        h("td", { class: "small" }, fmtDateTime(u.created_at)),
        h("td", {}, h("button", { type: "button", class: "small", onclick: () => patch(u.name, { disabled: !u.disabled }) }, u.disabled ? t("accounts.enable") : t("accounts.disable"))));
    }));
  };
  const patch = async (name, change) => {
    try { await api(`/api/users/${encodeURIComponent(name)}`, { method: "PATCH", body: change }); } catch (err) { toast(err.message, "error"); }
    await load();
  };
  const name = h("input", { placeholder: t("login.name"), maxlength: 64, required: true });
  const role = h("select", {}, ROLES.map((r) => h("option", { value: r, selected: r === "operator" }, t("role." + r))));
  const password = h("input", { type: "password", placeholder: t("accounts.password"), minlength: 10, maxlength: 256, required: true, autocomplete: "new-password" });
  const form = h("form", { class: "toolbar" }, name, role, password, h("button", { type: "submit", class: "primary" }, t("accounts.add")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try { await api("/api/users", { method: "POST", body: { name: name.value, role: role.value, password: password.value } }); form.reset(); await load(); }
    catch (err) { toast(err.message, "error"); }
  });
  await load();
  return h("section", { class: "card" }, h("h1", {}, t("accounts.title")), form,
    h("table", {}, h("thead", {}, h("tr", {}, ["login.name", "accounts.role", "audit.detail", "common.time", ""].map((k) => h("th", {}, k ? t(k) : "")))), body));
}

async function tokensCard() {
  const body = h("tbody");
  const shown = h("div");
  const load = async () => {
    const tokens = await api("/api/auth/tokens");
    fill(body, ...tokens.map((x) => h("tr", {}, h("td", {}, `#${x.id}`), h("td", {}, x.name), h("td", {}, h("code", {}, x.prefix + "…")),
      h("td", {}, t("role." + x.role)), h("td", { class: "small" }, x.revoked ? t("accounts.disabled") : fmtDateTime(x.last_used_at) || "–"),
      h("td", {}, x.revoked ? "" : h("button", { type: "button", class: "small", onclick: async () => { await api(`/api/auth/tokens/${x.id}`, { method: "DELETE" }); await load(); } }, t("accounts.revoke"))))));
  };
  const label = h("input", { placeholder: t("accounts.label"), maxlength: 100, value: "obs" });
  const form = h("form", { class: "toolbar" }, label, h("button", { type: "submit", class: "primary" }, t("accounts.newtoken")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const out = await api("/api/auth/tokens", { method: "POST", body: { label: label.value } });
      fill(shown, h("p", { class: "token-once" }, t("accounts.tokenonce"), " ", h("code", {}, out.token)));
      await load();
    } catch (err) { toast(err.message, "error"); }
  });
  await load();
  return h("section", { class: "card", style: "margin-top:12px" }, h("h2", {}, t("accounts.tokens")), form, shown, h("table", {}, body));
}
