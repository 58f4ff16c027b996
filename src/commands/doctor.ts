import { toDoctorReport } from '../core/doctor/to-doctor-report.js';
import type { DoctorReport } from '../core/doctor/doctor-report.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import type { CreateDataWorksOptions } from '../dataworks/create-sdk-caller.js';
import { inspectWorkspace } from '../remote/inspect-workspace.js';
import type { CommandDeps, CommandOptions } from './command-options.js';
import { resolveSettings } from './resolve-settings.js';
import { apiOf, DATA_STUDIO_API, type ApiVersion } from '../core/config/api-version.js';
import { UserInputError } from '../errors.js';

export type DoctorOptions = CommandOptions & { projectId: number; fileId?: number; nodeId?: string; writeProbe?: boolean };

export type DoctorDeps = Pick<CommandDeps, 'env'> & {
  // Builds the operation caller for the endpoint (whole answers, not the port); tests pass one with
  // the emulator's key.
  createCaller?: (options: CreateDataWorksOptions) => { call: CallOperation; url: string; verify(): Promise<void> };
};

// `dwsync doctor`: what only the real service can settle (remote/inspect-workspace.ts), for one
// workspace, in the API generation dwsync.yaml gives it; read-only unless --write-probe.
export async function doctor(options: DoctorOptions, deps: DoctorDeps): Promise<DoctorReport> {
  const settings = await resolveSettings(options, deps.env);
  const api = apiOf(settings.workspaces, options.projectId);
  checkTaskFlag(options, api);
  const create = deps.createCaller ?? (await defaultCaller());
  const { call, url, verify } = create({ endpoint: settings.endpoint, region: settings.region });
  await verify();
  const inspection = await inspectWorkspace(call, { projectId: options.projectId, fileId: options.fileId, nodeId: options.nodeId, writeProbe: options.writeProbe ?? false, api });
  return toDoctorReport(url, options.projectId, inspection);
}

// --file-id names a file, which only a 2020-05-18 workspace has; --node-id a node, only on 2024-05-18.
function checkTaskFlag(options: DoctorOptions, api: ApiVersion): void {
  const setting = `workspaces."${options.projectId}".api in dwsync.yaml`;
  if (options.fileId !== undefined && api === DATA_STUDIO_API) throw new UserInputError(`--file-id names a file, and workspace ${options.projectId} is on the new Data Studio (${setting} is ${api}): give --node-id`);
  if (options.nodeId !== undefined && api !== DATA_STUDIO_API) throw new UserInputError(`--node-id names a node of the new Data Studio, and workspace ${options.projectId} speaks ${api} (${setting}): give --file-id, or set that to "${DATA_STUDIO_API}"`);
}

// Loaded here, not at start-up: the SDK costs about half a second.
async function defaultCaller(): Promise<NonNullable<DoctorDeps['createCaller']>> {
  const { createSdkCaller } = await import('../dataworks/create-sdk-caller.js');
  return (options) => {
    const { call, url, credential } = createSdkCaller(options);
    return { call, url, verify: async () => void (await credential.getCredential()) };
  };
}
