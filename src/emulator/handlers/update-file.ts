import type { EmulatorNodeConfiguration } from '../emulator-state.js';
import { answer, fail, type OperationHandler } from './operation-handler.js';
import { readRequestedTask } from './files.js';

// UpdateFile, for the schedule of a batch sync file. The API page says a value equal to the current
// one is refused as invalid data; the code it answers is not documented, so the emulator uses its
// Invalid.Param family. The other UpdateFile parameters (name, folder, owner, ...) are accepted and
// change nothing here.

// GetFile's NodeConfiguration of a file whose schedule was never set: a daily node at 00:00.
export const DEFAULT_NODE_CONFIGURATION: EmulatorNodeConfiguration = {
  ResourceGroupId: 30_000_001, // the numeric scheduling group: not the DI group
  RerunMode: 'ALL_ALLOWED',
  CycleType: 'DAY',
  CronExpress: '00 00 00 * * ?',
  SchedulerType: 'NORMAL',
  StartEffectDate: 0,
  EndEffectDate: 4155787800000,
  Stop: false,
  AutoRerunTimes: 3,
  AutoRerunIntervalMillis: 120000,
  Timeout: 0,
  ParaValue: '',
  InputList: [],
};

const KINDS: Record<string, 'string' | 'integer' | 'boolean' | 'inputs'> = {
  CronExpress: 'string',
  CycleType: 'string',
  RerunMode: 'string',
  AutoRerunTimes: 'integer',
  AutoRerunIntervalMillis: 'integer',
  ParaValue: 'string',
  InputList: 'inputs',
  ResourceGroupIdentifier: 'string',
  Stop: 'boolean',
  SchedulerType: 'string',
  Timeout: 'integer',
  StartEffectDate: 'integer',
  EndEffectDate: 'integer',
};

export const updateFile: OperationHandler<'UpdateFile'> = (params, ctx) => {
  const task = readRequestedTask(params, ctx);
  if (!('fileId' in task)) return task;
  const current = { ...DEFAULT_NODE_CONFIGURATION, ...task.nodeConfiguration };
  const changes: EmulatorNodeConfiguration = {};
  for (const [name, kind] of Object.entries(KINDS)) {
    const text = params[name];
    if (text === undefined) continue;
    const value =
      kind === 'integer' ? Number(text)
      : kind === 'boolean' ? text === 'true'
      : kind === 'inputs' ? text.split(',').filter((t) => t !== '').map((Input) => ({ Input, ParseType: 'MANUAL' }))
      : text;
    if (kind === 'integer' && !Number.isSafeInteger(value)) return fail(400, 'Invalid.Param', `${name} must be an integer, got ${text}.`);
    if (JSON.stringify(value) === JSON.stringify(current[name])) {
      return fail(400, 'Invalid.Param', `Invalid data: ${name} is already ${text}; send only the values that change.`);
    }
    changes[name] = value;
  }
  task.nodeConfiguration = { ...task.nodeConfiguration, ...changes };
  task.lastModified = ctx.now;
  if (Object.keys(changes).length > 0) {
    task.changedSinceDeploy = true;
    task.committed = false;
  }
  return answer('UpdateFile', { Success: true, HttpStatusCode: 200 });
};
