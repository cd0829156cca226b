// The benchmark's own state on the shared infrastructure: a dedicated database, recreated for
// every run, and consumer groups that start at the end of the shared topics.
const { Client } = require('pg');
const { AssignerProtocol, Kafka, logLevel } = require('kafkajs');

async function recreateDatabase(databaseUrl) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || !name.includes('bench')) {
    throw new Error(`refusing to drop ${name}: the bench database's name must contain "bench"`);
  }
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function kafkaClient(brokers, clientId = 'bench') {
  return new Kafka({ clientId, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

/**
 * Commits, for each new group, the current end of its topic, so apps that consume "from the
 * beginning" skip what other runs and test suites left on the shared topics.
 */
async function startGroupsAtEnd(brokers, subscriptions) {
  const admin = kafkaClient(brokers, 'bench-admin').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    for (const { groupId, topic } of subscriptions) {
      if (!existing.has(topic)) continue; // created later, empty: nothing to skip
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Members of a consumer group and whether it is stable (every partition assigned). */
async function describeGroup(brokers, groupId) {
  const admin = kafkaClient(brokers, 'bench-admin').admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return { state: groups[0]?.state, members: groups[0]?.members.length ?? 0 };
  } finally {
    await admin.disconnect();
  }
}

/**
 * Consumer groups other than the bench's that have members reading any of `topics` right now:
 * their adapters handle the bench's applications too (the topics are shared), which shows as
 * duplicate status events.
 */
async function otherActiveConsumers(brokers, topics, ownPrefix) {
  const admin = kafkaClient(brokers, 'bench-admin').admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const candidates = groups
      .filter((group) => group.protocolType === 'consumer' && !group.groupId.startsWith(ownPrefix))
      .map((group) => group.groupId);
    const found = [];
    for (let index = 0; index < candidates.length; index += 50) {
      const described = await admin.describeGroups(candidates.slice(index, index + 50));
      for (const group of described.groups) {
        const read = new Set();
        for (const member of group.members) {
          try {
            const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
            for (const topic of Object.keys(decoded?.assignment ?? {})) read.add(topic);
          } catch {
            // not a standard consumer assignment
          }
        }
        const shared = topics.filter((topic) => read.has(topic));
        if (shared.length > 0) found.push({ groupId: group.groupId, topics: shared });
      }
    }
    return found;
  } finally {
    await admin.disconnect();
  }
}

/** Deletes the (by then empty) consumer groups whose ids start with one of the prefixes. */
async function deleteGroups(brokers, prefixes) {
  const admin = kafkaClient(brokers, 'bench-admin').admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const ours = groups
      .map((group) => group.groupId)
      .filter((groupId) => prefixes.some((prefix) => groupId.startsWith(prefix)));
    if (ours.length > 0) await admin.deleteGroups(ours).catch(() => undefined);
    return ours.length;
  } finally {
    await admin.disconnect();
  }
}

async function deleteTopics(brokers, topics) {
  const admin = kafkaClient(brokers, 'bench-admin').admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const ours = topics.filter((topic) => existing.has(topic));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
  } finally {
    await admin.disconnect();
  }
}

module.exports = {
  recreateDatabase,
  kafkaClient,
  startGroupsAtEnd,
  describeGroup,
  otherActiveConsumers,
  deleteGroups,
  deleteTopics,
};
