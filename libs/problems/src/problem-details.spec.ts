import type { AddressInfo } from 'node:net';
import {
  Body,
  Controller,
  Get,
  Module,
  Param,
  Post,
  ServiceUnavailableException,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IsString, MaxLength } from 'class-validator';
import { rawHttp } from '../../../test/support/raw-http';
import { HttpProblems } from './http-problems';
import { acceptJsonBodies } from './json-bodies';
import { answerMalformedHttpAsProblems } from './malformed-http';
import { ProblemDetailsFilter } from './problem-details.filter';
import { validationProblem } from './validation-problem';

class NoteDto {
  @IsString()
  @MaxLength(10)
  text!: string;
}

@Controller('notes')
class NotesController {
  @Post()
  create(@Body() note: NoteDto) {
    return note;
  }

  @Get(':id')
  read(@Param('id') id: string) {
    if (id === 'broken') throw new Error('database gone');
    if (id === 'unhealthy') {
      throw new ServiceUnavailableException({
        status: 'error',
        details: { db: { status: 'down' } },
      });
    }
    if (id === 'locked') throw HttpProblems.unauthenticated();
    return { id };
  }
}

@Module({ controllers: [NotesController] })
class NotesModule {}

describe('problem details for every HTTP failure', () => {
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(NotesModule, {
      bodyParser: false,
      logger: false,
    });
    acceptJsonBodies(app, { limit: '1kb' });
    answerMalformedHttpAsProblems(app.getHttpServer());
    app.useGlobalFilters(
      new ProblemDetailsFilter({
        realm: 'notes',
        fieldMessages: { maxLength: { id: 'Terlalu panjang', en: 'Too long' } },
      }),
    );
    app.useGlobalPipes(
      new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        exceptionFactory: validationProblem,
      }),
    );
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  async function call(path: string, init: RequestInit = {}) {
    const response = await fetch(`${url}${path}`, init);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, any>,
    };
  }
  const json = (body: string, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

  it.each([
    ['an unknown route', '/nowhere', {}, 404, '/problems/not-found'],
    [
      'a method the route does not take',
      '/notes',
      { method: 'DELETE' },
      405,
      '/problems/method-not-allowed',
    ],
    ['malformed JSON', '/notes', json('{"text": '), 400, '/problems/malformed-request'],
    ['a JSON scalar', '/notes', json('"text"'), 400, '/problems/malformed-request'],
    [
      'a body over the limit',
      '/notes',
      json(JSON.stringify({ text: 'x'.repeat(2000) })),
      413,
      '/problems/payload-too-large',
    ],
    [
      'a form body',
      '/notes',
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'text=a',
      },
      415,
      '/problems/unsupported-media-type',
    ],
    [
      'a body without a type',
      '/notes',
      { method: 'POST', body: '{"text":"a"}', headers: { 'content-type': '' } },
      415,
      '/problems/unsupported-media-type',
    ],
    [
      'an unknown charset',
      '/notes',
      json('{}', { 'content-type': 'application/json; charset=koi8-r' }),
      415,
      '/problems/unsupported-media-type',
    ],
    [
      'a body its Content-Encoding does not decode',
      '/notes',
      json('{}', { 'content-encoding': 'br' }),
      400,
      '/problems/malformed-request',
    ],
    [
      'deep nesting',
      '/notes',
      json(`{"text":${'['.repeat(40)}${']'.repeat(40)}}`),
      400,
      '/problems/too-deeply-nested',
    ],
    ['an invalid field', '/notes', json('{"text": 5}'), 400, '/problems/validation-failed'],
    ['a failed health check', '/notes/unhealthy', {}, 503, '/problems/service-unavailable'],
    ['an unforeseen error', '/notes/broken', {}, 500, '/problems/internal-error'],
  ])('answers %s as problem+json', async (_case, path, init, status, type) => {
    const answer = await call(path, init);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ type, status });
  });

  it('lists the methods a resource takes with a 405', async () => {
    const answer = await call('/notes/1', { method: 'PUT' });
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });

  it('never repeats a body the parser could not read', async () => {
    const answer = await call('/notes', json('{"nik": 2171015508900001x}'));
    expect(JSON.stringify(answer.body)).not.toContain('2171015508900001');
  });

  it('speaks Indonesian by default and English when asked, field messages included', async () => {
    const tooLong = json('{"text": "sebelas huruf"}');
    const indonesian = await call('/notes', tooLong);
    expect(indonesian.headers.get('content-language')).toBe('id');
    expect(indonesian.body.title).toBe('Permintaan tidak valid');
    expect(indonesian.body.errors).toEqual([
      { field: 'text', code: 'maxLength', message: 'Terlalu panjang' },
    ]);
    const english = await call('/notes', {
      ...tooLong,
      headers: { ...(tooLong.headers as object), 'accept-language': 'en-GB,id;q=0.5' },
    });
    expect(english.body.title).toBe('The request is not valid');
    expect(english.body.errors[0].message).toBe('Too long');
  });

  it('challenges with its realm on a 401 and says which health checks failed on a 503', async () => {
    expect((await call('/notes/locked')).headers.get('www-authenticate')).toBe(
      'Bearer realm="notes"',
    );
    expect((await call('/notes/unhealthy')).body.checks).toEqual({ db: { status: 'down' } });
  });

  it('answers requests the HTTP parser refuses as problem+json', async () => {
    const bareCarriageReturn = await rawHttp(
      url,
      'GET /notes/1 HTTP/1.1\r\nHost: x\r\nX-Injected: a\rSet-Cookie: b\r\n\r\n',
    );
    expect(bareCarriageReturn).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(bareCarriageReturn).toContain('Content-Type: application/problem+json');
    expect(bareCarriageReturn).toContain('"type":"/problems/malformed-request"');

    const oversized = await rawHttp(
      url,
      `GET /notes/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(oversized).toContain('"type":"/problems/headers-too-large"');
  });
});
