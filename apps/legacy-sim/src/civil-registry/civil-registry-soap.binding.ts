import { Injectable } from '@nestjs/common';
import { AmendmentRefused, type AmendmentProblem } from '../casework/case-amendment';
import { CaseNotFound } from '../casework/case-files';
import { SubmissionRefused, type SubmissionRefusalReason } from '../casework/submission-check';
import { InjectedFault } from '../fault-injection/injected-fault';
import { MalformedSoapRequest } from './soap/malformed-soap-request';
import { parseSoapRequest, renderSoapResponse, type SoapElement } from './soap/soap-envelope';
import { SoapFault } from './soap/soap-fault';
import { CivilRegistry } from './civil-registry';
import { CivilRegistryRejection } from './civil-registry-rejection';
import { CivilRegistryFaultCode, CivilRegistryStatus } from './civil-registry-status';
import {
  CIVIL_REGISTRY_NAMESPACE,
  CIVIL_REGISTRY_PREFIX,
  CivilRegistryOperation,
  isCivilRegistryOperation,
  soapActionOf,
} from './civil-registry.contract';

/** Translates between SOAP requests and the civil registry: operations in, responses or faults out. */
@Injectable()
export class CivilRegistrySoapBinding {
  constructor(private readonly registry: CivilRegistry) {}

  /** Answers a request envelope with a response envelope, or throws the SoapFault to answer. */
  handle(xml: string, soapAction: string | undefined): string {
    try {
      const request = parseSoapRequest(xml);
      const operation = request.operation.name;
      if (
        request.operation.namespace !== CIVIL_REGISTRY_NAMESPACE ||
        !isCivilRegistryOperation(operation)
      ) {
        throw new CivilRegistryRejection(
          CivilRegistryFaultCode.operasiTidakDikenal,
          `Operasi {${request.operation.namespace ?? ''}}${operation} tidak dikenal`,
        );
      }
      checkSoapAction(soapAction, operation);
      return renderSoapResponse(this.perform(operation, request.fields));
    } catch (error) {
      throw toSoapFault(error) ?? error;
    }
  }

  private perform(operation: CivilRegistryOperation, fields: Record<string, string>): SoapElement {
    switch (operation) {
      case CivilRegistryOperation.ajukanPermohonan: {
        const registration = this.registry.register({
          rujukanPengirim: fields.RujukanPengirim,
          kodeLayanan: fields.KodeLayanan,
          nik: fields.NIK,
          nama: fields.Nama,
          dataJson: fields.DataJson,
        });
        return response(operation, {
          NomorRegistrasi: registration.number,
          Status: CivilRegistryStatus.DITERIMA,
          Waktu: registration.receivedAt.toISOString(),
        });
      }
      case CivilRegistryOperation.cekStatus: {
        const report = this.registry.statusOf(fields.NomorRegistrasi);
        return response(operation, {
          NomorRegistrasi: fields.NomorRegistrasi,
          Status: report.status,
          Keterangan: report.keterangan,
          NomorDokumen: report.issuedDocument,
          Waktu: new Date().toISOString(),
        });
      }
      case CivilRegistryOperation.cariPermohonan: {
        const latest = this.registry.latestFor(fields.RujukanPengirim);
        return response(operation, {
          RujukanPengirim: fields.RujukanPengirim,
          NomorRegistrasi: latest.nomorRegistrasi,
          Status: latest.status.status,
        });
      }
      case CivilRegistryOperation.perbaikiPermohonan: {
        // `Data` carries the same JSON text as AjukanPermohonan's DataJson, under either name.
        const report = this.registry.revise(fields.NomorRegistrasi, fields.Data ?? fields.DataJson);
        return statusChanged(operation, fields.NomorRegistrasi, report.status);
      }
      case CivilRegistryOperation.batalkanPermohonan: {
        const report = this.registry.cancel(fields.NomorRegistrasi, fields.Alasan);
        return statusChanged(operation, fields.NomorRegistrasi, report.status);
      }
    }
  }
}

function response(operation: CivilRegistryOperation, fields: SoapElement['fields']): SoapElement {
  return {
    namespace: CIVIL_REGISTRY_NAMESPACE,
    prefix: CIVIL_REGISTRY_PREFIX,
    name: `${operation}Response`,
    fields,
  };
}

function statusChanged(
  operation: CivilRegistryOperation,
  nomorRegistrasi: string,
  status: CivilRegistryStatus,
): SoapElement {
  return response(operation, {
    NomorRegistrasi: nomorRegistrasi,
    Status: status,
    Waktu: new Date().toISOString(),
  });
}

/** SOAP 1.1 requires the header; an empty value leaves the intent to the body. */
function checkSoapAction(header: string | undefined, operation: CivilRegistryOperation): void {
  if (header === undefined) {
    throw new CivilRegistryRejection(
      CivilRegistryFaultCode.permintaanTidakValid,
      'Header SOAPAction wajib ada',
    );
  }
  const action = header.trim().replace(/^"(.*)"$/, '$1');
  if (action !== '' && action !== soapActionOf(operation)) {
    throw new CivilRegistryRejection(
      CivilRegistryFaultCode.permintaanTidakValid,
      `SOAPAction ${action} tidak sesuai dengan operasi ${operation}`,
    );
  }
}

const SUBMISSION_REFUSALS: Record<SubmissionRefusalReason, CivilRegistryFaultCode> = {
  incomplete: CivilRegistryFaultCode.dataTidakLengkap,
  unknownService: CivilRegistryFaultCode.layananTidakDikenal,
  nikNotRegistered: CivilRegistryFaultCode.nikTidakTerdaftar,
};

const AMENDMENT_REFUSALS: Record<AmendmentProblem, CivilRegistryFaultCode> = {
  dataNotObject: CivilRegistryFaultCode.dataTidakLengkap,
  reasonMissing: CivilRegistryFaultCode.dataTidakLengkap,
  notAwaitingRevision: CivilRegistryFaultCode.statusTidakSesuai,
  notCancellable: CivilRegistryFaultCode.tidakDapatDibatalkan,
};

export function civilRegistryFault(
  kode: CivilRegistryFaultCode,
  message: string,
  httpStatus = 500,
): SoapFault {
  const code = kode.startsWith('Server.') ? 'Server' : 'Client';
  return new SoapFault(code, message, httpStatus, {
    namespace: CIVIL_REGISTRY_NAMESPACE,
    prefix: CIVIL_REGISTRY_PREFIX,
    name: 'KesalahanLayanan',
    fields: { Kode: kode, Pesan: message },
  });
}

/** The fault a failure is answered with; undefined for a failure of the simulator itself. */
export function toSoapFault(error: unknown): SoapFault | undefined {
  if (error instanceof SoapFault) return error;
  if (error instanceof CivilRegistryRejection) return civilRegistryFault(error.kode, error.message);
  if (error instanceof SubmissionRefused) {
    return civilRegistryFault(SUBMISSION_REFUSALS[error.reason], error.message);
  }
  if (error instanceof AmendmentRefused) {
    return civilRegistryFault(AMENDMENT_REFUSALS[error.problem], error.message);
  }
  if (error instanceof CaseNotFound) {
    return civilRegistryFault(CivilRegistryFaultCode.tidakDitemukan, error.message);
  }
  if (error instanceof MalformedSoapRequest) {
    if (error.versionMismatch)
      return new SoapFault('VersionMismatch', 'Hanya SOAP 1.1 yang didukung');
    return civilRegistryFault(
      CivilRegistryFaultCode.permintaanTidakValid,
      `Permintaan SOAP tidak valid: ${error.message}`,
    );
  }
  if (error instanceof InjectedFault) {
    return error.kind === 'maintenance'
      ? civilRegistryFault(
          CivilRegistryFaultCode.pemeliharaan,
          'Sistem sedang dalam pemeliharaan terjadwal',
          503,
        )
      : civilRegistryFault(
          CivilRegistryFaultCode.sibuk,
          'Sistem sedang sibuk, silakan coba beberapa saat lagi',
        );
  }
  return undefined;
}
