// The API client: same-origin fetch with the session cookie; every unsafe call carries the CSRF token
// (double submit: the cohost_csrf cookie echoed in X-CSRF-Token). Errors are problem-details JSON.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

function csrf() {
  const found = document.cookie.split(";").map((c) => c.trim()).find((c) => c.startsWith("cohost_csrf="));
  return found ? decodeURIComponent(found.slice("cohost_csrf=".length)) : "";
}

export const session = { user: null, onSignedOut: null };

export async function api(path, { method = "GET", body, form, raw = false } = {}) {
  const headers = { Accept: "application/json" };
  const init = { method, headers, credentials: "same-origin" };
  if (method !== "GET" && method !== "HEAD") headers["X-CSRF-Token"] = csrf();
  if (form) init.body = form;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (raw && response.ok) return response;
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    if (response.status === 401 && session.onSignedOut && !path.startsWith("/api/auth/login")) session.onSignedOut();
    throw new ApiError(response.status, typeof data === "object" ? data : { detail: String(data).slice(0, 300) });
  }
  return data;
}

export function feedUrl(room) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws/rooms/${encodeURIComponent(room)}/feed`;
}
