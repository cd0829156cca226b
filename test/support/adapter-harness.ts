export * from '../../libs/adapter-sdk/src/testing/running-adapter';
