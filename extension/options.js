// Options: the pairing token and port, stored locally; saving them pairs this extension with
// the connector (its origin becomes the one Reader accepts).
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const CONNECTOR = { origins: ["http://127.0.0.1/*"] };

function show(element, ok, text) {
  element.textContent = text;
  element.className = ok ? "ok" : "error";
}

async function load() {
  try {
    const stored = await api.storage.local.get({ token: "", port: 28245, lastResult: null });
    document.getElementById("token").value = stored.token;
    document.getElementById("port").value = stored.port;
    const last = stored.lastResult;
    if (last) show(document.getElementById("last"), last.ok, `${new Date(last.at).toLocaleString()}: ${last.message}`);
  } finally {
    // Only now may the user type: a slow first read of storage (Firefox, a new profile)
    // used to land after the pasted token and blank it.
    document.getElementById("fields").disabled = false;
  }
}

async function saveAndPair(event) {
  event.preventDefault();
  const status = document.getElementById("status");
  const token = document.getElementById("token").value.trim();
  const port = Number(document.getElementById("port").value);
  // Firefox grants host permissions only when asked (this click is the user's gesture).
  if (api.permissions && !(await api.permissions.contains(CONNECTOR))) {
    if (!(await api.permissions.request(CONNECTOR))) {
      show(status, false, "Without access to 127.0.0.1 the extension cannot reach Reader.");
      return;
    }
  }
  await api.storage.local.set({ token, port });
  const reply = await api.runtime.sendMessage({ type: "pair", token, port });
  if (reply && reply.ok) show(status, true, "Saved; paired with Reader.");
  else show(status, false, "Saved, but not paired: " + ((reply && reply.message) || "no answer"));
}

document.getElementById("settings").addEventListener("submit", saveAndPair);
load();
