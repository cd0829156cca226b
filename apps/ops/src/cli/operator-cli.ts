import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { parseArgs } from 'node:util';
import { CLI_ACTOR } from '../audit/audit-actions';
import { OPERATOR_NAME } from '../auth/dto/create-operator.dto';
import { OperatorRoles, type OperatorRole } from '../auth/operator';
import { OperatorDirectory, type IssuedApiKey } from '../auth/operator-directory';
import { opsDataSourceOptions } from '../ops-database';
import { ProblemError } from '../problems/problem';

@Module({
  imports: [TypeOrmModule.forRootAsync({ useFactory: opsDataSourceOptions })],
  providers: [OperatorDirectory],
})
class OperatorCliModule {}

export interface CliOutput {
  /** Only what a script would capture: a new API key. */
  out: (line: string) => void;
  /** Everything said to the person at the terminal. */
  err: (line: string) => void;
}

const USAGE = `usage: npm run ops:operator -- <command>
  add <name> --role ops|admin     create an operator and print their first API key
  key <name> [--label <text>]     print a new API key for an operator
  revoke <name> <key-id>          revoke one of an operator's keys, at once
  list                            operators, their roles and keys (hints only)`;

/**
 * Manages operators from a shell on the ops host: the first admin has to come from here. A new
 * key is printed once, alone on stdout, and never stored.
 */
export async function runOperatorCli(
  args: string[],
  io: CliOutput = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { role: { type: 'string' }, label: { type: 'string' } },
    });
  } catch (error) {
    io.err(`${String(error)}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { role, label } = parsed.values;
  const context = await NestFactory.createApplicationContext(OperatorCliModule, {
    logger: ['error'],
  });
  try {
    const directory = context.get(OperatorDirectory);
    switch (command) {
      case 'add':
        return await add(directory, io, rest[0], role);
      case 'key':
        return await issue(directory, io, rest[0], label);
      case 'revoke':
        return await revoke(directory, io, rest[0], rest[1]);
      case 'list':
        return await list(directory, io);
      default:
        io.err(USAGE);
        return 2;
    }
  } catch (error) {
    io.err(error instanceof ProblemError ? error.message : String(error));
    return 1;
  } finally {
    await context.close();
  }
}

async function add(
  directory: OperatorDirectory,
  io: CliOutput,
  name: string | undefined,
  role: string | undefined,
): Promise<number> {
  if (!name || !OPERATOR_NAME.test(name) || !OperatorRoles.includes(role as OperatorRole)) {
    io.err(`add needs a name (2-64 of a-z 0-9 . _ @ -) and --role ops|admin\n${USAGE}`);
    return 2;
  }
  const { operator, key } = await directory.create(name, role as OperatorRole, CLI_ACTOR);
  io.err(`operator ${operator.name} (${operator.role}) created`);
  printKey(io, key);
  return 0;
}

async function issue(
  directory: OperatorDirectory,
  io: CliOutput,
  name: string | undefined,
  label: string | undefined,
): Promise<number> {
  const operator = name ? await directory.byName(name) : undefined;
  if (!operator) {
    io.err(`no operator named ${name ?? '(none given)'}`);
    return 1;
  }
  printKey(io, (await directory.issueKey(operator.id, label ?? null, CLI_ACTOR))!);
  return 0;
}

async function revoke(
  directory: OperatorDirectory,
  io: CliOutput,
  name: string | undefined,
  keyId: string | undefined,
): Promise<number> {
  const operator = name ? await directory.byName(name) : undefined;
  if (
    !operator ||
    !keyId ||
    !(await directory.revokeKey(operator.id, keyId, CLI_ACTOR).catch(() => false))
  ) {
    io.err(`no key ${keyId ?? '(none given)'} of an operator named ${name ?? '(none given)'}`);
    return 1;
  }
  io.err(`key ${keyId} of ${operator.name} revoked`);
  return 0;
}

async function list(directory: OperatorDirectory, io: CliOutput): Promise<number> {
  for (const operator of await directory.list()) {
    io.err(`${operator.name} (${operator.role}), created by ${operator.createdBy}`);
    for (const key of operator.keys) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      io.err(`  ${key.id}  ${key.hint}  ${state}${key.label ? `  ${key.label}` : ''}`);
    }
  }
  return 0;
}

function printKey(io: CliOutput, key: IssuedApiKey): void {
  io.err(`API key ${key.id} (shown once; store it now, only its hash is kept):`);
  io.out(key.apiKey);
}
