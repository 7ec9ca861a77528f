import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, promiseText } from '../core/promise-text.js';
import { REPORT_TYPES, type Report } from '../core/report.js';
import { formatReportNumber } from '../core/report-number.js';
import { DEFAULT_OFFICE } from './office.js';
import { renderReceipt, statusUrlOf } from './receipt.js';

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

interface Canvas {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

/** The one page of a PDF: its size, its text (whitespace collapsed) and, drawn, the QR code it shows. */
async function readPdf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl }).promise;
  const page = await document.getPage(1);
  const content = await page.getTextContent();
  const text = content.items
    .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
    .join('')
    .replace(/\s+/g, ' ');
  const [, , width = 0, height = 0] = page.view;
  const pages = document.numPages;
  const decodeQr = async () => {
    const viewport = page.getViewport({ scale: 3 });
    const factory = document.canvasFactory as { create(w: number, h: number): Canvas };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: canvas as HTMLCanvasElement, viewport, background: '#ffffff' }).promise;
    const w = Math.ceil(viewport.width);
    const h = Math.ceil(viewport.height);
    return jsQR.default(context.getImageData(0, 0, w, h).data, w, h)?.data;
  };
  return { text, width, height, pages, decodeQr, close: () => document.destroy() };
}

const statusUrl = 'https://folio.aguasrioverde.mx/seguimiento?numero=2611000427';

const report: Report = {
  number: '2611000427',
  type: 'billing_error',
  channel: 'office',
  status: 'new',
  customerNumber: '100001',
  customerName: 'María Guadalupe Juárez Hernández',
  verified: true,
  description: 'Cobro duplicado en el recibo de octubre.',
  location: null,
  createdAt: new Date('2026-11-26T16:05:00Z'),
  createdBy: { username: 'agente', name: 'Ana Sofía Núñez' },
  version: 1,
  timeline: [],
  track: 'review',
  department: { code: 'facturacion', name: 'Facturación' },
  urgent: false,
  documentsNeeded: false,
  externalDays: null,
  externalCause: null,
  dueAt: new Date('2026-12-03T21:30:00Z'),
  baseDueAt: new Date('2026-12-03T21:30:00Z'),
  atRiskAt: null,
  promiseState: 'on_track',
  resolvedAt: null,
  promiseKept: null,
  pauses: [],
  assignee: null,
  documents: [],
  attachments: [],
};

describe.each(['letter', 'thermal'] as const)('the %s receipt', (format) => {
  it('prints the office, the grouped number, when, what, who and the promise, in Spanish', async () => {
    const pdf = await renderReceipt(report, DEFAULT_OFFICE, { format, statusUrl });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages, close } = await readPdf(pdf);
    expect(pages).toBe(1);
    expect(text).toContain(DEFAULT_OFFICE.name);
    expect(text).toContain('Centenario 322, Rioverde, San Luis Potosí, 79610, México');
    expect(text).toContain('+52 487 873 1703 o +52 487 101 1684');
    expect(text).toContain('2611-00042-7');
    expect(text).toContain(formatLocalDateTime(report.createdAt, 'es'));
    expect(text).toContain('jueves 26 de noviembre de 2026 a las 10:05');
    expect(text).toContain('Error en datos de facturación');
    expect(text).toContain('100001');
    expect(text).toContain('María Guadalupe Juárez Hernández');
    expect(text).toContain(promiseText(report.dueAt as Date));
    expect(text).toContain(
      'Su reporte quedará resuelto a más tardar el jueves 3 de diciembre de 2026 a las 15:30',
    );
    expect(text).toContain('Dé seguimiento con su número de reporte');
    expect(text).toContain('folio.aguasrioverde.mx/seguimiento');
    await close();
  });

  it('shows a QR code that opens the status page with the number filled in', async () => {
    const { decodeQr, close } = await readPdf(
      await renderReceipt(report, DEFAULT_OFFICE, { format, statusUrl }),
    );
    expect(await decodeQr()).toBe(statusUrl);
    await close();
  });

  it('names every report type in Spanish and leaves the promise out when there is none', async () => {
    const names = [
      'Falla',
      'Error en datos de facturación',
      'Aclaración',
      'Cambio administrativo',
      'Queja',
      'Sugerencia',
    ];
    for (const [index, type] of REPORT_TYPES.entries()) {
      const { text, close } = await readPdf(
        await renderReceipt({ ...report, type, dueAt: null }, DEFAULT_OFFICE, { format, statusUrl }),
      );
      expect(text).toContain(names[index]);
      expect(text).not.toContain('Su reporte quedará resuelto');
      await close();
    }
  });

  it('prints the office as the settings give it, and only characters the font has', async () => {
    const office = { ...DEFAULT_OFFICE, name: 'Agua de Rioverde', phones: ['487 000 0000'] };
    // "José" typed with a combining accent, and a letter the standard font cannot draw.
    const { text, close } = await readPdf(
      await renderReceipt({ ...report, customerName: 'Jose\u0301 Ŵong' }, office, { format, statusUrl }),
    );
    expect(text).toContain('Agua de Rioverde');
    expect(text).toContain('487 000 0000');
    expect(text).not.toContain('+52 487 873 1703');
    expect(text).toContain('José ?ong');
    await close();
  });
});

describe('receipt page sizes', () => {
  it('fills US letter, or an 80 mm roll cut where the content ends', async () => {
    const letter = await readPdf(
      await renderReceipt(report, DEFAULT_OFFICE, { format: 'letter', statusUrl }),
    );
    const thermal = await readPdf(
      await renderReceipt(report, DEFAULT_OFFICE, { format: 'thermal', statusUrl }),
    );
    expect([letter.width, letter.height]).toEqual([612, 792]);
    expect(thermal.width).toBe(226);
    expect(thermal.height).toBeGreaterThan(300);
    expect(thermal.height).toBeLessThan(700);
    await letter.close();
    await thermal.close();
  });

  it('grows the roll with longer content', async () => {
    const short = await readPdf(
      await renderReceipt({ ...report, dueAt: null }, DEFAULT_OFFICE, { format: 'thermal', statusUrl }),
    );
    const long = await readPdf(
      await renderReceipt(
        report,
        {
          ...DEFAULT_OFFICE,
          address: `${DEFAULT_OFFICE.address}, entrada por la calle de atrás, `.repeat(3),
        },
        { format: 'thermal', statusUrl },
      ),
    );
    expect(long.height).toBeGreaterThan(short.height);
    await short.close();
    await long.close();
  });
});

describe('statusUrlOf', () => {
  it('puts the number in the public status page address', () => {
    expect(statusUrlOf('https://folio.example.mx', '2611000427')).toBe(
      'https://folio.example.mx/seguimiento?numero=2611000427',
    );
    expect(statusUrlOf('https://example.mx/folio/', '2611000427')).toBe(
      'https://example.mx/folio/seguimiento?numero=2611000427',
    );
    expect(formatReportNumber('2611000427')).toBe('2611-00042-7');
  });
});
