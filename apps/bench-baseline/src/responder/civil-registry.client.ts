import { Inject, Injectable } from '@nestjs/common';
import axios, { type AxiosInstance } from 'axios';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { BaselineConfig } from '../baseline.config';
import { RESPONDER_CONFIG } from './baseline-responder.tokens';

const NAMESPACE = 'urn:disdukcapil:layanan:v1';
const SOAP_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, trimValues: true });

export interface Registration {
  senderReference: string;
  serviceCode: string;
  nik: string;
  name: string;
  data: Record<string, unknown>;
}

type Envelope = { Envelope?: { Body?: Record<string, Record<string, unknown> | undefined> } };

/** The civil registry's SOAP `AjukanPermohonan`, called the plain way: one request, one answer. */
@Injectable()
export class CivilRegistryClient {
  private readonly http: AxiosInstance;

  constructor(@Inject(RESPONDER_CONFIG) config: BaselineConfig) {
    this.http = axios.create({
      baseURL: config.civilRegistryUrl,
      timeout: config.civilRegistryTimeoutMs,
      responseType: 'text',
      validateStatus: () => true,
    });
  }

  /** Returns the registry's registration number (NomorRegistrasi). */
  async register(registration: Registration): Promise<string> {
    const envelope = builder.build({
      'soapenv:Envelope': {
        '@_xmlns:soapenv': SOAP_ENVELOPE,
        'soapenv:Header': '',
        'soapenv:Body': {
          'dkc:AjukanPermohonan': {
            '@_xmlns:dkc': NAMESPACE,
            'dkc:RujukanPengirim': registration.senderReference,
            'dkc:KodeLayanan': registration.serviceCode,
            'dkc:NIK': registration.nik,
            'dkc:Nama': registration.name,
            'dkc:DataJson': JSON.stringify(registration.data),
          },
        },
      },
    });
    const response = await this.http.post<string>('', envelope, {
      headers: {
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: `"${NAMESPACE}#AjukanPermohonan"`,
      },
    });
    const body = (parser.parse(response.data) as Envelope).Envelope?.Body;
    const fault = body?.Fault;
    if (fault) throw new Error(`civil registry fault: ${String(fault.faultstring)}`);
    const number = body?.AjukanPermohonanResponse?.NomorRegistrasi;
    if (typeof number !== 'string' || number === '') {
      throw new Error(`civil registry answered HTTP ${response.status} without NomorRegistrasi`);
    }
    return number;
  }
}
