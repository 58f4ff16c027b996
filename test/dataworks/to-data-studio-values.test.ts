import { describe, expect, it } from 'vitest';
import { toDeploymentStatus, toLiveNode, toNodeSummary, toPipelineRun, toTotalCount } from '../../src/dataworks/to-data-studio-values.js';
import { RemoteError } from '../../src/errors.js';

describe('toPipelineRun', () => {
  const stage = (Code: string, Step: number, Status: string, Message?: string) => ({ Code, Step, Status, Type: 'Check', Name: Code, ...(Message ? { Message } : {}) });

  it('reads Success as success, Fail, Termination and Cancel as failed, anything else as pending', () => {
    expect(['Init', 'Running', 'Success', 'Fail', 'Termination', 'Cancel', 'Whatever'].map(toDeploymentStatus)).toEqual([
      'pending', 'pending', 'success', 'failed', 'failed', 'failed', 'pending',
    ]);
  });

  it('orders the stages by Step and says why a failed run failed: the process Message, else the failed stage\'s', () => {
    const run = toPipelineRun({ Pipeline: { Id: 'p-1', Status: 'Fail', Stages: [stage('PROD', 3, 'Init'), stage('PROD_CHECK', 2, 'Fail', 'checker said no'), stage('BUILD_PACKAGE', 1, 'Success')] } }, 200);
    expect(run.stages.map((s) => s.code)).toEqual(['BUILD_PACKAGE', 'PROD_CHECK', 'PROD']);
    expect(run).toMatchObject({ id: 'p-1', status: 'failed', errorMessage: 'checker said no' });
    expect(toPipelineRun({ Pipeline: { Id: 'p-1', Status: 'Fail', Message: 'whole run failed', Stages: [] } }, 200).errorMessage).toBe('whole run failed');
    expect(toPipelineRun({ Pipeline: { Id: 'p-1', Status: 'Cancel' } }, 200).errorMessage).toBe('the process ended Cancel');
  });

  it('has no error message while pending or after success', () => {
    expect(toPipelineRun({ Pipeline: { Id: 'p', Status: 'Running', Message: 'x' } }, 200)).toMatchObject({ status: 'pending', errorMessage: null });
    expect(toPipelineRun({ Pipeline: { Id: 'p', Status: 'Success' } }, 200)).toMatchObject({ status: 'success', errorMessage: null });
  });

  it('refuses an answer without a process id or status', () => {
    expect(() => toPipelineRun({ Pipeline: { Id: 'p' } }, 200)).toThrow(RemoteError);
  });
});

describe('nodes', () => {
  it('toLiveNode keeps the Spec string and TaskId (null until deployed)', () => {
    expect(toLiveNode({ Node: { Id: '7000000000000000001', Name: 'n', Spec: '{}' } }, 200)).toEqual({ nodeId: '7000000000000000001', name: 'n', spec: '{}', taskId: null });
    expect(() => toLiveNode({ Node: {} }, 200)).toThrow(RemoteError);
  });

  it('toNodeSummary reads Script.Path, Script.Runtime.Command and the output names, and drops a node without Id', () => {
    expect(toNodeSummary({ Id: '1', Name: 'n', Script: { Path: 'a/n', Runtime: { Command: 'DI' } } })).toEqual([{ nodeId: '1', name: 'n', path: 'a/n', command: 'DI', outputs: [] }]);
    expect(toNodeSummary({ Id: '1', Outputs: { NodeOutputs: [{ Data: 'p.n_out' }, { RefTableName: 't' }] } })[0]?.outputs).toEqual(['p.n_out']);
    expect(toNodeSummary({ Name: 'n' })).toEqual([]);
  });

  it('toTotalCount reads the string count, falls back to the page when absent, refuses garbage', () => {
    expect(toTotalCount('42', 3, 200, 'r')).toBe(42);
    expect(toTotalCount(undefined, 3, 200, 'r')).toBe(3);
    expect(() => toTotalCount('many', 3, 200, 'r')).toThrow(RemoteError);
  });
});
