import { strFromU8, unzipSync } from 'fflate';
import { dependencyReason } from '../../_shared/errorReason.js';
import { renderBoth } from '../../_shared/messages.js';
import { showValue } from '../../_shared/showValue.js';
import { MeshError } from '../MeshError.js';

/** One row of a sheet: its 1-based row number and its cells as text (empty string for an empty cell). */
export interface SheetRow {
  line: number;
  fields: string[];
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const point =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of every `<t>` inside an XML fragment (a shared string or an inline string, rich text included). */
function texts(fragment: string): string {
  let out = '';
  for (const m of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return decodeXml(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/**
 * Reads the cells of one sheet of an XLSX workbook (Office Open XML: a zip of XML parts) as text rows.
 * Unzipping is done by `fflate`; the few XML parts needed (workbook, its relations, shared strings,
 * the sheet) are read with patterns, not a general XML parser: cells are `<c r="B7" t="s"><v>3</v></c>`
 * (shared string), `t="inlineStr"` (`<is><t>`), `t="str"`/`"b"`/`"e"` or a number in `<v>`.
 *
 * @param bytes - The XLSX file.
 * @param sheet - A sheet name, or a 0-based index (default: the first sheet).
 * @throws {@link MeshError} when the bytes are not an XLSX workbook or the sheet does not exist.
 */
export function readXlsxRows(bytes: Uint8Array, sheet?: string | number): SheetRow[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) =>
        file.name === 'xl/workbook.xml' ||
        file.name === 'xl/_rels/workbook.xml.rels' ||
        file.name === 'xl/sharedStrings.xml' ||
        file.name.startsWith('xl/worksheets/'),
    });
  } catch (error) {
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage XLSX : ce n’est pas un fichier XLSX (zip) lisible ({reason})',
          en: 'mesh XLSX: not a readable XLSX (zip) file ({reason})',
        },
        { reason: dependencyReason(error instanceof Error ? error.message : String(error)) },
      ),
    );
  }
  const part = (name: string): string | undefined => {
    // `files` is a plain object: a relationship Target such as « /toString » must not reach
    // Object.prototype's members.
    const data = Object.hasOwn(files, name) ? files[name] : undefined;
    return data instanceof Uint8Array ? strFromU8(data) : undefined;
  };
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) {
    throw new MeshError(
      renderBoth({
        fr: 'maillage XLSX : pas de xl/workbook.xml dans le fichier (ce n’est pas un classeur XLSX)',
        en: 'mesh XLSX: no xl/workbook.xml in the file (not an XLSX workbook)',
      }),
    );
  }
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    const attrs = m[1] ?? '';
    return {
      name: decodeXml(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? ''),
      rid: /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\bid="([^"]*)"/.exec(attrs)?.[1] ?? '',
    };
  });
  const chosen =
    sheet === undefined
      ? sheets[0]
      : typeof sheet === 'number'
        ? sheets[sheet]
        : sheets.find((s) => s.name === sheet);
  if (!chosen) {
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage XLSX : pas de feuille {sheet} (feuilles : {sheets})',
          en: 'mesh XLSX: no sheet {sheet} (sheets: {sheets})',
        },
        {
          sheet: typeof sheet === 'string' ? JSON.stringify(sheet) : showValue(sheet ?? 0),
          sheets: sheets.map((s) => JSON.stringify(s.name)).join(', ') || { fr: 'aucune', en: 'none' },
        },
      ),
    );
  }
  const target = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)]
    .map((m) => m[1] ?? '')
    .find((attrs) => new RegExp(`\\bId="${chosen.rid.replace(/[^\w-]/g, '')}"`).test(attrs));
  const path = target ? /\bTarget="([^"]*)"/.exec(target)?.[1] : undefined;
  const sheetPath = path === undefined ? undefined : path.startsWith('/') ? path.slice(1) : `xl/${path}`;
  const xml = sheetPath === undefined ? undefined : part(sheetPath);
  if (xml === undefined)
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage XLSX : la feuille {sheet} n’a pas de partie de données',
          en: 'mesh XLSX: sheet {sheet} has no data part',
        },
        { sheet: JSON.stringify(chosen.name) },
      ),
    );

  const shared: string[] = [];
  const sst = part('xl/sharedStrings.xml');
  if (sst !== undefined)
    for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(texts(m[1] ?? ''));

  const rows: SheetRow[] = [];
  let previous = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(/\br="(\d+)"/.exec(rowMatch[1] ?? '')?.[1] ?? previous + 1);
    previous = line;
    const fields: string[] = [];
    let nextColumn = 0;
    for (const cell of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1] ?? '';
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      const column = ref === undefined ? nextColumn : columnIndex(ref);
      nextColumn = column + 1;
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
      const body = cell[2] ?? '';
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') {
        const found = value === undefined ? '' : shared[Number(value)];
        if (found === undefined) {
          throw new MeshError(
            renderBoth(
              {
                fr: 'maillage XLSX : la cellule {cell} renvoie à la chaîne partagée {value}, absente du fichier',
                en: 'mesh XLSX: cell {cell} refers to shared string {value}, which the file lacks',
              },
              { cell: `${ref ?? '?'}${line}`, value: String(value) },
            ),
            [line],
          );
        }
        text = found;
      } else if (type === 'inlineStr') text = texts(body);
      else text = value === undefined ? '' : decodeXml(value);
      while (fields.length < column) fields.push('');
      fields[column] = text;
    }
    rows.push({ line, fields });
  }
  return rows;
}
