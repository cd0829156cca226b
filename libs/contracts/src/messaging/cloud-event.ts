/** A CloudEvents 1.0 event as the system's components see it, independent of transport. */
export interface CloudEvent<T = unknown> {
  id: string;
  source: string;
  type: string;
  specversion: '1.0';
  time: string;
  /** The application id for application events; the Kafka key. */
  subject?: string;
  correlationid?: string;
  traceparent?: string;
  tracestate?: string;
  data: T;
}
