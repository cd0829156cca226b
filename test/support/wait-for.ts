export * from '../../libs/adapter-sdk/src/testing/wait-for';
