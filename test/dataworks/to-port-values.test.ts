import { describe, expect, it } from 'vitest';
import { toDeployment, toFileSummary, toLiveFile, toProjectMode } from '../../src/dataworks/to-port-values.js';
import { RemoteError } from '../../src/errors.js';

type Deployment = { Status?: number | null; CheckingStatus?: number | null; ErrorMessage?: string | null };
const deployment = (d: Deployment, items?: Array<{ FileId?: number; Status?: number | null }>) => ({
  RequestId: 'r',
  Data: { Deployment: d, ...(items ? { DeployedItems: items } : {}) },
});

describe('toDeployment', () => {
  it('is done only when Status is 1 and CheckingStatus is empty', () => {
    expect(toDeployment(deployment({ Status: 1 }), 200)).toEqual({ status: 'success', checking: false, errorMessage: null });
    expect(toDeployment(deployment({ Status: 1, CheckingStatus: null }), 200)).toEqual({ status: 'success', checking: false, errorMessage: null });
    expect(toDeployment(deployment({ Status: 1 }, [{ FileId: 1, Status: 1 }]), 200).status).toBe('success');
  });

  it('Status 1 with CheckingStatus 8 is still pending, checking', () => {
    expect(toDeployment(deployment({ Status: 1, CheckingStatus: 8 }), 200)).toEqual({ status: 'pending', checking: true, errorMessage: null });
  });

  it('Status 0 is pending, not checking', () => {
    expect(toDeployment(deployment({ Status: 0 }, [{ FileId: 1, Status: 0 }]), 200)).toEqual({ status: 'pending', checking: false, errorMessage: null });
  });

  it('CheckingStatus 7 is a failed check, with the service message or a default', () => {
    expect(toDeployment(deployment({ Status: 1, CheckingStatus: 7 }), 200)).toEqual({
      status: 'failed',
      checking: false,
      errorMessage: 'the pre-publish check failed (CheckingStatus 7)',
    });
    expect(toDeployment(deployment({ Status: 0, CheckingStatus: 7, ErrorMessage: 'table missing' }), 200).errorMessage).toBe('table missing');
  });

  it('Status 2 is failed, with the service message or none', () => {
    expect(toDeployment(deployment({ Status: 2, ErrorMessage: 'boom' }), 200)).toEqual({ status: 'failed', checking: false, errorMessage: 'boom' });
    expect(toDeployment(deployment({ Status: 2 }), 200)).toEqual({ status: 'failed', checking: false, errorMessage: null });
  });

  it('a deployed item in status 2, 4 or 6 fails the deployment even when Status says 1', () => {
    for (const itemStatus of [2, 4, 6]) {
      expect(toDeployment(deployment({ Status: 1 }, [{ FileId: 1, Status: 1 }, { FileId: 9, Status: itemStatus }]), 200)).toEqual({
        status: 'failed',
        checking: false,
        errorMessage: `file 9 was not published (DeployedItems Status ${itemStatus})`,
      });
    }
    for (const itemStatus of [0, 1, 3, 5, null]) expect(toDeployment(deployment({ Status: 1 }, [{ FileId: 9, Status: itemStatus }]), 200).status).toBe('success');
  });

  it('an unknown Status or no Deployment is an invalid answer', () => {
    const unknown = (() => {
      try {
        return toDeployment(deployment({ Status: 5 }), 200);
      } catch (e) {
        return e;
      }
    })();
    expect(unknown).toBeInstanceOf(RemoteError);
    expect(unknown).toMatchObject({ code: 'InvalidResponse', message: 'unknown deployment status 5', requestId: 'r', status: 200 });
    expect(() => toDeployment({ RequestId: 'r', Data: {} }, 200)).toThrow('GetDeployment answered without Data.Deployment');
  });

  it('scrubs a secret from the service message', () => {
    const { errorMessage } = toDeployment(deployment({ Status: 2, ErrorMessage: 'failed: password=hunter2hunter2' }), 200);
    expect(errorMessage).not.toContain('hunter2hunter2');
  });
});

describe('toLiveFile and toFileSummary', () => {
  it('take the file fields, empty ones as empty text and 0', () => {
    expect(toLiveFile({ Data: { File: { FileId: 7, FileName: 'n', FileType: 23, Content: '{}' } } }, 200)).toEqual({ fileId: 7, fileName: 'n', fileType: 23, content: '{}' });
    expect(toLiveFile({ Data: { File: { FileId: 7 } } }, 200)).toEqual({ fileId: 7, fileName: '', fileType: 0, content: '' });
    expect(toFileSummary({ FileId: 3, FileName: 'a', AbsoluteFolderPath: 'Business Flow/x', FileType: 23 })).toEqual({ fileId: 3, fileName: 'a', folderPath: 'Business Flow/x', fileType: 23 });
    expect(toFileSummary({})).toEqual({ fileId: 0, fileName: '', folderPath: '', fileType: 0 });
  });

  it('a GetFile answer without a file id is invalid', () => {
    expect(() => toLiveFile({ RequestId: 'r', Data: { File: { FileName: 'x' } } }, 200)).toThrow('GetFile answered without Data.File');
    expect(() => toLiveFile({ RequestId: 'r', Data: null }, 200)).toThrow('GetFile answered without Data.File');
  });
});

describe('toProjectMode', () => {
  it('ProjectMode 3 is standard and 2 basic; without it, a DEV environment means standard', () => {
    expect(toProjectMode({ ProjectMode: 3 })).toBe('standard');
    expect(toProjectMode({ ProjectMode: 2, EnvTypes: ['DEV', 'PROD'] })).toBe('basic');
    expect(toProjectMode({ EnvTypes: ['DEV', 'PROD'] })).toBe('standard');
    expect(toProjectMode({ ProjectMode: null, EnvTypes: ['PROD'] })).toBe('basic');
    expect(toProjectMode({})).toBe('basic');
  });
});
