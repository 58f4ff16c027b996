import { isJsonObject, type JsonValue } from '../text/json.js';
import { parseContentTaskParam, splitContent } from '../task/service-managed-content.js';
import type { ContentReport } from './doctor-report.js';

// What a task's Content holds, by key name only, and where its DI resource group was found. Pure.
export function describeContent(
  file: { fileId: number; fileName: string; folderPath: string | null; content: string },
  workspaceDefaultGroup: string | null,
): ContentReport {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(file.content) as JsonValue;
  } catch {
    parsed = null;
  }
  const { author, managed } = splitContent(parsed);
  const extend = isJsonObject(parsed) && isJsonObject(parsed['extend']) ? parsed['extend'] : {};
  const fromContent = parseContentTaskParam(parsed).resourceGroup;
  const diResourceGroup: ContentReport['diResourceGroup'] =
    fromContent !== null
      ? { value: fromContent, foundIn: 'Content.extend.resourceGroup' }
      : workspaceDefaultGroup !== null
        ? { value: workspaceDefaultGroup, foundIn: 'GetProject.DefaultDiResourceGroupIdentifier' }
        : { value: null, foundIn: 'nowhere' };
  return {
    fileId: file.fileId,
    fileName: file.fileName,
    folderPath: file.folderPath,
    authorKeys: isJsonObject(author) ? Object.keys(author) : [],
    serviceManagedKeys: Object.keys(managed),
    extendKeys: Object.keys(extend),
    diResourceGroup,
  };
}
