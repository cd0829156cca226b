import { LegacyRefusal } from '@mpp/adapter-sdk';
import { ApplicationStatus, type ApplicationSubmitted } from '@mpp/contracts';
import { LegacyOssRbaClient, OssConflict, OssRefusal } from './legacy-oss-rba.client';
import { OssRbaConnector } from './oss-rba.connector';

function stubbedClient(): jest.Mocked<LegacyOssRbaClient> {
  return {
    submit: jest.fn(),
    findByReference: jest.fn(),
    status: jest.fn(),
    revise: jest.fn(),
    cancel: jest.fn(),
    ping: jest.fn(),
  } as unknown as jest.Mocked<LegacyOssRbaClient>;
}

const application = (serviceCode: string): ApplicationSubmitted => ({
  applicationId: '0b9c2f5e-58a4-4d7e-9a57-1f0f1c8f3b21',
  trackingNumber: 'MPP-7K3QX9',
  serviceCode,
  clientId: 'kiosk',
  applicant: { nik: '2171011508900003', name: 'Budi Santoso', contact: {} },
  data: { jumlahLantai: 2 },
  documents: [],
  submittedAt: '2026-03-02T01:00:00.000Z',
});

const resubmission = {
  ...application('dpmptsp.pbg'),
  revision: 2,
  resubmittedAt: '2026-03-03T01:00:00.000Z',
};
const cancellation = {
  applicationId: resubmission.applicationId,
  trackingNumber: resubmission.trackingNumber,
  serviceCode: 'dpmptsp.pbg',
  cancelledAt: '2026-03-02T02:00:00.000Z',
};

describe('OssRbaConnector', () => {
  let oss: jest.Mocked<LegacyOssRbaClient>;
  let connector: OssRbaConnector;

  beforeEach(() => {
    oss = stubbedClient();
    connector = new OssRbaConnector(oss);
  });

  it('files each service as its OSS-RBA permit, under our application id', async () => {
    oss.submit.mockResolvedValue('OSS-1');
    expect(await connector.submit(application('dpmptsp.pbg'), {})).toEqual({
      agencyReference: 'OSS-1',
    });
    expect(oss.submit).toHaveBeenCalledWith(
      expect.objectContaining({
        nomorReferensi: '0b9c2f5e-58a4-4d7e-9a57-1f0f1c8f3b21',
        kodeIzin: 'PBG',
        nik: '2171011508900003',
        nama: 'Budi Santoso',
      }),
      {},
    );
    await connector.submit(application('dpmptsp.nib'), {});
    expect(oss.submit.mock.calls[1][0].kodeIzin).toBe('NIB');
  });

  it('turns incomplete data into NEEDS_REVISION and any other refusal into REJECTED', async () => {
    oss.submit.mockRejectedValueOnce(new OssRefusal('DATA_TIDAK_LENGKAP', 'data kurang'));
    await expect(connector.submit(application('dpmptsp.nib'), {})).rejects.toEqual(
      LegacyRefusal.needsRevision('data kurang', 'DATA_TIDAK_LENGKAP'),
    );
    oss.submit.mockRejectedValueOnce(new OssRefusal('NIK_TIDAK_TERDAFTAR', 'NIK tidak dikenal'));
    await expect(connector.submit(application('dpmptsp.nib'), {})).rejects.toMatchObject({
      status: ApplicationStatus.REJECTED,
      code: 'NIK_TIDAK_TERDAFTAR',
    });
  });

  it('counts a repeated revision as done once the permit has moved past code 11', async () => {
    oss.revise.mockRejectedValue(new OssConflict('revise: status tidak sesuai'));
    oss.status.mockResolvedValue({ idPermohonan: 'OSS-1', kdStatus: 20 });
    await expect(connector.resubmit(resubmission, 'OSS-1', {})).resolves.toBeUndefined();

    oss.status.mockResolvedValue({ idPermohonan: 'OSS-1', kdStatus: 11 });
    await expect(connector.resubmit(resubmission, 'OSS-1', {})).rejects.toBeInstanceOf(OssConflict);
  });

  it('refuses a cancellation OSS-RBA answers with 409: the agency has decided', async () => {
    oss.cancel.mockResolvedValueOnce(undefined);
    await connector.cancel(cancellation, 'OSS-1', {});
    expect(oss.cancel).toHaveBeenCalledWith('OSS-1', 'Dibatalkan oleh pemohon', {});

    oss.cancel.mockRejectedValueOnce(new OssConflict('cancel: status tidak sesuai'));
    await expect(
      connector.cancel({ ...cancellation, reason: 'tidak jadi' }, 'OSS-1', {}),
    ).rejects.toMatchObject({ status: ApplicationStatus.REJECTED });
  });

  it('adopts what an earlier submission left, by our application id', async () => {
    oss.findByReference.mockResolvedValueOnce('OSS-9').mockResolvedValueOnce(undefined);
    expect(await connector.findSubmission('a', {})).toEqual({ agencyReference: 'OSS-9' });
    expect(await connector.findSubmission('b', {})).toBeUndefined();
  });
});
