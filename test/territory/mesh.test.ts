import { describe, expect, it } from 'vitest';
import {
  loadMesh,
  Mesh,
  MeshError,
  MeshLoadResult,
  parseMeshCsv,
  parseMeshJson,
  unitOf,
} from '../../src/territory/index.js';

const ZE_LIKE = [
  "Table d'appartenance (extract, hand-made for the test)",
  '',
  'CODGEO;LIBGEO;ZE2020',
  '59350;Lille;3214',
  '59009;"Villeneuve-d\'Ascq";3214',
  '02394;Jouy;0021',
  '76540;Rouen;2811',
  '59999;Nowhere;3214',
  '5935;Typo;3214',
].join('\r\n');

describe('parseMeshCsv()', () => {
  it('reads a table d’appartenance with title lines, maps old codes and reports bad codes', () => {
    const r = parseMeshCsv(ZE_LIKE, {
      unitColumn: 'ZE2020',
      id: 'ze2020',
      label: 'Zones d’emploi 2020',
      vintage: '2020',
    });
    expect(MeshLoadResult.parse(r)).toEqual(r);
    expect(r.mesh).toMatchObject({ id: 'ze2020', kind: 'custom', vintage: '2020' });
    expect(r.mesh.units).toEqual([
      { code: '3214', label: '3214', communes: ['59009', '59350'] },
      { code: '0021', label: '0021', communes: ['02008'] },
    ]);
    expect(r.droppedUnits).toEqual(['2811']);
    expect(r.diagnostics.map((d) => [d.kind, d.code, d.line])).toEqual([
      ['mapped', '02394', 6],
      ['outside-region', '76540', 7],
      ['unknown', '59999', 8],
      ['invalid', '5935', 9],
    ]);
    expect(r.uncovered).toHaveLength(3782 - 3);
    expect(unitOf(r.mesh, '59350')?.code).toBe('3214');
    expect(unitOf(r.mesh, '02394')?.code).toBe('0021');
  });

  it('rejects a duplicated commune, listing the line numbers', () => {
    const csv = 'commune,unit\n59350,A\n80021,B\n59350,B\n02394,A\n02008,B\n';
    try {
      parseMeshCsv(csv);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MeshError);
      const e = error as MeshError;
      expect(e.lines).toEqual([2, 4, 5, 6]);
      expect(e.message).toContain('59350 (line 2, line 4)');
      expect(e.message).toContain('02008 (line 5, line 6)');
    }
  });

  it('detects the columns of a two-column file and reads labels', () => {
    const r = parseMeshCsv('insee\tplateforme\tnom\n59350\tP1\tLille\n', {
      unitLabelColumn: 'nom',
      unitColumn: 'plateforme',
    });
    expect(r.mesh.units).toEqual([{ code: 'P1', label: 'Lille', communes: ['59350'] }]);
    expect(parseMeshCsv('code;zone\n59350;Z\n').mesh.units[0]?.code).toBe('Z');
  });

  it('explains missing columns', () => {
    expect(() => parseMeshCsv('a;b\n1;2\n')).toThrow(MeshError);
    expect(() => parseMeshCsv('CODGEO;LIBGEO;ZE2020\n59350;Lille;3214\n')).toThrow(/unitColumn/);
  });
});

describe('parseMeshJson() / loadMesh()', () => {
  const json = {
    id: 'tp',
    label: 'Territoires (test)',
    vintage: 'test',
    provenance: 'hand-made',
    units: [
      { code: 'N', label: 'North', communes: ['59350', '59999'] },
      { code: 'S', label: 'South', communes: ['80021'] },
    ],
  };
  it('loads a Mesh-shaped object or text and reports unknown codes', () => {
    for (const r of [parseMeshJson(json), loadMesh(JSON.stringify(json)), loadMesh(json)]) {
      expect(Mesh.parse(r.mesh)).toEqual(r.mesh);
      expect(r.mesh.units.map((u) => u.communes)).toEqual([['59350'], ['80021']]);
      expect(r.diagnostics).toMatchObject([{ kind: 'unknown', code: '59999', unit: 'N' }]);
    }
  });
  it('rejects duplicates naming the units, and bad shapes naming the path', () => {
    expect(() =>
      parseMeshJson({
        units: [
          { code: 'A', communes: ['59350'] },
          { code: 'B', communes: ['59350'] },
        ],
      }),
    ).toThrow(/59350 \(unit A, unit B\)/);
    expect(() => parseMeshJson({ units: [{ code: 'A', communes: [1] }] })).toThrow(
      /mesh\.units\[0\]\.communes\[0\]/,
    );
    expect(() => parseMeshJson('{not json')).toThrow(MeshError);
  });
  it('chooses CSV for text not starting with {', () => {
    expect(loadMesh('commune;unit\n59350;A\n').mesh.units).toHaveLength(1);
    expect(loadMesh('commune;unit\n59350;A\n', { format: 'csv', id: 'x' }).mesh.id).toBe('x');
  });
});
