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
