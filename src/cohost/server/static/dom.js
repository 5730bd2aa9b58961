// Building the DOM without innerHTML: every text from the server (viewer comments above all) is hostile
// input and only ever becomes a text node or an attribute value set through the DOM API.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "text") el.textContent = String(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// clear, then append (null, undefined and false are skipped: the DOM's own append would print "null")
export function fill(el, ...children) {
  return append(clear(el), children);
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function fmtTime(epoch) {
  if (!epoch && epoch !== 0) return "";
  const d = new Date(Number(epoch) * 1000);
  return d.toLocaleTimeString("zh-CN", { hour12: false });
}

export function fmtDateTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString("zh-CN", { hour12: false });
}

export function money(value) {
  const n = Number(value);
  return Number.isFinite(n) ? "¥" + n.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) : "–";
}

export function num(value) {
  const n = Number(value);
  return value === null || value === undefined || !Number.isFinite(n) ? "–" : n.toLocaleString("zh-CN");
}

let toastTimer = null;
export function toast(message, kind = "info") {
  const box = document.getElementById("toast");
  if (!box) return;
  box.textContent = message;
  box.className = "show " + kind;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.className = ""; }, kind === "error" ? 7000 : 3500);
}
