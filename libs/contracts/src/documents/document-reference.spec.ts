import {
  checkDocumentUrl,
  isDocumentMediaType,
  isDocumentName,
  isSha256Hex,
} from './document-reference';

describe('document references', () => {
  it('take a SHA-256 digest as 64 lowercase hex digits only', () => {
    expect(isSha256Hex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(
      true,
    );
    expect(isSha256Hex('E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855')).toBe(
      false,
    );
    expect(isSha256Hex('a'.repeat(63))).toBe(false);
    expect(isSha256Hex('a'.repeat(65))).toBe(false);
    expect(isSha256Hex('g'.repeat(64))).toBe(false);
  });

  it('allow PDF, JPEG and PNG only', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png'].every(isDocumentMediaType)).toBe(true);
    for (const other of ['text/html', 'application/x-msdownload', 'image/svg+xml', 'Image/PNG']) {
      expect(isDocumentMediaType(other)).toBe(false);
    }
  });

  it('accept an https URL on a public domain name', () => {
    expect(checkDocumentUrl('https://dokumen.batam.go.id/berkas/123?v=2')).toEqual({ valid: true });
  });

  it.each([
    ['plain http', 'http://dokumen.batam.go.id/berkas/1', 'scheme'],
    ['a file URL', 'file:///etc/passwd', 'scheme'],
    ['javascript', 'javascript:alert(1)', 'scheme'],
    ['credentials', 'https://user:secret@dokumen.batam.go.id/1', 'credentials'],
    ['an IPv4 host', 'https://10.0.0.5/berkas/1', 'host'],
    ['an IPv4 host in hex', 'https://0x7f.1/berkas/1', 'host'],
    ['an IPv6 host', 'https://[::1]/berkas/1', 'host'],
    ['localhost', 'https://localhost/berkas/1', 'host'],
    ['a relative path', '/berkas/1', 'format'],
    ['no URL at all', 'dokumen saya', 'format'],
    ['a URL over 2000 characters', `https://dokumen.batam.go.id/${'a'.repeat(2000)}`, 'format'],
  ])('refuse %s', (_case, value, problem) => {
    expect(checkDocumentUrl(value)).toEqual({ valid: false, problem });
  });

  it('take a file name without a path or control characters', () => {
    expect(isDocumentName('kartu-keluarga (1).pdf')).toBe(true);
    for (const bad of [
      '',
      '   ',
      '../../etc/passwd',
      'C:\\berkas\\kk.pdf',
      'kk\u0000.pdf',
      'a'.repeat(201),
    ]) {
      expect(isDocumentName(bad)).toBe(false);
    }
  });
});
