import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import { FaultInjector } from '../fault-injection/fault-injector';
import { JsonRefusalFilter } from '../rest/json-refusal.filter';
import { bodyMembers } from '../rest/rest-submission';
import { SimulatedSystem } from '../simulated-systems';
import { LandAllocation, type LandBerkasReport, type LandBerkasState } from './land-allocation';
import { LandApiKeyGuard } from './land-api-key.guard';
import { LandCallbackDispatcher } from './land-callback-dispatcher';
import { renderLandRefusal } from './land-refusal';
import { LAND_BASE_PATH } from './land.contract';

/** The land-allocation system's REST API, as the agency exposes it. */
@Controller(LAND_BASE_PATH)
@UseGuards(LandApiKeyGuard)
@UseFilters(new JsonRefusalFilter(renderLandRefusal))
export class LandController {
  constructor(
    private readonly land: LandAllocation,
    private readonly callbacks: LandCallbackDispatcher,
    private readonly faults: FaultInjector,
  ) {}

  /** Registers where callbacks go; the latest registration wins. */
  @Put('langganan')
  subscribe(@Body() body: unknown): Promise<{ url: string }> {
    return this.handle(() => ({ url: this.callbacks.subscribe(bodyMembers(body).url) }));
  }

  /** 202 for a new berkas; 200 with the same number when the reference was filed before. */
  @Post('pengajuan')
  async submit(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ nomor_berkas: string }> {
    const { nomor_berkas, created } = await this.handle(() => this.land.submit(body));
    response.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return { nomor_berkas };
  }

  @Get('pengajuan')
  findByReference(@Query('referensi') referensi: unknown): Promise<LandBerkasState> {
    return this.handle(() => this.land.findByReference(referensi));
  }

  @Get('pengajuan/:nomorBerkas')
  status(@Param('nomorBerkas') nomorBerkas: string): Promise<LandBerkasReport> {
    return this.handle(() => this.land.statusOf(nomorBerkas));
  }

  @Post('pengajuan/:nomorBerkas/perbaikan')
  @HttpCode(HttpStatus.OK)
  revise(
    @Param('nomorBerkas') nomorBerkas: string,
    @Body() body: unknown,
  ): Promise<LandBerkasState> {
    return this.handle(() => this.land.revise(nomorBerkas, body));
  }

  @Post('pengajuan/:nomorBerkas/batal')
  @HttpCode(HttpStatus.OK)
  cancel(
    @Param('nomorBerkas') nomorBerkas: string,
    @Body() body: unknown,
  ): Promise<LandBerkasState> {
    return this.handle(() => this.land.cancel(nomorBerkas, body));
  }

  @Get('ping')
  ping(): Promise<{ status: 'OK' }> {
    return this.handle(() => ({ status: 'OK' as const }));
  }

  private handle<T>(operation: () => T): Promise<T> {
    return this.faults.intercept(SimulatedSystem.land, operation);
  }
}
