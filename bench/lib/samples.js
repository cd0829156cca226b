// Valid submissions for every service of the three reference adapters (the `data` of each is
// the one the adapters' conformance tests submit), cycled so the load spreads over agencies and
// services.

const DATA_OF = require('../../test/support/service-data.json');

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
