import { expect, it } from 'vitest';
import { parseImportHeader } from '../../../src/core/rekey/parse-import-header.js';

it('reads the legacy name and folder from the header of that project and file', () => {
  const text = '# yaml-language-server: $schema=../x.json\n# Imported by dwsync from DataWorks project 10000, file 42: Business Flow/ods/ods_orders\n# at 2026-01-01.\n';
  expect(parseImportHeader(text, 10000, 42)).toEqual({ name: 'ods_orders', folder: 'Business Flow/ods' });
  expect(parseImportHeader(text, 10000, 43)).toBeUndefined();
  expect(parseImportHeader(text, 10001, 42)).toBeUndefined();
  expect(parseImportHeader('# Imported by dwsync from DataWorks project 1, file 2: top\n', 1, 2)).toEqual({ name: 'top', folder: '' });
});

it('drops spaces after the name, and reads a name at the top of the tree written with a leading slash', () => {
  expect(parseImportHeader('# Imported by dwsync from DataWorks project 1, file 2: ods/top  \r\n', 1, 2)).toEqual({ name: 'top', folder: 'ods' });
  expect(parseImportHeader('# Imported by dwsync from DataWorks project 1, file 2: /top\n', 1, 2)).toEqual({ name: 'top', folder: '' });
});
