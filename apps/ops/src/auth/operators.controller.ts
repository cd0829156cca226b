import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Problems } from '../problems/problem';
import { uuidParam } from '../validation/uuid-param';
import { CurrentOperator, RequiresRole } from './access.decorators';
import { CreateOperatorDto } from './dto/create-operator.dto';
import { IssueKeyDto } from './dto/issue-key.dto';
import type { AuthenticatedOperator } from './operator';
import { OperatorDirectory } from './operator-directory';

const OPERATOR = { id: 'Operator', en: 'Operator' };
const API_KEY = { id: 'Kunci API', en: 'API key' };

/** Operators and their API keys, for admins. A new key is shown once, in the answer. */
@RequiresRole('admin')
@Controller('v1/operators')
export class OperatorsController {
  constructor(private readonly directory: OperatorDirectory) {}

  /** Operators with their keys (hints only) and roles. */
  @Get()
  async list() {
    return { operators: await this.directory.list() };
  }

  /** Create an operator with a first API key. */
  @Post()
  create(@Body() body: CreateOperatorDto, @CurrentOperator() admin: AuthenticatedOperator) {
    return this.directory.create(body.name, body.role, admin.name);
  }

  /** Issue another API key to an operator. */
  @Post(':operatorId/keys')
  async issueKey(
    @Param('operatorId', uuidParam('operatorId')) operatorId: string,
    @Body() body: IssueKeyDto,
    @CurrentOperator() admin: AuthenticatedOperator,
  ) {
    const key = await this.directory.issueKey(operatorId, body.label ?? null, admin.name);
    if (!key) throw Problems.notFound(OPERATOR);
    return key;
  }

  /** Revoke an API key, and the sessions opened with it, at once. */
  @Delete(':operatorId/keys/:keyId')
  @HttpCode(204)
  async revokeKey(
    @Param('operatorId', uuidParam('operatorId')) operatorId: string,
    @Param('keyId', uuidParam('keyId')) keyId: string,
    @CurrentOperator() admin: AuthenticatedOperator,
  ) {
    const revoked = await this.directory.revokeKey(operatorId, keyId, admin.name);
    if (!revoked) throw Problems.notFound(API_KEY);
  }
}
