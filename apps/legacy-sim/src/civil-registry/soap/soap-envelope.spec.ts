import { XMLParser } from 'fast-xml-parser';
import { MalformedSoapRequest } from './malformed-soap-request';
import {
  parseSoapRequest,
  renderSoapFault,
  renderSoapResponse,
  SOAP_ENVELOPE_NAMESPACE,
} from './soap-envelope';
import { SoapFault } from './soap-fault';

const NS = 'urn:disdukcapil:layanan:v1';

function envelope(body: string, envelopeNs = SOAP_ENVELOPE_NAMESPACE): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<s:Envelope xmlns:s="${envelopeNs}" xmlns:d="${NS}">
  <s:Header/>
  <s:Body>${body}</s:Body>
</s:Envelope>`;
}

describe('parseSoapRequest', () => {
  it('reads the operation with its namespace and its fields by local name', () => {
    const request = parseSoapRequest(
      envelope(`<d:AjukanPermohonan>
        <d:RujukanPengirim>app-1</d:RujukanPengirim>
        <d:NIK>0171010101900001</d:NIK>
        <d:DataJson>{"alasan":"hilang","catatan":"&lt;b&gt; &amp; co"}</d:DataJson>
      </d:AjukanPermohonan>`),
    );
    expect(request.operation).toEqual({ namespace: NS, name: 'AjukanPermohonan' });
    // Leading zeros survive: values stay text.
    expect(request.fields.NIK).toBe('0171010101900001');
    expect(JSON.parse(request.fields.DataJson)).toEqual({ alasan: 'hilang', catatan: '<b> & co' });
  });

  it('resolves a default namespace declared on the operation element', () => {
    const request = parseSoapRequest(
      envelope(`<CekStatus xmlns="${NS}"><NomorRegistrasi>DKC-1</NomorRegistrasi></CekStatus>`),
    );
    expect(request.operation).toEqual({ namespace: NS, name: 'CekStatus' });
    expect(request.fields).toEqual({ NomorRegistrasi: 'DKC-1' });
  });

  it('refuses XML that is not well formed', () => {
    expect(() => parseSoapRequest('<s:Envelope><oops></s:Envelope>')).toThrow(MalformedSoapRequest);
  });

  it('refuses a document that is not an envelope', () => {
    expect(() => parseSoapRequest(`<d:CekStatus xmlns:d="${NS}"/>`)).toThrow(/not Envelope/);
  });

  it('reports a SOAP 1.2 envelope as a version mismatch', () => {
    let caught: unknown;
    try {
      parseSoapRequest(envelope('<d:CekStatus/>', 'http://www.w3.org/2003/05/soap-envelope'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MalformedSoapRequest);
    expect((caught as MalformedSoapRequest).versionMismatch).toBe(true);
  });

  it('refuses an empty body', () => {
    expect(() => parseSoapRequest(envelope(''))).toThrow(/Body has no element/);
  });
});

describe('rendering', () => {
  const reader = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

  it('renders a response in the service namespace, leaving out absent fields', () => {
    const xml = renderSoapResponse({
      namespace: NS,
      prefix: 'dkc',
      name: 'CekStatusResponse',
      fields: { Status: 'DIPROSES', Keterangan: 'A & B <c>', NomorDokumen: undefined },
    });
    expect(xml).toContain(`xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}"`);
    expect(xml).toContain(`xmlns:dkc="${NS}"`);
    expect(reader.parse(xml).Envelope.Body.CekStatusResponse).toEqual({
      Status: 'DIPROSES',
      Keterangan: 'A & B <c>',
    });
    // The rendered response is itself a request-shaped envelope the parser can read back.
    expect(parseSoapRequest(xml).operation).toEqual({ namespace: NS, name: 'CekStatusResponse' });
  });

  it('renders a SOAP 1.1 fault with unqualified faultcode, faultstring and a detail', () => {
    const xml = renderSoapFault(
      new SoapFault('Client', 'NIK tidak terdaftar', 500, {
        namespace: NS,
        prefix: 'dkc',
        name: 'KesalahanLayanan',
        fields: { Kode: 'Client.NIKTidakTerdaftar', Pesan: 'NIK tidak terdaftar' },
      }),
    );
    expect(xml).toMatch(/<soap:Fault>\s*<faultcode>soap:Client<\/faultcode>/);
    expect(reader.parse(xml).Envelope.Body.Fault).toEqual({
      faultcode: 'soap:Client',
      faultstring: 'NIK tidak terdaftar',
      detail: {
        KesalahanLayanan: { Kode: 'Client.NIKTidakTerdaftar', Pesan: 'NIK tidak terdaftar' },
      },
    });
  });
});
