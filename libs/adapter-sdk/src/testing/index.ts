export * from './application-events';
export * from './conformance';
export * from './environment';
export * from './free-port';
export * from './kafka-probe';
export * from './running-adapter';
export * from './wait-for';
