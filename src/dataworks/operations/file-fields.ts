import { field } from './define-operation.js';

// FileType of a Data Integration batch sync node (DI_OFFLINE) in GetFile and ListFiles.
export const DI_FILE_TYPE = 23;

// The file fields GetFile's Data.File and ListFiles' Data.Files[] share. Neither model has a DI resource
// group; only ListFiles has AbsoluteFolderPath (with NeedAbsoluteFolderPath=true).
export const fileFields = {
  AutoParsing: field.boolean(),
  BizId: field.integer(),
  BusinessId: field.integer(),
  CommitStatus: field.integer(),
  ConnectionName: field.string(),
  Content: field.string(),
  CreateTime: field.integer(),
  CreateUser: field.string(),
  CurrentVersion: field.integer(),
  FileDescription: field.string(),
  FileFolderId: field.string(),
  FileId: field.integer(),
  FileName: field.string(),
  FileType: field.integer(),
  IsMaxCompute: field.boolean(),
  LastEditTime: field.integer(),
  LastEditUser: field.string(),
  NodeId: field.integer(),
  Owner: field.string(),
  ParentId: field.integer(),
  UseType: field.string(),
};
