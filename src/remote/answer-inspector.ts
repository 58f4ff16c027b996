import type { z } from 'zod';
import type { AnswerCheck } from '../core/doctor/doctor-report.js';
import type { CallOperation } from '../dataworks/create-operation-caller.js';
import { checkAnswer, listAbsentFields } from '../dataworks/operations/check-answer.js';
import type { OperationDefinition, OperationInput } from '../dataworks/operations/define-operation.js';
import { classifyError } from '../dataworks/classify-error.js';
import { UserInputError } from '../errors.js';

export type AnswerInspector = {
  checks: AnswerCheck[];
  // One call whose whole answer is held against its operation's model and kept as a check; the parsed
  // answer, or null when the call failed (then the check says how).
  inspect<D extends OperationDefinition>(operation: D, input: OperationInput<D['params']>): Promise<z.infer<D['response']> | null>;
  lastError(): { code: string; message: string } | null;
};

// doctor's calls: a failed call is a check that failed, never an error, except missing credentials.
export function createAnswerInspector(call: CallOperation): AnswerInspector {
  const checks: AnswerCheck[] = [];
  return {
    checks,
    async inspect(operation, input) {
      try {
        const { answer, body } = await call(operation, input);
        const problems = checkAnswer(operation.response, body);
        const requestId = typeof body['RequestId'] === 'string' ? body['RequestId'] : null;
        checks.push({ operation: operation.name, version: operation.version, requestId, outcome: problems.length > 0 ? 'differs' : 'as-documented', problems, absent: listAbsentFields(operation.response, body) });
        return answer;
      } catch (error) {
        if (error instanceof UserInputError) throw error;
        const remote = classifyError(error);
        checks.push({ operation: operation.name, version: operation.version, requestId: remote.requestId, outcome: 'failed', problems: [], absent: [], error: { code: remote.code, message: remote.message } });
        return null;
      }
    },
    lastError: () => checks.at(-1)?.error ?? null,
  };
}
