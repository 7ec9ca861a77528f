import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../api/types.js';
import { attachmentUrl, documentItems, formatFileSize, hasThumbnail, notesOf } from './report-work.js';

const event = (kind: string, data: Record<string, unknown>, at: string): TimelineEvent => ({
  kind,
  at,
  actor: { username: 'facturacion', name: 'Rosa Méndez' },
  data,
});

describe('back-office panels', () => {
  it('reads the notes off the timeline, newest first, unknown visibility as internal', () => {
    const notes = notesOf([
      event('filed', {}, '2026-11-10T10:00:00Z'),
      event('note', { text: 'Llamar por la tarde', visibility: 'internal' }, '2026-11-10T11:00:00Z'),
      event('note', { text: 'Ya revisamos su recibo', visibility: 'customer' }, '2026-11-10T12:00:00Z'),
      event('note', { text: 'Sin marca' }, '2026-11-10T13:00:00Z'),
    ]);
    expect(notes.map((n) => [n.text, n.visibility])).toEqual([
      ['Sin marca', 'internal'],
      ['Ya revisamos su recibo', 'customer'],
      ['Llamar por la tarde', 'internal'],
    ]);
  });

  it('asks for each document once, blanks left out', () => {
    expect(
      documentItems(['Copia de identificación'], ['  copia de IDENTIFICACION ', '', 'Foto  del medidor']),
    ).toEqual(['Copia de identificación', 'Foto del medidor']);
  });

  it('shows thumbnails only for what a browser can draw', () => {
    expect(hasThumbnail({ contentType: 'image/png' })).toBe(true);
    expect(hasThumbnail({ contentType: 'image/webp' })).toBe(true);
    expect(hasThumbnail({ contentType: 'image/heic' })).toBe(false);
    expect(hasThumbnail({ contentType: 'application/pdf' })).toBe(false);
  });

  it('builds the download address and a readable size', () => {
    expect(attachmentUrl('2611000427', 'a/b')).toBe('/api/v1/reports/2611000427/attachments/a%2Fb');
    expect(formatFileSize(512, 'es-MX')).toBe('512 B');
    expect(formatFileSize(2560, 'es-MX')).toBe('2.5 KB');
    expect(formatFileSize(3 * 1024 * 1024, 'es-MX')).toBe('3 MB');
  });
});
