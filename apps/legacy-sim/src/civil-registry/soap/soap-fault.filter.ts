import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { renderSoapFault, SOAP_CONTENT_TYPE } from './soap-envelope';
import { SoapFault } from './soap-fault';

/** Answers a SoapFault as a SOAP 1.1 fault envelope with its HTTP status. */
@Catch(SoapFault)
export class SoapFaultFilter implements ExceptionFilter<SoapFault> {
  catch(fault: SoapFault, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(fault.httpStatus).type(SOAP_CONTENT_TYPE).send(renderSoapFault(fault));
  }
}
