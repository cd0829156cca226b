import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
  UseFilters,
} from '@nestjs/common';
import type { Request } from 'express';
import { FaultInjector } from '../fault-injection/fault-injector';
import { SimulatedSystem } from '../simulated-systems';
import { SOAP_CONTENT_TYPE } from './soap/soap-envelope';
import { SoapFaultFilter } from './soap/soap-fault.filter';
import { CivilRegistrySoapBinding, toSoapFault } from './civil-registry-soap.binding';
import { CIVIL_REGISTRY_PATH } from './civil-registry.contract';
import { civilRegistryWsdl } from './civil-registry.wsdl';

/** The civil registry's SOAP endpoint, as the agency exposes it. */
@Controller(CIVIL_REGISTRY_PATH)
@UseFilters(SoapFaultFilter)
export class CivilRegistryController {
  constructor(
    private readonly binding: CivilRegistrySoapBinding,
    private readonly faults: FaultInjector,
  ) {}

  @Get()
  @Header('Content-Type', SOAP_CONTENT_TYPE)
  describe(@Query('wsdl') wsdl: string | undefined, @Req() request: Request): string {
    if (wsdl === undefined) throw new NotFoundException('the service description is at ?wsdl');
    return civilRegistryWsdl(`${request.protocol}://${request.get('host')}/${CIVIL_REGISTRY_PATH}`);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @Header('Content-Type', SOAP_CONTENT_TYPE)
  async call(
    @Body() body: unknown,
    @Headers('soapaction') soapAction: string | undefined,
  ): Promise<string> {
    if (typeof body !== 'string') {
      throw new UnsupportedMediaTypeException('a SOAP 1.1 request is sent as text/xml');
    }
    try {
      return await this.faults.intercept(SimulatedSystem.civilRegistry, () =>
        this.binding.handle(body, soapAction),
      );
    } catch (error) {
      throw toSoapFault(error) ?? error;
    }
  }
}
