import { CivilRegistryStatus } from './civil-registry-status';
import {
  CIVIL_REGISTRY_NAMESPACE,
  CIVIL_REGISTRY_OPERATIONS,
  type CivilRegistryOperation,
  soapActionOf,
} from './civil-registry.contract';

const OPERATION_DOCS: Record<CivilRegistryOperation, string> = {
  AjukanPermohonan: 'Mengajukan permohonan layanan; menghasilkan nomor registrasi baru.',
  CekStatus: 'Menanyakan status permohonan berdasarkan nomor registrasi.',
  CariPermohonan: 'Mencari registrasi terakhir berdasarkan rujukan pengirim.',
  PerbaikiPermohonan:
    'Mengirim data perbaikan untuk permohonan berstatus PERLU_PERBAIKAN; permohonan diproses kembali.',
  BatalkanPermohonan:
    'Membatalkan permohonan berstatus DITERIMA, DIPROSES atau PERLU_PERBAIKAN; pembatalan berulang tetap berhasil.',
};

/** A child element of a document/literal wrapper: its name, its type, whether it may be absent. */
type ChildElement = readonly [name: string, type: string, optional?: 'optional'];

const STATUS_CHANGE: readonly ChildElement[] = [
  ['NomorRegistrasi', 'xsd:string'],
  ['Status', 'tns:StatusPermohonan'],
  ['Waktu', 'xsd:dateTime'],
];

const MESSAGE_ELEMENTS: Record<
  CivilRegistryOperation,
  { request: readonly ChildElement[]; response: readonly ChildElement[] }
> = {
  AjukanPermohonan: {
    request: [
      ['RujukanPengirim', 'xsd:string'],
      ['KodeLayanan', 'xsd:string'],
      ['NIK', 'tns:NIK'],
      ['Nama', 'xsd:string'],
      ['DataJson', 'xsd:string'],
    ],
    response: STATUS_CHANGE,
  },
  CekStatus: {
    request: [['NomorRegistrasi', 'xsd:string']],
    response: [
      ['NomorRegistrasi', 'xsd:string'],
      ['Status', 'tns:StatusPermohonan'],
      ['Keterangan', 'xsd:string'],
      ['NomorDokumen', 'xsd:string', 'optional'],
      ['Waktu', 'xsd:dateTime'],
    ],
  },
  CariPermohonan: {
    request: [['RujukanPengirim', 'xsd:string']],
    response: [
      ['RujukanPengirim', 'xsd:string'],
      ['NomorRegistrasi', 'xsd:string'],
      ['Status', 'tns:StatusPermohonan'],
    ],
  },
  PerbaikiPermohonan: {
    request: [
      ['NomorRegistrasi', 'xsd:string'],
      ['Data', 'xsd:string'],
    ],
    response: STATUS_CHANGE,
  },
  BatalkanPermohonan: {
    request: [
      ['NomorRegistrasi', 'xsd:string'],
      ['Alasan', 'xsd:string'],
    ],
    response: STATUS_CHANGE,
  },
};

function elementXml(name: string, children: readonly ChildElement[]): string {
  const sequence = children
    .map(
      ([child, type, optional]) =>
        `            <xsd:element name="${child}" type="${type}"${optional ? ' minOccurs="0"' : ''}/>`,
    )
    .join('\n');
  return `      <xsd:element name="${name}">
        <xsd:complexType>
          <xsd:sequence>
${sequence}
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>`;
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** WSDL 1.1 (document/literal wrapped, SOAP 1.1 over HTTP) of the civil registry service. */
export function civilRegistryWsdl(endpointUrl: string): string {
  const tns = CIVIL_REGISTRY_NAMESPACE;
  const statuses = Object.values(CivilRegistryStatus)
    .map((status) => `          <xsd:enumeration value="${status}"/>`)
    .join('\n');
  const elements = [
    ...CIVIL_REGISTRY_OPERATIONS.flatMap((operation) => [
      elementXml(operation, MESSAGE_ELEMENTS[operation].request),
      elementXml(`${operation}Response`, MESSAGE_ELEMENTS[operation].response),
    ]),
    elementXml('KesalahanLayanan', [
      ['Kode', 'xsd:string'],
      ['Pesan', 'xsd:string'],
    ]),
  ].join('\n');
  const messages = CIVIL_REGISTRY_OPERATIONS.map(
    (operation) => `  <wsdl:message name="${operation}Request">
    <wsdl:part name="parameters" element="tns:${operation}"/>
  </wsdl:message>
  <wsdl:message name="${operation}Response">
    <wsdl:part name="parameters" element="tns:${operation}Response"/>
  </wsdl:message>`,
  ).join('\n');
  const portOperations = CIVIL_REGISTRY_OPERATIONS.map(
    (operation) => `    <wsdl:operation name="${operation}">
      <wsdl:documentation>${OPERATION_DOCS[operation]}</wsdl:documentation>
      <wsdl:input message="tns:${operation}Request"/>
      <wsdl:output message="tns:${operation}Response"/>
      <wsdl:fault name="KesalahanLayanan" message="tns:KesalahanLayananFault"/>
    </wsdl:operation>`,
  ).join('\n');
  const bindingOperations = CIVIL_REGISTRY_OPERATIONS.map(
    (operation) => `    <wsdl:operation name="${operation}">
      <soap:operation soapAction="${soapActionOf(operation)}" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
      <wsdl:fault name="KesalahanLayanan"><soap:fault name="KesalahanLayanan" use="literal"/></wsdl:fault>
    </wsdl:operation>`,
  ).join('\n');

  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions name="LayananKependudukan"
    targetNamespace="${tns}"
    xmlns:tns="${tns}"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <wsdl:documentation>Layanan pencatatan sipil Dinas Kependudukan dan Pencatatan Sipil (simulasi).</wsdl:documentation>
  <wsdl:types>
    <xsd:schema targetNamespace="${tns}" elementFormDefault="qualified">
      <xsd:simpleType name="StatusPermohonan">
        <xsd:restriction base="xsd:string">
${statuses}
        </xsd:restriction>
      </xsd:simpleType>
      <xsd:simpleType name="NIK">
        <xsd:restriction base="xsd:string">
          <xsd:pattern value="[0-9]{16}"/>
        </xsd:restriction>
      </xsd:simpleType>
${elements}
    </xsd:schema>
  </wsdl:types>
${messages}
  <wsdl:message name="KesalahanLayananFault">
    <wsdl:part name="fault" element="tns:KesalahanLayanan"/>
  </wsdl:message>
  <wsdl:portType name="LayananKependudukanPortType">
${portOperations}
  </wsdl:portType>
  <wsdl:binding name="LayananKependudukanSoapBinding" type="tns:LayananKependudukanPortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
${bindingOperations}
  </wsdl:binding>
  <wsdl:service name="LayananKependudukanService">
    <wsdl:port name="LayananKependudukanPort" binding="tns:LayananKependudukanSoapBinding">
      <soap:address location="${escapeAttribute(endpointUrl)}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}
