import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import axios, { AxiosInstance, isAxiosError } from 'axios';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { AdapterConfig } from '../config/adapter.config';
import {
  CivilRegistryRefusal,
  CivilRegistryUnavailable,
  NOT_FOUND_FAULT,
} from './civil-registry-errors';

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

export interface CallOptions {
  traceparent?: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, trimValues: true });

/**
 * The Disdukcapil civil registry's SOAP 1.1 web service (`urn:disdukcapil:layanan:v1`):
 * AjukanPermohonan, CekStatus and CariPermohonan. Faults of kind `Client` are refusals of the
 * application; everything else is the system being unavailable.
 */
@Injectable()
export class LegacyCivilRegistryClient {
  private readonly http: AxiosInstance;

  constructor(config: ConfigService<AdapterConfig, true>) {
    this.http = axios.create({
      baseURL: config.get('CIVIL_REGISTRY_URL', { infer: true }),
      timeout: config.get('CIVIL_REGISTRY_TIMEOUT_MS', { infer: true }),
      responseType: 'text',
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
    });
  }

  /** Returns the registry's own reference number (NomorRegistrasi). */
  async submit(submission: CivilRegistrySubmission, options: CallOptions = {}): Promise<string> {
    const answer = await this.call(
      'AjukanPermohonan',
      {
        RujukanPengirim: submission.senderReference,
        KodeLayanan: submission.legacyServiceCode,
        NIK: submission.nik,
        Nama: submission.name,
        DataJson: JSON.stringify(submission.data),
      },
      options,
    );
    return requireField(answer, 'NomorRegistrasi');
  }

  /** The registration made for a sender reference, or undefined if the registry has none. */
  async findBySenderReference(
    reference: string,
    options: CallOptions = {},
  ): Promise<string | undefined> {
    try {
      const answer = await this.call('CariPermohonan', { RujukanPengirim: reference }, options);
      return requireField(answer, 'NomorRegistrasi');
    } catch (error) {
      if (error instanceof CivilRegistryRefusal && error.code === NOT_FOUND_FAULT) return undefined;
      throw error;
    }
  }

  async status(
    registrationNumber: string,
    options: CallOptions = {},
  ): Promise<CivilRegistryStatusReport> {
    const answer = await this.call('CekStatus', { NomorRegistrasi: registrationNumber }, options);
    return {
      status: requireField(answer, 'Status'),
      remark: optionalField(answer, 'Keterangan'),
      documentNumber: optionalField(answer, 'NomorDokumen'),
    };
  }

  private async call(
    operation: string,
    fields: Record<string, string>,
    options: CallOptions,
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
    if (options.traceparent) headers.traceparent = options.traceparent;

    let status: number;
    let body: string;
    try {
      const response = await this.http.post<string>('', envelope, { headers });
      status = response.status;
      body = response.data;
    } catch (error) {
      const reason = isAxiosError(error)
        ? `${error.code ?? 'network error'}: ${error.message}`
        : String(error);
      throw new CivilRegistryUnavailable(`${operation} failed: ${reason}`);
    }
    const soapBody = safeParse(body)?.Envelope?.Body;
    const fault = soapBody?.Fault as SoapFaultElement | undefined;
    if (fault) throw toError(operation, fault);
    if (status >= 400 || !soapBody) {
      throw new CivilRegistryUnavailable(
        `${operation} answered HTTP ${status} without a SOAP body`,
      );
    }
    const result = soapBody[`${operation}Response`];
    if (!result || typeof result !== 'object') {
      throw new CivilRegistryUnavailable(`${operation} answered without ${operation}Response`);
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
  if (kind === 'Client') return new CivilRegistryRefusal(code, reason);
  return new CivilRegistryUnavailable(`${operation}: ${code}: ${reason}`);
}

function requireField(answer: Record<string, unknown>, name: string): string {
  const value = optionalField(answer, name);
  if (!value) throw new CivilRegistryUnavailable(`answer without ${name}`);
  return value;
}

function optionalField(answer: Record<string, unknown>, name: string): string | undefined {
  const value = text(answer[name]);
  return value === '' ? undefined : value;
}
