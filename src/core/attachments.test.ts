import { describe, expect, it } from 'vitest';
import { contentDisposition, isAcceptedType, safeAttachmentName } from './attachments.js';

describe('attachment names', () => {
  it('keeps a plain name as it is', () => {
    expect(safeAttachmentName('recibo de octubre.pdf', 'application/pdf')).toBe('recibo de octubre.pdf');
    expect(safeAttachmentName('IMG_2041.JPEG', 'image/jpeg')).toBe('IMG_2041.JPEG');
    expect(safeAttachmentName('foto.heif', 'image/heic')).toBe('foto.heif');
  });

  it('drops folders, control and direction characters, and leading dots', () => {
    expect(safeAttachmentName('C:\\fakepath\\recibo.pdf', 'application/pdf')).toBe('recibo.pdf');
    expect(safeAttachmentName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(safeAttachmentName('foto\u202Egnp.exe', 'image/png')).toBe('fotognp.exe.png');
    expect(safeAttachmentName('a\u0000b\r\nc.png', 'image/png')).toBe('abc.png');
    expect(safeAttachmentName('..htaccess', 'image/png')).toBe('htaccess.png');
    expect(safeAttachmentName('<script>.pdf', 'application/pdf')).toBe('_script_.pdf');
  });

  it('gives the extension of what the content is, not of what the name claims', () => {
    expect(safeAttachmentName('foto.jpg', 'image/png')).toBe('foto.png');
    expect(safeAttachmentName('archivo.tar.gz', 'application/pdf')).toBe('archivo.tar.gz.pdf');
    expect(safeAttachmentName('sin extensión', 'image/webp')).toBe('sin extensión.webp');
  });

  it('names a nameless file and shortens a long one, keeping its extension', () => {
    expect(safeAttachmentName(undefined, 'image/png')).toBe('adjunto.png');
    expect(safeAttachmentName('   ', 'application/pdf')).toBe('adjunto.pdf');
    const long = safeAttachmentName(`${'a'.repeat(400)}.pdf`, 'application/pdf');
    expect(long).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('accepts only PDF, JPEG, PNG, WebP and HEIC', () => {
    for (const type of ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'])
      expect(isAcceptedType(type)).toBe(true);
    for (const type of ['application/x-elf', 'image/svg+xml', 'text/html', 'application/zip', 'toString'])
      expect(isAcceptedType(type)).toBe(false);
  });
});

describe('download headers', () => {
  it('offers the real name as UTF-8 and an ASCII stand-in', () => {
    expect(contentDisposition('recibo de José (1).pdf')).toBe(
      `attachment; filename="recibo de Jose (1).pdf"; filename*=UTF-8''recibo%20de%20Jos%C3%A9%20%281%29.pdf`,
    );
    expect(contentDisposition('comillas "raras".png')).toContain('filename="comillas _raras_.png"');
  });
});
