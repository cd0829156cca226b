export * from '../../libs/adapter-sdk/src/testing/kafka-probe';
