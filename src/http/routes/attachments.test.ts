import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test/support/databases.js';
import { customerPayload, type Harness, startHarness } from '../../../test/support/harness.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A real one-page PDF, as pdfkit writes it. */
function pdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text('Comprobante de domicilio');
    doc.end();
  });
}

/** A browser's multipart/form-data body with one file. */
function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----folio${randomUUID().replaceAll('-', '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe.each(databaseKinds)('attachments on $name', (kind) => {
  let h: Harness;
  let number: string;
  const cookies: Record<string, string> = {};

  const upload = (user: string, fileName: string, content: Buffer, contentType?: string, target = number) => {
    const body = multipart(fileName, content, contentType);
    return h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${target}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, cookie: cookies[user] ?? '' },
    });
  };
  const download = (user: string, id: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${number}/attachments/${id}`,
      headers: { cookie: cookies[user] ?? '' },
    });
  const report = async () =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/reports/${number}`,
        headers: { cookie: cookies.ana ?? '' },
      })
    ).json();
  const stored = () => filesUnder(path.join(h.dataDir, 'attachments'));

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.addUser('admin', ['admin']);
    await h.addUser('agente', ['agent']);
    await h.addUser('ana', ['backoffice'], ['facturacion']);
    await h.addUser('tomas', ['technician'], ['soporte_tecnico']);
    for (const user of ['admin', 'agente', 'ana', 'tomas']) cookies[user] = await h.signIn(user);
    await h.app.inject({
      method: 'PUT',
      url: '/api/v1/customers/100001',
      payload: customerPayload(),
      headers: { cookie: cookies.admin ?? '' },
    });
    const filed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        customerNumber: '100001',
        channel: 'office',
        type: 'billing_error',
        description: 'Cobro duplicado en el recibo de octubre.',
      },
      headers: { cookie: cookies.agente ?? '' },
    });
    number = filed.json().number;
  });
  afterAll(() => h.close());

  it('accepts a real PNG and PDF, stores them by content hash, and lists them on the report', async () => {
    const image = await upload('ana', 'foto del medidor.png', PNG, 'image/png');
    expect(image.statusCode).toBe(200);
    const document = await pdf();
    // Windows browsers of old sent the whole path; the name keeps only the file's own name.
    const paper = await upload('agente', 'C:\\Documentos\\recibo de José.pdf', document, 'application/pdf');
    expect(paper.statusCode).toBe(200);
    const body = paper.json();
    expect(body.attachments).toEqual([
      {
        id: expect.any(String),
        name: 'foto del medidor.png',
        contentType: 'image/png',
        size: PNG.length,
        uploadedAt: expect.any(String),
        uploadedBy: { username: 'ana', name: 'Nombre de ana' },
      },
      {
        id: expect.any(String),
        name: 'recibo de José.pdf',
        contentType: 'application/pdf',
        size: document.length,
        uploadedAt: expect.any(String),
        uploadedBy: { username: 'agente', name: 'Nombre de agente' },
      },
    ]);
    expect(body.timeline.at(-1)).toMatchObject({
      kind: 'attachment_added',
      actor: { username: 'agente' },
      data: { name: 'recibo de José.pdf', contentType: 'application/pdf', size: document.length },
    });
    for (const content of [PNG, document]) {
      const hash = createHash('sha256').update(content).digest('hex');
      const file = path.join(h.dataDir, 'attachments', hash.slice(0, 2), hash);
      expect((await readFile(file)).equals(content)).toBe(true);
    }
    // The same bytes again: a second attachment, one stored file.
    const before = (await stored()).length;
    expect((await upload('ana', 'otra vez.png', PNG)).statusCode).toBe(200);
    expect(await stored()).toHaveLength(before);
  });

  it('serves a download only as a file to save, with the type it was stored with', async () => {
    const attachments = (await report()).attachments as { id: string; name: string }[];
    const paper = attachments.find((a) => a.name === 'recibo de José.pdf');
    if (!paper) throw new Error('no PDF attached');
    const response = await download('ana', paper.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="recibo de Jose.pdf"; filename*=UTF-8''recibo%20de%20Jos%C3%A9.pdf`,
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.length).toBe(Number(response.headers['content-length']));
    // Agents look up any report; staff of another department cannot tell the file exists.
    expect((await download('agente', paper.id)).statusCode).toBe(200);
    const outsider = await download('tomas', paper.id);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.code).toBe('not_found');
    expect((await download('ana', randomUUID())).statusCode).toBe(404);
  });

  it('refuses a renamed executable with 415 and stores nothing', async () => {
    const before = await stored();
    const elf = (await readFile(process.execPath)).subarray(0, 64 * 1024);
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    const response = await upload('ana', 'foto.jpg', elf, 'image/jpeg');
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toMatchObject({ code: 'unsupported_media_type' });
    const text = await upload('ana', 'nota.pdf', Buffer.from('solo texto, no es un PDF'), 'application/pdf');
    expect(text.statusCode).toBe(415);
    expect(await stored()).toEqual(before);
    expect((await report()).attachments).toHaveLength(3);
  });

  it('takes a phone photo of a few megabytes, and refuses a file over the limit with 413', async () => {
    const photo = Buffer.concat([PNG, Buffer.alloc(4 * 1024 * 1024, 7)]);
    const accepted = await upload('ana', 'foto del poste.png', photo, 'image/png');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().attachments.at(-1)).toMatchObject({
      name: 'foto del poste.png',
      size: photo.length,
    });
    const before = await stored();
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload('ana', 'enorme.png', big, 'image/png');
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(await stored()).toEqual(before);
    expect((await report()).attachments).toHaveLength(4);
  });

  it('takes only multipart uploads, on reports the uploader may see', async () => {
    const json = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${number}/attachments`,
      payload: { file: 'iVBORw0KGgo=' },
      headers: { cookie: cookies.ana ?? '' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');
    const before = await stored();
    const outsider = await upload('tomas', 'foto.png', Buffer.concat([PNG, Buffer.from('x')]));
    expect(outsider.statusCode).toBe(404);
    expect(await stored()).toEqual(before);
    const stale = h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${number}/attachments`,
      ...(() => {
        const body = multipart('foto.png', PNG);
        return {
          payload: body.payload,
          headers: { ...body.headers, cookie: cookies.ana ?? '', 'if-match': '1' },
        };
      })(),
    });
    expect((await stale).statusCode).toBe(409);
  });

  it('refuses two files in one request with 400 and stores neither', async () => {
    const before = await stored();
    const boundary = `----folio${randomUUID().replaceAll('-', '')}`;
    const part = (name: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.png"\r\n` +
            'Content-Type: image/png\r\n\r\n',
        ),
        PNG,
        Buffer.from('\r\n'),
      ]);
    const response = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${number}/attachments`,
      payload: Buffer.concat([part('uno'), part('dos'), Buffer.from(`--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: cookies.ana ?? '' },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields[0].path).toBe('file');
    expect(await stored()).toEqual(before);
  });

  it('answers 400 in the error shape for a multipart body without a boundary or cut short', async () => {
    const before = await stored();
    for (const [contentType, payload] of [
      ['multipart/form-data', 'abc'],
      ['multipart/form-data; boundary=xx', '--yy\r\n\r\n'],
      [
        'multipart/form-data; boundary=xx',
        '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
      ],
    ] as const) {
      const response = await h.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${number}/attachments`,
        payload,
        headers: { 'content-type': contentType, cookie: cookies.ana ?? '' },
      });
      expect(response.statusCode, `${contentType}: ${response.body}`).toBe(400);
      expect(response.json().error.code).toBe('invalid_input');
    }
    expect(await stored()).toEqual(before);
  });
});

describe.each(databaseKinds)('the upload limit on $name', (kind) => {
  it('follows FOLIO_MAX_UPLOAD_MB as given to the app', async () => {
    const h = await startHarness(kind, '2026-11-26T16:00:00Z', { maxUploadMb: 1 });
    try {
      await h.addUser('admin', ['admin']);
      const cookie = await h.signIn('admin');
      await h.app.inject({
        method: 'PUT',
        url: '/api/v1/customers/100001',
        payload: customerPayload(),
        headers: { cookie },
      });
      const filed = await h.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: {
          customerNumber: '100001',
          channel: 'office',
          type: 'complaint',
          description: 'Queja por la atención en ventanilla.',
        },
        headers: { cookie },
      });
      const send = (content: Buffer) => {
        const body = multipart('foto.png', content);
        return h.app.inject({
          method: 'POST',
          url: `/api/v1/reports/${filed.json().number}/attachments`,
          payload: body.payload,
          headers: { ...body.headers, cookie },
        });
      };
      expect((await send(Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]))).statusCode).toBe(413);
      expect((await send(Buffer.concat([PNG, Buffer.alloc(512 * 1024)]))).statusCode).toBe(200);
      expect((await stat(path.join(h.dataDir, 'attachments'))).isDirectory()).toBe(true);
    } finally {
      await h.close();
    }
  });
});
