import { Injectable } from '@nestjs/common';
import { instrumentLegacyHttp, LegacyUnavailable, noteLegacyFault } from '@mpp/adapter-sdk';
import axios, { AxiosInstance } from 'axios';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { CivilRegistryConfig } from './civil-registry.config';

/** A `Client` fault: the registry answered and refused the request, with its own code. */
export class CivilRegistryFault extends Error {
  override readonly name = 'CivilRegistryFault';

  constructor(
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

export const CivilRegistryFaultCodes = {
  notFound: 'Client.TidakDitemukan',
  incompleteData: 'Client.DataTidakLengkap',
  wrongStatus: 'Client.StatusTidakSesuai',
  notCancellable: 'Client.TidakDapatDibatalkan',
} as const;

const NAMESPACE = 'urn:disdukcapil:layanan:v1';
const SOAP_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface CivilRegistrySubmission {
  senderReference: string;
  legacyServiceCode: string;
  nik: string;
  name: string;
  data: Record<string, unknown>;
}

export interface CivilRegistryStatusReport {
  status: string;
  remark?: string;
  documentNumber?: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, trimValues: true });

/**
 * The Disdukcapil civil registry's SOAP 1.1 web service (`urn:disdukcapil:layanan:v1`).
 * Faults of kind `Client` are the registry's answers (`CivilRegistryFault`); everything else,
 * including no answer, is the system being unavailable.
 */
@Injectable()
export class LegacyCivilRegistryClient {
  private readonly http: AxiosInstance;

  constructor(config: CivilRegistryConfig) {
    this.http = instrumentLegacyHttp(
      axios.create({
        baseURL: config.CIVIL_REGISTRY_URL,
        timeout: config.CIVIL_REGISTRY_TIMEOUT_MS,
        responseType: 'text',
        validateStatus: () => true,
        transitional: { clarifyTimeoutError: true },
      }),
    );
  }

  /** Returns the registry's own reference number (NomorRegistrasi). */
  async submit(submission: CivilRegistrySubmission): Promise<string> {
    const answer = await this.call('AjukanPermohonan', {
      RujukanPengirim: submission.senderReference,
      KodeLayanan: submission.legacyServiceCode,
      NIK: submission.nik,
      Nama: submission.name,
      DataJson: JSON.stringify(submission.data),
    });
    return requireField(answer, 'NomorRegistrasi');
  }

  /** The registration made for a sender reference, or undefined if the registry has none. */
  async findBySenderReference(reference: string): Promise<string | undefined> {
    try {
      const answer = await this.call('CariPermohonan', { RujukanPengirim: reference });
      return requireField(answer, 'NomorRegistrasi');
    } catch (error) {
      if (error instanceof CivilRegistryFault && error.code === CivilRegistryFaultCodes.notFound) {
        return undefined;
      }
      throw error;
    }
  }

  async status(registrationNumber: string): Promise<CivilRegistryStatusReport> {
    const answer = await this.call('CekStatus', { NomorRegistrasi: registrationNumber });
    return {
      status: requireField(answer, 'Status'),
      remark: optionalField(answer, 'Keterangan'),
      documentNumber: optionalField(answer, 'NomorDokumen'),
    };
  }

  /** Sends corrected data for a registration waiting on revision (PERLU_PERBAIKAN). */
  async revise(registrationNumber: string, data: Record<string, unknown>): Promise<void> {
    await this.call('PerbaikiPermohonan', {
      NomorRegistrasi: registrationNumber,
      DataJson: JSON.stringify(data),
    });
  }

  async cancel(registrationNumber: string, reason: string): Promise<void> {
    await this.call('BatalkanPermohonan', { NomorRegistrasi: registrationNumber, Alasan: reason });
  }

  private async call(
    operation: string,
    fields: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const element: Record<string, unknown> = { '@_xmlns:dkc': NAMESPACE };
    for (const [name, value] of Object.entries(fields)) element[`dkc:${name}`] = value;
    const envelope = builder.build({
      'soapenv:Envelope': {
        '@_xmlns:soapenv': SOAP_ENVELOPE,
        'soapenv:Header': '',
        'soapenv:Body': { [`dkc:${operation}`]: element },
      },
    });
    const headers: Record<string, string> = {
      'Content-Type': 'text/xml; charset=utf-8',
      SOAPAction: `"${NAMESPACE}#${operation}"`,
    };

    let status: number;
    let body: string;
    try {
      const response = await this.http.post<string>('', envelope, { headers });
      status = response.status;
      body = response.data;
    } catch (error) {
      throw LegacyUnavailable.noAnswer(operation, error);
    }
    const soapBody = safeParse(body)?.Envelope?.Body;
    const fault = soapBody?.Fault as SoapFaultElement | undefined;
    if (fault) throw toError(operation, fault);
    if (status >= 400 || !soapBody) {
      throw new LegacyUnavailable(`${operation} answered HTTP ${status} without a SOAP body`);
    }
    const result = soapBody[`${operation}Response`];
    if (!result || typeof result !== 'object') {
      throw new LegacyUnavailable(`${operation} answered without ${operation}Response`);
    }
    return result as Record<string, unknown>;
  }
}

interface SoapFaultElement {
  faultcode?: unknown;
  faultstring?: unknown;
  detail?: { KesalahanLayanan?: { Kode?: unknown; Pesan?: unknown } };
}

type ParsedEnvelope = { Envelope?: { Body?: Record<string, unknown> } };

function safeParse(xml: string): ParsedEnvelope | undefined {
  try {
    return typeof xml === 'string' && xml.length > 0
      ? (parser.parse(xml) as ParsedEnvelope)
      : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function toError(operation: string, fault: SoapFaultElement): Error {
  const faultCode = text(fault.faultcode) ?? '';
  const kind = faultCode.includes(':') ? faultCode.split(':').pop()! : faultCode;
  const detail = fault.detail?.KesalahanLayanan;
  const code = text(detail?.Kode) ?? kind;
  const reason = text(detail?.Pesan) ?? text(fault.faultstring) ?? 'fault without a reason';
  noteLegacyFault(code);
  if (kind === 'Client') return new CivilRegistryFault(code, reason);
  return new LegacyUnavailable(`${operation}: ${code}: ${reason}`);
}

function requireField(answer: Record<string, unknown>, name: string): string {
  const value = optionalField(answer, name);
  if (!value) throw new LegacyUnavailable(`answer without ${name}`);
  return value;
}

function optionalField(answer: Record<string, unknown>, name: string): string | undefined {
  const value = text(answer[name]);
  return value === '' ? undefined : value;
}
