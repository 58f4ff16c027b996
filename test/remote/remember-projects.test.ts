import { afterEach, describe, expect, it } from 'vitest';

import { connect } from '../../src/commands/connect.js';
import { rememberProjects } from '../../src/remote/remember-projects.js';
import { setupCommand, type CommandFixture } from '../support/command-fixture.js';

let fixture: CommandFixture | null = null;
afterEach(async () => void (await fixture?.cleanup()));

describe('rememberProjects', () => {
  it('sends GetProject once per workspace, however often and however concurrently it is asked', async () => {
    fixture = await setupCommand(1);
    const session = await connect({ endpoint: null, region: 'cn-hangzhou', qps: 0 }, fixture.deps);
    const project = rememberProjects(session);

    const answers = await Promise.all([project(10000), project(10000), project(10000)]);
    await project(10000);

    expect(answers.map((answer) => answer.mode)).toEqual(['standard', 'standard', 'standard']);
    const sent = fixture.emulator.state.calls.filter((call) => call.action === 'GetProject');
    expect(sent.map((call) => call.parameters.ProjectId)).toEqual(['10000']);
  });
});
