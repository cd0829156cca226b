import { BATAM_DISTRICTS } from '@mpp/contracts';
import type { DemoApplicant } from './demo-people';
import type { SeededRandom } from './seeded-random';

/**
 * How one service of the demo stack behaves over a month: how much of the centre's traffic it
 * draws, how often applications go back to the applicant, are refused, withdrawn or stall, how
 * fast the agency decides relative to its published standard, and how satisfied applicants are.
 */
export interface DemoServiceProfile {
  code: string;
  /** Relative share of the centre's applications. */
  weight: number;
  revisionRate: number;
  rejectionRate: number;
  cancellationRate: number;
  /** Applications the agency sits on well past its standard: the overdue ones. */
  stallRate: number;
  /** Agency working time to a decision, as a share of the standard: median and log spread. */
  pace: { median: number; spread: number };
  /** Mean SKM answer (1-4) of a satisfied applicant of this service. */
  satisfaction: number;
  referencePrefix: string;
  revisionReasons: readonly string[];
  rejectionReasons: readonly string[];
  data(random: SeededRandom, applicant: DemoApplicant): Record<string, unknown>;
  result(random: SeededRandom, year: number): Record<string, unknown>;
}

const STREETS = ['Jl. Engku Putri', 'Jl. Raja Ali Haji', 'Jl. Yos Sudarso', 'Jl. Laksamana Bintan'];
const VILLAGES = ['Teluk Tering', 'Belian', 'Sungai Panas', 'Tanjung Uma', 'Batu Selicin'];
const BUSINESSES = ['Toko Sembako', 'Warung Kopi', 'Bengkel Motor', 'Laundry', 'Katering'];
const kk = (random: SeededRandom) => `217101${random.digits(10)}`;
const address = (random: SeededRandom) => ({
  alamat: `${random.pick(STREETS)} No. ${random.integer(1, 250)}`,
  kelurahan: random.pick(VILLAGES),
  kecamatan: random.pick(BATAM_DISTRICTS),
  kodePos: `29${random.integer(400, 499)}`,
});
const parcel = (random: SeededRandom) => ({
  kecamatan: random.pick(['Nongsa', 'Batu Ampar', 'Sekupang', 'Sei Beduk', 'Sagulung']),
  lokasiKavling: `Kav. ${random.integer(1, 90)} Blok ${random.pick(['A', 'B', 'C', 'D'])}`,
  luasM2: random.integer(300, 25000),
  peruntukan: random.pick(['industri', 'perdagangan-jasa', 'perumahan', 'pergudangan']),
});
const documentNumber = (prefix: string) => (random: SeededRandom, year: number) => ({
  documentNumber: `${prefix}/${random.digits(6)}/${year}`,
});

const CIVIL_REGISTRY = {
  referencePrefix: 'DKC',
  satisfaction: 3.3,
  revisionReasons: ['Foto Kartu Keluarga tidak terbaca', 'Data pada formulir tidak sesuai KK'],
  rejectionReasons: ['NIK tidak terdaftar pada database kependudukan', 'Data ganda'],
} as const;

const LAND = {
  referencePrefix: 'BPB',
  satisfaction: 2.85,
  revisionReasons: ['Gambar lokasi kavling belum dilampirkan', 'Rencana pemanfaatan kurang rinci'],
  rejectionReasons: ['Lokasi tumpang tindih dengan alokasi lain', 'Tidak sesuai tata ruang'],
  result: (random: SeededRandom, year: number) => ({
    documentNumber: `SKEP-${random.digits(5)}/BPB/${year}`,
  }),
} as const;

export const DEMO_SERVICE_PROFILES: readonly DemoServiceProfile[] = [
  {
    ...CIVIL_REGISTRY,
    code: 'disdukcapil.ktp-el-penggantian',
    weight: 26,
    revisionRate: 0.08,
    rejectionRate: 0.03,
    cancellationRate: 0.02,
    stallRate: 0.03,
    pace: { median: 0.55, spread: 0.45 },
    data: (random) => {
      const alasan = random.pick(['hilang', 'rusak']);
      return alasan === 'hilang'
        ? { alasan, nomorKk: kk(random), nomorSuratKehilangan: `LP/${random.digits(3)}/II/2026` }
        : { alasan, nomorKk: kk(random) };
    },
    result: documentNumber('KTP'),
  },
  {
    ...CIVIL_REGISTRY,
    code: 'disdukcapil.kk-perubahan',
    weight: 20,
    revisionRate: 0.15,
    rejectionRate: 0.04,
    cancellationRate: 0.03,
    stallRate: 0.04,
    pace: { median: 0.6, spread: 0.5 },
    data: (random) => ({
      nomorKk: kk(random),
      jenisPerubahan: random.pick([
        'tambah-anggota',
        'kurang-anggota',
        'perubahan-data',
        'pisah-kk',
      ]),
      keterangan: 'Perubahan susunan anggota keluarga',
    }),
    result: documentNumber('KK'),
  },
  {
    ...CIVIL_REGISTRY,
    code: 'disdukcapil.akta-kelahiran',
    weight: 14,
    revisionRate: 0.1,
    rejectionRate: 0.02,
    cancellationRate: 0.01,
    stallRate: 0.02,
    pace: { median: 0.5, spread: 0.4 },
    data: (random, applicant) => ({
      namaAnak: `${random.pick(['Putri', 'Aisyah', 'Rafa', 'Alif', 'Nayla'])} ${applicant.name.split(' ')[1]}`,
      tanggalLahir: `2026-0${random.integer(1, 2)}-${String(random.integer(10, 28))}`,
      tempatLahir: 'Batam',
      nikIbu: applicant.sex === 'P' ? applicant.nik : `2171015508${random.integer(80, 99)}0001`,
      nikAyah: applicant.sex === 'L' ? applicant.nik : `2171011508${random.integer(80, 99)}0001`,
      nomorKk: kk(random),
    }),
    result: documentNumber('AKL'),
  },
  {
    code: 'dpmptsp.nib',
    weight: 22,
    revisionRate: 0.06,
    rejectionRate: 0.05,
    cancellationRate: 0.02,
    stallRate: 0.01,
    pace: { median: 0.45, spread: 0.7 },
    satisfaction: 3.65,
    referencePrefix: 'OSS',
    revisionReasons: ['KBLI tidak sesuai kegiatan usaha', 'Alamat usaha tidak lengkap'],
    rejectionReasons: ['NIK tidak terdaftar di Dukcapil', 'Kegiatan usaha bukan risiko rendah'],
    data: (random) => ({
      namaUsaha: `${random.pick(BUSINESSES)} ${random.pick(['Berkah', 'Jaya', 'Makmur', 'Sejahtera'])}`,
      bentukUsaha: 'perorangan',
      kbli: [random.pick(['47111', '56101', '45407', '96200', '56210'])],
      skalaUsaha: 'mikro',
      modalUsaha: random.integer(5, 200) * 1_000_000,
      jumlahTenagaKerja: random.integer(1, 8),
      email: `usaha${random.digits(4)}@example.id`,
      ...address(random),
    }),
    result: (random) => ({ permitNumber: `9120${random.digits(9)}` }),
  },
  {
    code: 'dpmptsp.pbg',
    weight: 6,
    revisionRate: 0.35,
    rejectionRate: 0.08,
    cancellationRate: 0.03,
    stallRate: 0,
    pace: { median: 0.75, spread: 0.3 },
    satisfaction: 3.25,
    referencePrefix: 'PBG',
    revisionReasons: ['Gambar struktur belum ditandatangani ahli', 'KRK belum dilampirkan'],
    rejectionReasons: ['Tidak sesuai rencana tata ruang', 'Garis sempadan dilanggar'],
    data: (random) => ({
      fungsiBangunan: random.pick(['hunian', 'usaha', 'campuran']),
      jenisPekerjaan: random.pick(['bangunan-baru', 'perubahan', 'perluasan']),
      luasBangunan: random.integer(45, 900),
      jumlahLantai: random.integer(1, 4),
      luasTanah: random.integer(72, 1200),
      nomorSertifikatTanah: `HGB ${random.digits(5)}`,
      ...address(random),
    }),
    result: documentNumber('PBG'),
  },
  {
    ...LAND,
    code: 'bpbatam.alokasi-lahan-baru',
    weight: 4,
    revisionRate: 0.3,
    rejectionRate: 0.15,
    cancellationRate: 0.04,
    stallRate: 0,
    pace: { median: 0.8, spread: 0.35 },
    data: (random) => ({
      namaPelakuUsaha: `PT ${random.pick(['Batam', 'Kepri', 'Nusantara'])} ${random.pick(['Presisi', 'Logistik', 'Industri'])}`,
      nib: `9120${random.digits(9)}`,
      npwp: `0${random.digits(15)}`,
      rencanaPemanfaatan: 'Pembangunan pabrik dan gudang untuk kegiatan manufaktur',
      ...parcel(random),
    }),
  },
  {
    ...LAND,
    code: 'bpbatam.perpanjangan-alokasi-lahan',
    weight: 8,
    revisionRate: 0.25,
    rejectionRate: 0.06,
    cancellationRate: 0.02,
    stallRate: 0.02,
    pace: { median: 0.7, spread: 0.4 },
    data: (random) => ({
      nomorAlokasiLahan: `PL/${random.integer(100, 9999)}/BPB/${random.integer(1995, 2010)}`,
      tanggalBerakhirAlokasi: `20${random.integer(26, 30)}-0${random.integer(1, 9)}-15`,
      nopPbb: `217101${random.digits(12)}`,
      ...parcel(random),
    }),
  },
];
