// The extension's background: the toolbar button and the two context-menu items save the
// active tab to the Reader connector on this computer (http://127.0.0.1:<port>/api/save).
"use strict";

// Chromium runs this file as a service worker (serialize.js is imported here); Firefox lists
// both files as background scripts.
if (typeof serializePage === "undefined" && typeof importScripts === "function") {
  importScripts("serialize.js");
}

const api = globalThis.browser ?? globalThis.chrome;
const DEFAULT_PORT = 28245;
const MENU_PAGE = "reader-save-page";
const MENU_SELECTION = "reader-save-selection";
// Bounds for the images inlined into the page (the connector refuses bodies over 50 MB).
const LIMITS = {
  maxImages: 100,
  maxImageBytes: 5 * 1024 * 1024,
  maxTotalBytes: 30 * 1024 * 1024,
  imageTimeoutMs: 5000,
  totalTimeoutMs: 15000,
};

api.runtime.onInstalled.addListener(() => {
  api.contextMenus.removeAll(() => {
    api.contextMenus.create({ id: MENU_PAGE, title: "Save to Reader", contexts: ["page", "frame", "link", "image"] });
    api.contextMenus.create({ id: MENU_SELECTION, title: "Save selection as a highlight", contexts: ["selection"] });
  });
});

api.action.onClicked.addListener((tab) => saveTab(tab, false));

api.contextMenus.onClicked.addListener((info, tab) => {
  saveTab(tab, info.menuItemId === MENU_SELECTION);
});

async function settings() {
  const stored = await api.storage.local.get({ token: "", port: DEFAULT_PORT });
  return { token: String(stored.token || "").trim(), port: Number(stored.port) || DEFAULT_PORT };
}

// Save the tab; resolves to {ok, message, answer} (also shown on the toolbar button).
async function saveTab(tab, withSelection) {
  let outcome;
  try {
    outcome = await save(tab, withSelection);
  } catch (error) {
    outcome = { ok: false, message: String((error && error.message) || error) };
  }
  await report(tab.id, outcome);
  return outcome;
}

async function save(tab, withSelection) {
  const { token, port } = await settings();
  if (!token) {
    api.runtime.openOptionsPage();
    return { ok: false, message: "Paste Reader's pairing token in the extension's options first." };
  }
  const page = await serializeTab(tab);
  const body = { url: page.url, title: page.title, html: page.html };
  if (withSelection) {
    if (!page.selection.trim()) return { ok: false, message: "Nothing is selected on the page." };
    body.selection = page.selection;
  }
  const answer = await post(port, token, "/api/save", body);
  return { ok: true, message: describe(answer), answer };
}

async function serializeTab(tab) {
  let results;
  try {
    results = await api.scripting.executeScript({
      target: { tabId: tab.id },
      func: serializePage,
      args: [LIMITS],
    });
  } catch (error) {
    throw new Error("This page cannot be read by extensions (" + (error.message || error) + ").");
  }
  const page = results && results[0] && results[0].result;
  if (!page || typeof page.html !== "string") throw new Error("The page could not be serialized.");
  return page;
}

// POST JSON to the connector; the connector's own one-line error when it refuses.
async function post(port, token, path, body) {
  let response;
  try {
    response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch (error) {
    throw new Error(`Reader is not running: nothing answers on 127.0.0.1:${port}.`);
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || `Reader answered ${response.status}.`);
  return answer;
}

function describe(answer) {
  const what = {
    imported: "Saved to Reader",
    duplicate: "Already in Reader",
    updated: "Saved as a new version",
  }[answer.status] || `Reader: ${answer.status}`;
  const title = answer.title ? `: ${answer.title}` : "";
  const highlight = {
    added: " (selection highlighted)",
    exists: " (selection was already highlighted)",
    "not found": " (the selection was not found in the saved text)",
  }[answer.highlight] || "";
  return what + title + highlight;
}

async function report(tabId, outcome) {
  const badge = outcome.ok ? { text: "✓", color: "#2e7d32" } : { text: "!", color: "#c62828" };
  try {
    await api.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await api.action.setBadgeText({ tabId, text: badge.text });
    await api.action.setTitle({ tabId, title: outcome.message });
  } catch (error) {
    // The tab closed meanwhile: the stored result below still tells the options page.
  }
  await api.storage.local.set({ lastResult: { ok: outcome.ok, message: outcome.message, at: Date.now() } });
}

// Pair with the connector: its Origin becomes the one allowed (see README, "Pairing").
async function pair(port, token) {
  return post(port, token, "/api/pair", {});
}

api.runtime.onMessage.addListener((message, sender, respond) => {
  if (sender.id !== api.runtime.id || !message) return false;
  if (message.type === "pair") {
    pair(message.port, message.token).then(
      (answer) => respond({ ok: true, answer }),
      (error) => respond({ ok: false, message: error.message }),
    );
    return true;
  }
  return false;
});

// For tests and for the options page: the same save the toolbar button does.
globalThis.readerSaveTab = saveTab;
