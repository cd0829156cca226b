/* global document, Node */
// What the ops pages share: calls to the ops API with the session cookie, and building DOM
// nodes with text set as text, never parsed as HTML.

export const $ = (id) => document.getElementById(id);

/** The session ended or never began: the page shows its way to sign in. */
export class SignedOut extends Error {}

const REQUEST_TIMEOUT_MS = 15000;

export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A request the server never answers fails visibly instead of stalling the page.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status === 401) throw new SignedOut();
  if (response.status === 204) return undefined;
  const payload = await response.json();
  if (!response.ok) {
    const fields = (payload.errors ?? []).map((error) => error.message).join('; ');
    throw new Error([payload.detail ?? payload.title, fields].filter(Boolean).join(' '));
  }
  return payload;
}

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}
