// The page's rendered DOM as HTML, with the images the page lets us read inlined as data: URIs.
// Runs inside the tab (chrome.scripting.executeScript serializes this function's source), so
// it must not refer to anything outside itself. The live page is never changed: a clone is.
"use strict";

async function serializePage(limits) {
  const started = Date.now();
  const originals = Array.from(document.querySelectorAll("img"));
  const clone = document.documentElement.cloneNode(true);
  const copies = Array.from(clone.querySelectorAll("img"));
  let total = 0;

  function asDataUri(blob) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  }

  async function fetched(url) {
    // Same-origin images (and those the server allows by CORS); anything else fails here.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), limits.imageTimeoutMs);
    try {
      const response = await fetch(url, { signal: abort.signal, credentials: "same-origin" });
      if (!response.ok) return null;
      const blob = await response.blob();
      if (!blob.type.startsWith("image/") || blob.size > limits.maxImageBytes) return null;
      return await asDataUri(blob);
    } catch (error) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  function painted(image) {
    // What the page already shows; a cross-origin image taints the canvas and throws.
    if (!image.complete || !image.naturalWidth || !image.naturalHeight) return null;
    try {
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      canvas.getContext("2d").drawImage(image, 0, 0);
      return canvas.toDataURL("image/png");
    } catch (error) {
      return null;
    }
  }

  function inline(copy, uri) {
    copy.setAttribute("src", uri);
    for (const name of ["srcset", "sizes", "loading", "decoding"]) copy.removeAttribute(name);
    const picture = copy.parentElement;
    if (picture && picture.tagName === "PICTURE") {
      for (const source of picture.querySelectorAll("source")) source.remove();
    }
  }

  const count = Math.min(originals.length, copies.length, limits.maxImages);
  for (let i = 0; i < count; i++) {
    if (Date.now() - started > limits.totalTimeoutMs) break;
    const image = originals[i];
    const url = image.currentSrc || image.src;
    if (!url || url.startsWith("data:")) continue;
    const uri = (await fetched(url)) || painted(image);
    if (!uri || total + uri.length > limits.maxTotalBytes) continue;
    total += uri.length;
    inline(copies[i], uri);
  }
  // Scripts are dead weight: the page already ran them, and Reader would strip them anyway.
  for (const script of clone.querySelectorAll("script")) script.remove();
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : "";
  const selection = window.getSelection ? String(window.getSelection()) : "";
  return {
    url: location.href,
    title: document.title,
    html: doctype + "\n" + clone.outerHTML,
    selection: selection,
    inlined: total,
  };
}
