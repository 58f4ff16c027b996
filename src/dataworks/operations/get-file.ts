import { z } from 'zod';
import { defineOperation, envelope, errorFields, field } from './define-operation.js';
import { fileFields } from './file-fields.js';

// Reads one file: Data.File.Content is the job JSON. NodeConfiguration.ResourceGroupId is the numeric
// scheduling resource group, not the Data Integration one (that lives in Content.extend.resourceGroup).
export const GetFile = defineOperation({
  name: 'GetFile',
  version: '2020-05-18',
  method: 'POST',
  params: {
    FileId: { in: 'body', type: 'integer', required: false },
    NodeId: { in: 'body', type: 'integer', required: false },
    ProjectId: { in: 'body', type: 'integer', required: false },
    ProjectIdentifier: { in: 'body', type: 'string', required: false },
  },
  response: z.object({
    ...envelope,
    ...errorFields,
    Data: field.object({
      File: field.object({ ...fileFields, AdvancedSettings: field.string(), DeletedStatus: field.string() }),
      NodeConfiguration: field.object({
        ApplyScheduleImmediately: field.string(),
        AutoRerunIntervalMillis: field.integer(),
        AutoRerunTimes: field.integer(),
        CronExpress: field.string(),
        CycleType: field.string(),
        DependentNodeIdList: field.string(),
        DependentType: field.string(),
        EndEffectDate: field.integer(),
        IgnoreParentSkipRunningProperty: field.string(),
        ImageId: field.string(),
        InputList: field.list(z.object({ Input: field.string(), ParseType: field.string() })),
        InputParameters: field.list(z.object({ ParameterName: field.string(), ValueSource: field.string() })),
        OutputList: field.list(z.object({ Output: field.string(), RefTableName: field.string() })),
        OutputParameters: field.list(
          z.object({ Description: field.string(), ParameterName: field.string(), Type: field.string(), Value: field.string() }),
        ),
        ParaValue: field.string(),
        RerunMode: field.string(),
        ResourceGroupId: field.integer(),
        SchedulerType: field.string(),
        StartEffectDate: field.integer(),
        StartImmediately: field.boolean(),
        Stop: field.boolean(),
        Timeout: field.integer(),
      }),
      ResourceDownloadLink: field.object({ downloadLink: field.string() }),
    }),
  }),
});
