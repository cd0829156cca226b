/** The twelve kecamatan of Kota Batam. */
export const BATAM_DISTRICTS = [
  'Batam Kota',
  'Batu Aji',
  'Batu Ampar',
  'Belakang Padang',
  'Bengkong',
  'Bulang',
  'Galang',
  'Lubuk Baja',
  'Nongsa',
  'Sagulung',
  'Sei Beduk',
  'Sekupang',
] as const;

export type BatamDistrict = (typeof BATAM_DISTRICTS)[number];
