import { z } from 'zod';
import { defineOperation, envelope, errorFields } from './define-operation.js';

// Changes a file's properties, among them its schedule (CronExpress, RerunMode, InputList, ...): what
// CreateDISyncTask cannot set ("call the UpdateFile operation", its SDK model). Every parameter is in
// the body; the SDK model requires only FileId. Its API page: a value equal to the current one is
// refused as invalid data, so dwsync sends only the fields that change (toUpdateFileFields).
export const UpdateFile = defineOperation({
  name: 'UpdateFile',
  version: '2020-05-18',
  method: 'POST',
  params: {
    AdvancedSettings: { in: 'body', type: 'string', required: false },
    ApplyScheduleImmediately: { in: 'body', type: 'boolean', required: false },
    AutoParsing: { in: 'body', type: 'boolean', required: false },
    AutoRerunIntervalMillis: { in: 'body', type: 'integer', required: false },
    AutoRerunTimes: { in: 'body', type: 'integer', required: false },
    ConnectionName: { in: 'body', type: 'string', required: false },
    Content: { in: 'body', type: 'string', required: false },
    CronExpress: { in: 'body', type: 'string', required: false },
    CycleType: { in: 'body', type: 'string', required: false },
    DependentNodeIdList: { in: 'body', type: 'string', required: false },
    DependentType: { in: 'body', type: 'string', required: false },
    EndEffectDate: { in: 'body', type: 'integer', required: false },
    FileDescription: { in: 'body', type: 'string', required: false },
    FileFolderPath: { in: 'body', type: 'string', required: false },
    FileId: { in: 'body', type: 'integer', required: true },
    FileName: { in: 'body', type: 'string', required: false },
    IgnoreParentSkipRunningProperty: { in: 'body', type: 'boolean', required: false },
    ImageId: { in: 'body', type: 'string', required: false },
    InputList: { in: 'body', type: 'string', required: false },
    InputParameters: { in: 'body', type: 'string', required: false },
    OutputList: { in: 'body', type: 'string', required: false },
    OutputParameters: { in: 'body', type: 'string', required: false },
    Owner: { in: 'body', type: 'string', required: false },
    ParaValue: { in: 'body', type: 'string', required: false },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
    RerunMode: { in: 'body', type: 'string', required: false },
    ResourceGroupIdentifier: { in: 'body', type: 'string', required: false },
    SchedulerType: { in: 'body', type: 'string', required: false },
    StartEffectDate: { in: 'body', type: 'integer', required: false },
    StartImmediately: { in: 'body', type: 'boolean', required: false },
    Stop: { in: 'body', type: 'boolean', required: false },
    Timeout: { in: 'body', type: 'integer', required: false },
  },
  response: z.object({ ...envelope, ...errorFields }),
});
