import { describe, expect, it } from 'vitest';

import { folderSegments, placeFiles, sanitizeSegment } from '../../../src/core/import/place-files.js';

describe('placeFiles', () => {
  it('maps Business Flow/<flow>/Data Integration/<name> to jobs/<flow>/<name>.yaml', () => {
    const paths = placeFiles(
      [
        { id: 1, fileName: 'u_pk', folderPath: 'Business Flow/ods/Data Integration' },
        { id: 2, fileName: 'sales', folderPath: '/Business Flow/dws/Data Integration/daily' },
        { id: 3, fileName: '订单', folderPath: '业务流程/交易/数据集成' },
        { id: 4, fileName: 'loose', folderPath: '' },
      ],
      { jobs: 'jobs' },
    );
    expect([...paths]).toEqual([
      [1, 'jobs/ods/u_pk.yaml'],
      [2, 'jobs/dws/daily/sales.yaml'],
      [3, 'jobs/交易/订单.yaml'],
      [4, 'jobs/loose.yaml'],
    ]);
  });

  it('never leaves the jobs folder: no "..", no absolute paths, no hidden files', () => {
    const paths = placeFiles(
      [
        { id: 1, fileName: '../../etc/passwd', folderPath: '../../..' },
        { id: 2, fileName: '.hidden', folderPath: '/abs/./x' },
        { id: 3, fileName: '..', folderPath: 'C:\\Windows' },
      ],
      { jobs: './jobs/' },
    );
    expect([...paths.values()]).toEqual(['jobs/etc_passwd.yaml', 'jobs/abs/x/hidden.yaml', 'jobs/C/Windows/task_3.yaml']);
    for (const p of paths.values()) expect(p.split('/')).not.toContain('..');
  });

  it('disambiguates collisions by fileId, ignoring case, and only those', () => {
    const paths = placeFiles(
      [
        { id: 10, fileName: 'Orders', folderPath: 'Business Flow/ods/Data Integration' },
        { id: 11, fileName: 'orders', folderPath: 'Business Flow/ods/Data Integration' },
        { id: 12, fileName: 'orders', folderPath: 'Business Flow/dws/Data Integration' },
      ],
      { jobs: 'jobs' },
    );
    expect([...paths.values()]).toEqual(['jobs/ods/Orders-10.yaml', 'jobs/ods/orders-11.yaml', 'jobs/dws/orders.yaml']);
  });

  it('puts every file flat in --out', () => {
    const paths = placeFiles(
      [
        { id: 1, fileName: 'a', folderPath: 'Business Flow/ods/Data Integration' },
        { id: 2, fileName: 'a', folderPath: 'Business Flow/dws/Data Integration' },
      ],
      { jobs: 'jobs', out: 'jobs/imported' },
    );
    expect([...paths.values()]).toEqual(['jobs/imported/a-1.yaml', 'jobs/imported/a-2.yaml']);
  });
});

describe('sanitizeSegment and folderSegments', () => {
  it('keeps letters of any script, digits, dot, dash and underscore', () => {
    expect(sanitizeSegment('  my task (v2)!  ')).toBe('my_task_v2');
    expect(sanitizeSegment('数据 同步-1.0')).toBe('数据_同步-1.0');
    expect(sanitizeSegment('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(sanitizeSegment('x'.repeat(300))).toHaveLength(100);
  });

  it('drops the business-flow root and the Data Integration folder', () => {
    expect(folderSegments('Business Flow/ods/Data Integration')).toEqual(['ods']);
    expect(folderSegments('Workflow/ods/Data Integration/sub')).toEqual(['ods', 'sub']);
    expect(folderSegments('Other/ods')).toEqual(['Other', 'ods']);
  });
});

describe('placeFiles, names and folders', () => {
  it('drops a .yaml or .yml ending of the file name, in any case, only at its end', () => {
    const paths = placeFiles(
      [
        { id: 1, fileName: 'a.yaml', folderPath: '' },
        { id: 2, fileName: 'b.YML', folderPath: '' },
        { id: 3, fileName: 'c.yaml.bak', folderPath: '' },
      ],
      { jobs: 'jobs' },
    );
    expect([...paths.values()]).toEqual(['jobs/a.yaml', 'jobs/b.yaml', 'jobs/c.yaml.bak.yaml']);
  });

  it('names a file whose name has nothing left after sanitising after its id', () => {
    expect([...placeFiles([{ id: 'n7', fileName: '!!!', folderPath: '' }], { jobs: 'jobs' }).values()]).toEqual(['jobs/task_n7.yaml']);
  });

  it('puts files at the top of the repository when the jobs folder is the root', () => {
    expect([...placeFiles([{ id: 1, fileName: 'a', folderPath: 'x' }], { jobs: '.' }).values()]).toEqual(['x/a.yaml']);
    expect([...placeFiles([{ id: 1, fileName: 'a', folderPath: '' }], { jobs: '.' }).values()]).toEqual(['a.yaml']);
    expect([...placeFiles([{ id: 1, fileName: 'a', folderPath: '' }], { jobs: 'jobs//' }).values()]).toEqual(['jobs/a.yaml']);
  });
});

describe('folderSegments, separators and empty folders', () => {
  it('splits at runs of slashes and backslashes, trims each folder and drops empty ones', () => {
    expect(folderSegments('Business Flow//ods\\\\ dws /Data Integration')).toEqual(['ods', 'dws']);
    expect(folderSegments('ods/ !!! /x')).toEqual(['ods', 'x']);
    expect(folderSegments(' Business Flow / ods / Data Integration ')).toEqual(['ods']);
  });

  it('drops the Data Integration folder at any depth', () => {
    expect(folderSegments('a/数据集成/b/Data Integration/c')).toEqual(['a', 'b', 'c']);
  });
});

describe('sanitizeSegment, dots', () => {
  it('collapses runs of dots into one, and drops dots and underscores at either end', () => {
    expect(sanitizeSegment('a..b...c')).toBe('a.b.c');
    expect(sanitizeSegment('..a.')).toBe('a');
    expect(sanitizeSegment('_a__')).toBe('a');
    expect(sanitizeSegment('a.b')).toBe('a.b');
  });

  it('writes a name composed in two forms (NFD) in its composed form (NFC)', () => {
    expect(sanitizeSegment('Cafe\u0301')).toBe('Café');
  });
});
