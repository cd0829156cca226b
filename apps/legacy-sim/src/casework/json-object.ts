export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads JSON sent as text (as SOAP elements carry it): undefined for no text, the text itself
 * when it is not JSON, so that a caller's shape check refuses it like any other wrong value.
 */
export function parseJsonText(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
