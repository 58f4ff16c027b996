import { toDoctorReport } from '../core/doctor/to-doctor-report.js';
import type { DoctorReport } from '../core/doctor/doctor-report.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import type { CreateDataWorksOptions } from '../dataworks/create-sdk-caller.js';
import { inspectWorkspace } from '../remote/inspect-workspace.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { resolveSettings } from './resolve-settings.js';
import { apiOf } from '../core/config/api-version.js';

export type DoctorOptions = CommandOptions & { projectId: number; fileId?: number; writeProbe?: boolean };

export type DoctorDeps = Pick<CommandDeps, 'env'> & {
  // Builds the operation caller for the endpoint (whole answers, not the port); tests pass one with
  // the emulator's key.
  createCaller?: (options: CreateDataWorksOptions) => { call: CallOperation; url: string; verify(): Promise<void> };
};

// `dwsync doctor`: what only the real service can settle (remote/inspect-workspace.ts), for one
// workspace, read-only unless --write-probe.
export async function doctor(options: DoctorOptions, deps: DoctorDeps): Promise<DoctorReport> {
  const settings = await resolveSettings(options, deps.env);
  const create = deps.createCaller ?? (await defaultCaller());
  const { call, url, verify } = create({ endpoint: settings.endpoint, region: settings.region });
  await verify();
  const inspection = await inspectWorkspace(call, { projectId: options.projectId, fileId: options.fileId, writeProbe: options.writeProbe ?? false, api: apiOf(settings.workspaces, options.projectId) });
  return toDoctorReport(url, options.projectId, inspection);
}

// Loaded here, not at start-up: the SDK costs about half a second.
async function defaultCaller(): Promise<NonNullable<DoctorDeps['createCaller']>> {
  const { createSdkCaller } = await import('../dataworks/create-sdk-caller.js');
  return (options) => {
    const { call, url, credential } = createSdkCaller(options);
    return { call, url, verify: async () => void (await credential.getCredential()) };
  };
}
