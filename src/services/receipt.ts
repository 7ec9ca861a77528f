import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { StaffUser } from '../core/permissions.js';
import { formatLocalDateTime, promiseText } from '../core/promise-text.js';
import type { Report, ReportType } from '../core/report.js';
import { formatReportNumber } from '../core/report-number.js';
import type { OfficeData } from '../core/requests/administration.js';
import type { ServiceContext } from './context.js';
import { getReport } from './get-report.js';
import { getOffice } from './office.js';

export const RECEIPT_FORMATS = ['letter', 'thermal'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];

export interface ReceiptOptions {
  format: ReceiptFormat;
  /** Where the QR code leads: the public status page with the number filled in. */
  statusUrl: string;
}

/** The customer keeps a paper in Spanish whatever language the agent's screen speaks. */
const TYPE_NAMES: Record<ReportType, string> = {
  fault: 'Falla',
  billing_error: 'Error en datos de facturación',
  clarification: 'Aclaración',
  administrative_change: 'Cambio administrativo',
  complaint: 'Queja',
  suggestion: 'Sugerencia',
};

/** The public status page for a report, where its QR code leads. */
export function statusUrlOf(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/seguimiento?numero=${encodeURIComponent(number)}`;
}

/**
 * The receipt of a report the viewer may see (the same visibility as reading it), with the
 * office as the settings give it now.
 */
export async function printReceipt(
  ctx: ServiceContext,
  typed: string,
  viewer: StaffUser,
  options: { format: ReceiptFormat; publicUrl: string },
): Promise<{ number: string; pdf: Buffer }> {
  const report = await getReport(ctx, typed, viewer);
  const office = await getOffice(ctx);
  const pdf = await renderReceipt(report, office, {
    format: options.format,
    statusUrl: statusUrlOf(options.publicUrl, report.number),
  });
  return { number: report.number, pdf };
}

/** Everything the receipt prints, already worded. */
interface ReceiptText {
  office: { name: string; address: string; phones: string; hours: string };
  number: string;
  filedAt: string;
  type: string;
  customerNumber: string;
  customerName: string;
  takenBy: string;
  promise: string | null;
  /** What a person types: the status page without scheme or query (the number is printed above). */
  displayUrl: string;
  statusUrl: string;
  qr: QRCode.QRCode;
}

/*
 * The standard PDF fonts carry WinAnsi (Latin-1 plus typographic marks), which covers Spanish.
 * Anything else would print as a wrong glyph, so it becomes "?"; decomposed accents (as some
 * keyboards send them) are composed first.
 */
const NOT_WIN_ANSI = /[^\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu;

function printable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().replace(NOT_WIN_ANSI, '?');
}

const FOLLOW_UP_LEAD = 'Dé seguimiento con su número de reporte:';
const SCAN_HINT = 'Escanee para ver el estado de su reporte';

/** Where the customer can ask: label, value, and a link for the web address. */
function followUpWays(t: ReceiptText): [string, string, string?][] {
  return [
    ['En nuestra oficina', t.office.address],
    ['Por teléfono', t.office.phones],
    ['En internet', t.displayUrl, t.statusUrl],
  ];
}

function displayUrlOf(statusUrl: string): string {
  const url = new URL(statusUrl);
  return `${url.host}${url.pathname}`;
}

function receiptText(report: Report, office: OfficeData, statusUrl: string): ReceiptText {
  // A phone number is not split across lines: its spaces become non-breaking.
  const phones = new Intl.ListFormat('es-MX', { type: 'disjunction' }).format(
    office.phones.map((phone) => printable(phone).replaceAll(' ', '\u00a0')),
  );
  const displayUrl = displayUrlOf(statusUrl);
  return {
    office: {
      name: printable(office.name),
      address: printable(office.address),
      phones,
      hours: printable(office.hours),
    },
    number: formatReportNumber(report.number),
    filedAt: formatLocalDateTime(report.createdAt, 'es'),
    type: TYPE_NAMES[report.type],
    customerNumber: printable(report.customerNumber),
    customerName: printable(report.customerName),
    takenBy: printable(report.createdBy.name),
    promise: report.dueAt ? `${promiseText(report.dueAt, 'es')}.` : null,
    displayUrl,
    statusUrl,
    // Level M survives a smudged or creased paper and keeps the modules large on a thermal roll.
    qr: QRCode.create(statusUrl, { errorCorrectionLevel: 'M' }),
  };
}

/** Renders the receipt customers keep: US letter for the office printer, or an 80 mm roll. */
export async function renderReceipt(
  report: Report,
  office: OfficeData,
  options: ReceiptOptions,
): Promise<Buffer> {
  const text = receiptText(report, office, options.statusUrl);
  if (options.format === 'letter') {
    const doc = newDocument(text, [LETTER_WIDTH, LETTER_HEIGHT]);
    const pdf = collect(doc);
    drawLetter(doc, text);
    doc.end();
    return pdf;
  }
  // A roll is cut where the content ends: lay it out once on a long strip to learn the height.
  const probe = newDocument(text, [THERMAL_WIDTH, 4000]);
  const height = Math.ceil(drawThermal(probe, text) + THERMAL_MARGIN);
  probe.end();
  const doc = newDocument(text, [THERMAL_WIDTH, height]);
  const pdf = collect(doc);
  drawThermal(doc, text);
  doc.end();
  return pdf;
}

type Doc = PDFKit.PDFDocument;

const LETTER_WIDTH = 612;
const LETTER_HEIGHT = 792;
const LETTER_MARGIN = 54;
/** 80 mm paper; the printable width of most 80 mm printers is 72 mm, hence the side margins. */
const THERMAL_WIDTH = 226;
const THERMAL_MARGIN = 14;

const INK = '#1b1f23';
const MUTED = '#5b636b';
const ACCENT = '#0b4f6c';
const TINT = '#eef4f7';
const RULE = '#c9d1d8';
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

function newDocument(text: ReceiptText, size: [number, number]): Doc {
  // No margins: every block is placed explicitly, and pdfkit adds a page when text passes the bottom margin.
  return new PDFDocument({
    size,
    margin: 0,
    lang: 'es-MX',
    displayTitle: true,
    info: {
      Title: `Comprobante de reporte ${text.number}`,
      Author: text.office.name,
      Subject: `Reporte ${text.number}`,
    },
  });
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The QR code as vector squares (one rectangle per run of dark modules): sharp at any printer resolution. */
function drawQr(doc: Doc, qr: QRCode.QRCode, x: number, y: number, size: number) {
  const { size: count, data } = qr.modules;
  const module = size / count;
  doc.save().fillColor('#000000');
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!data[row * count + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && data[row * count + col]) col++;
      doc.rect(x + start * module, y + row * module, (col - start) * module, module);
    }
  }
  doc.fill().restore();
}

function style(doc: Doc, font: string, size: number, color = INK): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

function drawLetter(doc: Doc, t: ReceiptText) {
  const left = LETTER_MARGIN;
  const width = LETTER_WIDTH - 2 * LETTER_MARGIN;
  const titleWidth = 200;
  const officeWidth = width - titleWidth - 16;
  const centered = { width, align: 'center' as const };

  // Header: who issues the receipt, and what it is.
  style(doc, BOLD, 18).text(t.office.name, left, LETTER_MARGIN, { width: officeWidth });
  style(doc.moveDown(0.2), REGULAR, 9.5, MUTED);
  for (const line of [t.office.address, `Tel. ${t.office.phones}`, t.office.hours])
    doc.text(line, { width: officeWidth, lineGap: 1.5 });
  const officeBottom = doc.y;
  const title = { width: titleWidth, align: 'right' as const };
  const titleX = left + width - titleWidth;
  style(doc, BOLD, 12, ACCENT).text('COMPROBANTE DE REPORTE', titleX, LETTER_MARGIN + 4, title);
  style(doc, REGULAR, 9, MUTED).text('Conserve este documento', titleX, doc.y + 2, title);
  let y = Math.max(officeBottom, doc.y) + 12;
  doc.rect(left, y, width, 2.5).fill(ACCENT);
  y += 22;

  // The number, large enough to read aloud from across a counter.
  const panelHeight = 112;
  doc.roundedRect(left, y, width, panelHeight, 6).fill(TINT);
  style(doc, BOLD, 9.5, ACCENT).text('NÚMERO DE REPORTE', left, y + 16, {
    ...centered,
    characterSpacing: 0.6,
  });
  style(doc, BOLD, 46).text(t.number, left, y + 32, centered);
  style(doc, REGULAR, 9.5, MUTED).text(
    'Menciónelo cada vez que pregunte por su reporte.',
    left,
    y + 86,
    centered,
  );
  y += panelHeight + 24;

  // The facts of the report, two to a row.
  const columnWidth = (width - 24) / 2;
  const rows: [string, string][][] = [
    [
      ['Fecha y hora de registro', t.filedAt],
      ['Tipo de reporte', t.type],
    ],
    [
      ['Número de cliente', t.customerNumber],
      ['Nombre del cliente', t.customerName],
    ],
    [['Le atendió', t.takenBy]],
  ];
  for (const row of rows) {
    let rowBottom = y;
    row.forEach(([label, value], index) => {
      const x = left + index * (columnWidth + 24);
      const column = { width: columnWidth, characterSpacing: 0.6 };
      style(doc, BOLD, 8.5, MUTED).text(label.toUpperCase(), x, y, column);
      style(doc, REGULAR, 12).text(value, x, doc.y + 3, { width: columnWidth });
      rowBottom = Math.max(rowBottom, doc.y);
    });
    y = rowBottom + 14;
  }

  // The promise, set apart: it is what the customer will hold the office to.
  if (t.promise) {
    const inner = { width: width - 40 };
    const boxHeight = style(doc, BOLD, 13).heightOfString(t.promise, inner) + 44;
    y += 4;
    doc.rect(left, y, width, boxHeight).fill(TINT);
    doc.rect(left, y, 4, boxHeight).fill(ACCENT);
    style(doc, BOLD, 8.5, ACCENT).text('COMPROMISO DE SOLUCIÓN', left + 20, y + 14, {
      ...inner,
      characterSpacing: 0.6,
    });
    style(doc, BOLD, 13).text(t.promise, left + 20, doc.y + 5, inner);
    y += boxHeight + 26;
  }

  // How to follow up, beside the QR code that opens the status page.
  const qrSize = 126;
  const textWidth = width - qrSize - 28;
  style(doc, BOLD, 12).text('Seguimiento', left, y, { width: textWidth });
  style(doc, REGULAR, 10.5).text(FOLLOW_UP_LEAD, left, doc.y + 6, { width: textWidth });
  for (const [label, value, link] of followUpWays(t)) {
    const line = { width: textWidth, lineGap: 1.5, continued: true };
    style(doc, BOLD, 10.5).text(`${label}: `, left, doc.y + 5, line);
    style(doc, REGULAR, 10.5, link ? ACCENT : INK).text(value, link ? { link } : {});
  }
  const qrX = left + width - qrSize;
  drawQr(doc, t.qr, qrX, y, qrSize);
  doc.link(qrX, y, qrSize, qrSize, t.statusUrl);
  style(doc, REGULAR, 8, MUTED).text(SCAN_HINT, qrX - 6, y + qrSize + 6, {
    width: qrSize + 12,
    align: 'center',
  });

  const footerY = LETTER_HEIGHT - LETTER_MARGIN - 22;
  doc
    .moveTo(left, footerY)
    .lineTo(left + width, footerY)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  style(doc, REGULAR, 8.5, MUTED).text(
    'Este comprobante hace constar que su reporte quedó registrado. Consérvelo hasta que se resuelva.',
    left,
    footerY + 8,
    centered,
  );
}

/** Returns where the content ends, so the roll can be cut there. */
function drawThermal(doc: Doc, t: ReceiptText): number {
  const left = THERMAL_MARGIN;
  const width = THERMAL_WIDTH - 2 * THERMAL_MARGIN;
  const centered = { width, align: 'center' as const };
  // Thermal printers print black only: no tints, and nothing thinner than a dot.
  const black = (font: string, size: number) => style(doc, font, size, '#000000');

  const rule = (gapBefore = 8, gapAfter = 8) => {
    const y = doc.y + gapBefore;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.8)
      .strokeColor('#000000');
    doc.dash(2, { space: 2 }).stroke().undash();
    doc.y = y + gapAfter;
  };
  const field = (label: string, value: string, size = 8) => {
    black(BOLD, size).text(`${label}: `, left, doc.y, { width, continued: true, lineGap: 1 });
    black(REGULAR, size).text(value);
  };

  black(BOLD, 11).text(t.office.name, left, THERMAL_MARGIN + 4, centered);
  black(REGULAR, 7.5).moveDown(0.2);
  for (const line of [t.office.address, `Tel. ${t.office.phones}`, t.office.hours]) doc.text(line, centered);
  rule();

  black(BOLD, 9).text('COMPROBANTE DE REPORTE', left, doc.y, centered);
  black(REGULAR, 7.5).moveDown(0.5).text('Número de reporte', centered);
  black(BOLD, 26).text(t.number, left, doc.y + 2, centered);
  rule(4);

  const facts: [string, string][] = [
    ['Registro', t.filedAt],
    ['Tipo', t.type],
    ['Cliente', t.customerNumber],
    ['Nombre', t.customerName],
    ['Le atendió', t.takenBy],
  ];
  for (const [label, value] of facts) {
    field(label, value);
    doc.moveDown(0.25);
  }

  if (t.promise) {
    rule(4);
    black(BOLD, 9).text(t.promise, left, doc.y, { ...centered, lineGap: 1 });
  }
  rule();

  black(BOLD, 7.5).text(FOLLOW_UP_LEAD, left, doc.y, { width });
  for (const [label, value] of followUpWays(t)) {
    doc.moveDown(0.2);
    field(label, value, 7.5);
  }
  const qrSize = 124;
  const qrX = left + (width - qrSize) / 2;
  const qrY = doc.y + 10;
  drawQr(doc, t.qr, qrX, qrY, qrSize);
  black(REGULAR, 7).text(SCAN_HINT, left, qrY + qrSize + 6, centered);
  black(BOLD, 8).moveDown(0.8).text('Conserve este comprobante', centered);
  return doc.y;
}
