// The legacy simulator's control API (fault knobs) and direct calls for measuring what it can
// serve on its own.

const SYSTEMS = ['civil-registry', 'permits', 'land'];
/** The simulated system each reference adapter talks to. */
const SYSTEM_OF_AGENCY = { disdukcapil: 'civil-registry', dpmptsp: 'permits', bpbatam: 'land' };

async function setFaults(simUrl, system, knobs) {
  const response = await fetch(`${simUrl}/_sim/systems/${system}/faults`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(knobs),
  });
  if (!response.ok) throw new Error(`faults of ${system}: HTTP ${response.status}`);
  return response.json();
}

async function setEverySystem(simUrl, knobs) {
  for (const system of SYSTEMS) await setFaults(simUrl, system, knobs);
}

/** NIK serial 9999: refused at submission, so a probe creates no record and no callback. */
const PROBE_NIK = '2171011508909999';

/**
 * One submission request per system, as the adapters send it, made by a NIK the system refuses
 * after handling it: the latency knob and the full request handling apply, nothing is stored.
 */
function submissionProbe(simUrl, system) {
  switch (system) {
    case 'civil-registry':
      return {
        url: `${simUrl}/disdukcapil/ws`,
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          soapaction: '"urn:disdukcapil:layanan:v1#AjukanPermohonan"',
        },
        body:
          '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/>' +
          '<soapenv:Body><dkc:AjukanPermohonan xmlns:dkc="urn:disdukcapil:layanan:v1">' +
          '<dkc:RujukanPengirim>bench-probe</dkc:RujukanPengirim><dkc:KodeLayanan>ktp-el-penggantian</dkc:KodeLayanan>' +
          `<dkc:NIK>${PROBE_NIK}</dkc:NIK><dkc:Nama>Probe</dkc:Nama>` +
          '<dkc:DataJson>{"alasan":"rusak","nomorKk":"2171010101010001"}</dkc:DataJson>' +
          '</dkc:AjukanPermohonan></soapenv:Body></soapenv:Envelope>',
      };
    case 'permits':
      return {
        url: `${simUrl}/oss/v1/permohonan`,
        headers: {
          'content-type': 'application/json',
          user_key: 'sim-user-key',
          authorization: `Basic ${Buffer.from('mpp:mpp-secret').toString('base64')}`,
        },
        body: JSON.stringify({
          nomor_referensi: 'bench-probe',
          kode_izin: 'NIB',
          nik: PROBE_NIK,
          nama: 'Probe',
          data: { namaUsaha: 'Probe' },
        }),
      };
    case 'land':
      return {
        url: `${simUrl}/bpbatam/api/pengajuan`,
        headers: { 'content-type': 'application/json', 'x-api-key': 'sim-land-key' },
        body: JSON.stringify({
          referensi: 'bench-probe',
          layanan: 'ALOKASI_BARU',
          nik: PROBE_NIK,
          nama: 'Probe',
          data: { luasM2: 100 },
        }),
      };
    default:
      throw new Error(`unknown system ${system}`);
  }
}

module.exports = {
  SYSTEMS,
  SYSTEM_OF_AGENCY,
  setFaults,
  setEverySystem,
  submissionProbe,
};
