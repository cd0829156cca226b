/** The app's own Prometheus registry; each app in a process keeps its metrics apart. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
