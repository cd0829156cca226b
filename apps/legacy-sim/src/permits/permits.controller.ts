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
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { FaultInjector } from '../fault-injection/fault-injector';
import { JsonRefusalFilter } from '../rest/json-refusal.filter';
import { SimulatedSystem } from '../simulated-systems';
import {
  type PermitApplicationState,
  PermitLicensing,
  type PermitStatusReport,
} from './permit-licensing';
import { PermitsAuthGuard } from './permits-auth.guard';
import { renderPermitsRefusal } from './permits-refusal';
import { PERMITS_BASE_PATH } from './permits.contract';

/** The licensing system's answer envelope: the HTTP status again, and the data. */
interface PermitsAnswer<T> {
  status: number;
  data?: T;
}

/** The licensing system's host-to-host REST API, as the agency exposes it. */
@Controller(PERMITS_BASE_PATH)
@UseGuards(PermitsAuthGuard)
@UseFilters(new JsonRefusalFilter(renderPermitsRefusal))
export class PermitsController {
  constructor(
    private readonly licensing: PermitLicensing,
    private readonly faults: FaultInjector,
  ) {}

  @Post('permohonan')
  @HttpCode(HttpStatus.CREATED)
  submit(@Body() body: unknown): Promise<PermitsAnswer<PermitApplicationState>> {
    return this.answer(HttpStatus.CREATED, () => this.licensing.submit(body));
  }

  @Get('permohonan')
  findByReference(
    @Query('nomor_referensi') nomorReferensi: unknown,
  ): Promise<PermitsAnswer<PermitApplicationState[]>> {
    return this.answer(HttpStatus.OK, () => this.licensing.findByReference(nomorReferensi));
  }

  /** checkLicenseStatus */
  @Get('permohonan/:id/status')
  status(@Param('id') id: string): Promise<PermitsAnswer<PermitStatusReport>> {
    return this.answer(HttpStatus.OK, () => this.licensing.statusOf(id));
  }

  @Put('permohonan/:id')
  revise(
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PermitsAnswer<PermitApplicationState>> {
    return this.answer(HttpStatus.OK, () => this.licensing.revise(id, body));
  }

  @Post('permohonan/:id/batal')
  @HttpCode(HttpStatus.OK)
  cancel(
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PermitsAnswer<PermitApplicationState>> {
    return this.answer(HttpStatus.OK, () => this.licensing.cancel(id, body));
  }

  @Get('ping')
  ping(): Promise<PermitsAnswer<never>> {
    return this.faults.intercept(SimulatedSystem.permits, () => ({ status: HttpStatus.OK }));
  }

  private answer<T>(status: number, handle: () => T): Promise<PermitsAnswer<T>> {
    return this.faults.intercept(SimulatedSystem.permits, () => ({ status, data: handle() }));
  }
}
