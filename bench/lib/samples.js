// Valid submissions for every service of the three reference adapters (the `data` of each is
// the one the adapters' own tests submit), cycled so the load spreads over agencies and services.

const LOCATION = {
  alamat: 'Jl. Engku Putri No. 1, Komplek Ruko Mega Legenda',
  kelurahan: 'Teluk Tering',
  kecamatan: 'Batam Kota',
  kodePos: '29461',
};
const PARCEL = {
  kecamatan: 'Batu Ampar',
  lokasiKavling: 'Kawasan Industri Batu Ampar, Kav. 7 Blok C',
  luasM2: 8200,
  peruntukan: 'industri',
};

const DATA_OF = {
  'disdukcapil.ktp-el-penggantian': { alasan: 'rusak', nomorKk: '2171010101010001' },
  'disdukcapil.kk-perubahan': {
    nomorKk: '2171010101010001',
    jenisPerubahan: 'tambah-anggota',
    keterangan: 'Kelahiran anak kedua',
  },
  'disdukcapil.akta-kelahiran': {
    namaAnak: 'Putri',
    tanggalLahir: '2026-11-01',
    tempatLahir: 'Batam',
    nikIbu: '2171015508900001',
    nikAyah: '2171011508880001',
    nomorKk: '2171010101010001',
  },
  'dpmptsp.nib': {
    ...LOCATION,
    namaUsaha: 'Kedai Kopi Sumber Rejeki',
    bentukUsaha: 'perorangan',
    kbli: ['56303'],
    skalaUsaha: 'mikro',
    modalUsaha: 50000000,
    jumlahTenagaKerja: 3,
    email: 'sumber.rejeki@example.id',
  },
  'dpmptsp.pbg': {
    ...LOCATION,
    fungsiBangunan: 'hunian',
    jenisPekerjaan: 'bangunan-baru',
    luasBangunan: 120,
    jumlahLantai: 2,
    luasTanah: 96,
    nomorSertifikatTanah: 'SHGB 01234/Teluk Tering',
  },
  'bpbatam.alokasi-lahan-baru': {
    ...PARCEL,
    namaPelakuUsaha: 'PT Galangan Kapal Batam',
    nib: '9120001234567',
    npwp: '0012345678901000',
    rencanaPemanfaatan: 'Bengkel perbaikan kapal dan gudang suku cadang',
    panjangGarisPantaiM: 120,
  },
  'bpbatam.perpanjangan-alokasi-lahan': {
    ...PARCEL,
    nomorAlokasiLahan: 'PL/0815/BPB/2006',
    tanggalBerakhirAlokasi: '2027-03-31',
    nopPbb: '217101000100200300',
  },
};

const AGENCIES = ['disdukcapil', 'dpmptsp', 'bpbatam'];
const SERVICE_CODES = Object.keys(DATA_OF);
const servicesOf = (agency) => SERVICE_CODES.filter((code) => code.startsWith(`${agency}.`));

/**
 * A valid Batam NIK (21.71, born 15-08-1990) with serial 0001-8999: the simulators decide the
 * fate of an application by the serial, and 9997-9999 would reject it or ask for a revision.
 */
function nikOf(index) {
  return `217101150890${String((index % 8999) + 1).padStart(4, '0')}`;
}

function submission(serviceCode, index) {
  return {
    serviceCode,
    applicant: {
      nik: nikOf(index),
      name: 'Siti Aminah',
      contact: { phone: '081234567890', email: 'siti@example.id' },
    },
    data: DATA_OF[serviceCode],
  };
}

/** The service of the index-th submission: agencies in turn, then each agency's services in turn. */
function serviceCodeOf(index, agencies = AGENCIES) {
  const agency = agencies[index % agencies.length];
  const services = servicesOf(agency);
  return services[Math.floor(index / agencies.length) % services.length];
}

/** Bodies spread evenly over the given agencies and their services, one per call. */
function submissionCycle(agencies = AGENCIES) {
  let next = 0;
  return () => {
    const index = next++;
    return submission(serviceCodeOf(index, agencies), index);
  };
}

module.exports = {
  AGENCIES,
  SERVICE_CODES,
  servicesOf,
  serviceCodeOf,
  submission,
  submissionCycle,
};
