import type { DataWorksSession, ProjectInfo } from '../ports.js';

export type ProjectReader = (projectId: number) => Promise<ProjectInfo>;

// GetProject at most once per workspace for as long as the session lasts, through its call runner: apply asks
// for each workspace's mode before it deploys, import for the default DI resource group, and a run
// over many tasks of one workspace must not ask again for each.
// A failed read is remembered too: the run does not ask again (its calls already had their retries).
export function rememberProjects(session: DataWorksSession): ProjectReader {
  const projects = new Map<number, Promise<ProjectInfo>>();
  return (projectId) => {
    let project = projects.get(projectId);
    if (!project) projects.set(projectId, (project = session.call(() => session.dataWorks.getProject({ projectId })).then((answer) => answer.value)));
    return project;
  };
}
