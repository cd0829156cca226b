export * from '../../libs/adapter-sdk/src/testing/environment';
