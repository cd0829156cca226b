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
};

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
      <xsd:element name="AjukanPermohonan">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="RujukanPengirim" type="xsd:string"/>
            <xsd:element name="KodeLayanan" type="xsd:string"/>
            <xsd:element name="NIK" type="tns:NIK"/>
            <xsd:element name="Nama" type="xsd:string"/>
            <xsd:element name="DataJson" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="AjukanPermohonanResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="NomorRegistrasi" type="xsd:string"/>
            <xsd:element name="Status" type="tns:StatusPermohonan"/>
            <xsd:element name="Waktu" type="xsd:dateTime"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="CekStatus">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="NomorRegistrasi" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="CekStatusResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="NomorRegistrasi" type="xsd:string"/>
            <xsd:element name="Status" type="tns:StatusPermohonan"/>
            <xsd:element name="Keterangan" type="xsd:string"/>
            <xsd:element name="NomorDokumen" type="xsd:string" minOccurs="0"/>
            <xsd:element name="Waktu" type="xsd:dateTime"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="CariPermohonan">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="RujukanPengirim" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="CariPermohonanResponse">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="RujukanPengirim" type="xsd:string"/>
            <xsd:element name="NomorRegistrasi" type="xsd:string"/>
            <xsd:element name="Status" type="tns:StatusPermohonan"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
      <xsd:element name="KesalahanLayanan">
        <xsd:complexType>
          <xsd:sequence>
            <xsd:element name="Kode" type="xsd:string"/>
            <xsd:element name="Pesan" type="xsd:string"/>
          </xsd:sequence>
        </xsd:complexType>
      </xsd:element>
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
