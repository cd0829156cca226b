// Stops the Kafka broker if the global setup started it (a plain `npx jest`); `npm test` manages
// its own broker and leaves this a no-op.
module.exports = async () => {
  const infra = globalThis.__MPP_INFRA__;
  if (infra?.kafka?.startedByUs) await infra.kafka.stop();
};
