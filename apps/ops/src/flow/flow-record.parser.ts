import type { FlowRecord } from '@mpp/contracts';
import { maskPersonalData } from '../masking/personal-data';

type Detail = NonNullable<FlowRecord['detail']>;

const HOP = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
const MAX_TEXT = 200;

/** A flow record that breaks its contract. */
export class InvalidFlowRecord extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidFlowRecord';
  }
}

/**
 * Reads the `data` of a `flow.recorded.v1` event. Records never carry personal data by
 * contract; detail is masked all the same, so one component's slip never reaches a screen.
 */
export function parseFlowRecord(data: unknown): FlowRecord {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidFlowRecord('not an object');
  }
  const source = data as Record<string, unknown>;
  const hop = text(source, 'hop', true);
  if (!HOP.test(hop)) throw new InvalidFlowRecord(`hop "${hop}" is not <component>.<step>`);
  const at = text(source, 'at', true);
  if (Number.isNaN(Date.parse(at))) throw new InvalidFlowRecord('at is not a timestamp');
  const durationMs = source.durationMs;
  if (
    durationMs !== undefined &&
    (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0)
  ) {
    throw new InvalidFlowRecord('durationMs is not a duration');
  }
  return {
    id: text(source, 'id', true),
    hop: hop as FlowRecord['hop'],
    applicationId: text(source, 'applicationId'),
    correlationId: text(source, 'correlationId'),
    traceId: text(source, 'traceId'),
    serviceCode: text(source, 'serviceCode'),
    agency: text(source, 'agency'),
    component: text(source, 'component', true),
    instance: text(source, 'instance', true),
    at: new Date(at).toISOString(),
    durationMs,
    outcome: text(source, 'outcome'),
    detail: detailOf(source.detail),
  };
}

function text(source: Record<string, unknown>, field: string, required: true): string;
function text(source: Record<string, unknown>, field: string): string | undefined;
function text(source: Record<string, unknown>, field: string, required = false) {
  const value = source[field];
  if (value === undefined || value === null) {
    if (required) throw new InvalidFlowRecord(`${field} is missing`);
    return undefined;
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT) {
    throw new InvalidFlowRecord(`${field} is not a short text`);
  }
  return value;
}

function detailOf(value: unknown): Detail | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidFlowRecord('detail is not an object');
  }
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && !['string', 'number', 'boolean'].includes(typeof item)) {
      throw new InvalidFlowRecord(`detail.${key} is not a plain value`);
    }
  }
  return maskPersonalData(value) as Detail;
}
