import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  loadMesh,
  MeshError,
  parseMeshCsv,
  parseMeshXlsx,
  territoryProvider,
  unitOf,
} from '../../src/territory/index.js';

const CSV = readFileSync(join(import.meta.dirname, 'fixtures/table-appartenance-insee-layout.csv'), 'utf8');

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const column = (i: number): string => String.fromCharCode(65 + i);

/** Builds an XLSX workbook (shared strings, inline strings and numbers) from rows, like a spreadsheet would. */
function xlsx(rows: string[][], options: { sheetName?: string; startRow?: number } = {}): Uint8Array {
  const shared: string[] = [];
  const sheetRows = rows.map((fields, r) => {
    const line = (options.startRow ?? 1) + r;
    const cells = fields
      .map((value, c) => {
        if (value === '') return '';
        const ref = `${column(c)}${line}`;
        if (c === 3 && /^\d+$/.test(value)) return `<c r="${ref}"><v>${value}</v></c>`; // REG as a number
        if (r % 2 === 0) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
        shared.push(value);
        return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
      })
      .join('');
    return `<row r="${line}">${cells}</row>`;
  });
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="${options.sheetName ?? 'COM'}" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Notes</t></is></c></row></sheetData></worksheet>',
    ),
    'xl/worksheets/sheet2.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
    'xl/sharedStrings.xml': strToU8(sst),
  });
}

const csvRows = CSV.replace(/^\uFEFF/, '')
  .trim()
  .split('\n')
  .map((line) => line.split(';'));

describe('INSEE « table d’appartenance géographique des communes »', () => {
  it('reads the CSV layout: title lines, a label row, then CODGEO… (zones d’emploi)', () => {
    const r = loadMesh(CSV, { unitColumn: 'ZE2020', id: 'ze2020', vintage: '2020' });
    expect(r.mesh.units.map((u) => [u.code, u.communes])).toEqual([
      ['3214', ['59009', '59350']],
      ['3202', ['02008', '02691']],
      ['3220', ['80021']],
    ]);
    expect(r.droppedUnits).toEqual(['2803']); // Caen, outside Hauts-de-France
    expect(r.diagnostics.map((d) => [d.kind, d.code, d.line])).toEqual([
      ['mapped', '02394', 9],
      ['outside-region', '14118', 11],
      ['unknown', '59999', 12],
    ]);
  });

  it('reads any column of the table (bassins de vie) and checks it against another region', () => {
    // The hand-made unknown commune has no bassin de vie: an empty unit is an error naming the line.
    expect(() => parseMeshCsv(CSV, { unitColumn: 'BV2022' })).toThrow(
      'mesh CSV: line 12 has no unit code (commune "59999")',
    );
    const r = parseMeshCsv(CSV.replace(/\r?\n59999;.*$/m, ''), { unitColumn: 'BV2022', region: '28' });
    expect(r.mesh.units).toEqual([{ code: '14118', label: '14118', communes: ['14118'] }]);
    expect(r.diagnostics.filter((d) => d.kind === 'outside-region')).toHaveLength(5);
    expect(r.diagnostics.filter((d) => d.kind === 'mapped')).toHaveLength(0);
  });

  it('reads the same table from XLSX (named sheet, shared and inline strings, numbers)', () => {
    const bytes = xlsx(csvRows, { startRow: 1 });
    const fromXlsx = loadMesh(bytes, { unitColumn: 'ZE2020', id: 'ze2020', vintage: '2020', sheet: 'COM' });
    const fromCsv = loadMesh(CSV, { unitColumn: 'ZE2020', id: 'ze2020', vintage: '2020' });
    expect(fromXlsx).toEqual(fromCsv);
    expect(
      parseMeshXlsx(bytes.buffer as ArrayBuffer, { unitColumn: 'ZE2020', sheet: 1 }).mesh.units,
    ).toHaveLength(3);
    expect(unitOf(fromXlsx.mesh, '59009')?.code).toBe('3214');
    const provider = territoryProvider('32', { meshes: [fromXlsx.mesh] });
    expect(provider.resolve({ communes: ['59350', '02691'] }).units('ze2020')).toEqual(['3202', '3214']);
  });

  it('gives sheet row numbers in diagnostics and errors', () => {
    const bytes = xlsx(csvRows, { startRow: 3 });
    const r = parseMeshXlsx(bytes, { unitColumn: 'ZE2020', sheet: 'COM' });
    expect(r.diagnostics.map((d) => d.line)).toEqual([11, 13, 14]);
    const duplicated = xlsx([...csvRows, ['59350', 'Lille', '59', '32', '', '', '9999', '', '']]);
    expect(() => parseMeshXlsx(duplicated, { unitColumn: 'ZE2020', sheet: 'COM' })).toThrow(
      /59350 \(line 6, line 13\)/,
    );
  });

  it('fails with a MeshError on a broken or foreign file', () => {
    expect(() => loadMesh(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(MeshError);
    expect(() => loadMesh(new Uint8Array(0))).toThrow(MeshError);
    expect(() => parseMeshXlsx(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/no xl\/workbook.xml/);
    expect(() => parseMeshXlsx(xlsx(csvRows), { sheet: 'ZE' })).toThrow(
      /no sheet "ZE" \(sheets: "Notes", "COM"\)/,
    );
    expect(() => parseMeshXlsx(xlsx(csvRows), { sheet: 'Notes', unitColumn: 'ZE2020' })).toThrow(
      /no header line/,
    );
    expect(() => parseMeshXlsx(xlsx(csvRows), { sheet: 'COM', unitColumn: 'ZE2030' })).toThrow(
      /no column "ZE2030"/,
    );
    expect(() => loadMesh('CODGEO;ZE2020\n', { format: 'xlsx' })).toThrow(MeshError);
  });
});
