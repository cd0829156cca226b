export * from './kafka-connection';
export * from './cloud-event-codec';
export * from './cloud-event-publisher';
export * from './topic-provisioner';
export * from './kafka.module';
export * from './kafka.tokens';
export * from './kafkajs-log-bridge';
export * from './kafka-microservice';
