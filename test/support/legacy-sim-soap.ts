import axios, { type AxiosResponse } from 'axios';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

export const CIVIL_REGISTRY_NS = 'urn:disdukcapil:layanan:v1';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
const reader = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

export interface SoapAnswer {
  httpStatus: number;
  contentType: string;
  /** The Body's first element by local name, e.g. `{ AjukanPermohonanResponse: {...} }`. */
  body: Record<string, any>;
  xml: string;
}

/** Calls an operation of the simulated civil registry the way a SOAP 1.1 client would. */
export async function callCivilRegistry(
  baseUrl: string,
  operation: string,
  fields: Record<string, string>,
  { soapAction = `${CIVIL_REGISTRY_NS}#${operation}` }: { soapAction?: string | null } = {},
): Promise<SoapAnswer> {
  const element: Record<string, unknown> = { '@_xmlns:dkc': CIVIL_REGISTRY_NS };
  for (const [name, value] of Object.entries(fields)) element[`dkc:${name}`] = value;
  const xml = builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/',
      'soapenv:Header': '',
      'soapenv:Body': { [`dkc:${operation}`]: element },
    },
  });
  const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' };
  if (soapAction !== null) headers.SOAPAction = `"${soapAction}"`;
  const response: AxiosResponse<string> = await axios.post(`${baseUrl}/disdukcapil/ws`, xml, {
    headers,
    responseType: 'text',
    validateStatus: () => true,
  });
  return {
    httpStatus: response.status,
    contentType: String(response.headers['content-type'] ?? ''),
    body: reader.parse(response.data)?.Envelope?.Body ?? {},
    xml: response.data,
  };
}
