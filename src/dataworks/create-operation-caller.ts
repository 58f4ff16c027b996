import { randomUUID } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { RemoteError, UserInputError } from '../errors.js';
import { OpenApiRequest, Params, type OpenApiClient } from './alicloud-sdk.js';
import { classifyError, type ResponseSeen } from './classify-error.js';
import { buildRequest } from './operations/build-request.js';
import type { OperationDefinition, OperationInput } from './operations/define-operation.js';
import { parseAnswer, parseSucceededBody } from './parse-answer.js';

type CallApiRuntime = Parameters<OpenApiClient['callApi']>[2];

// One signed call of one operation: the request built from its definition (each parameter where the
// SDK puts it), the answer checked for success and read through the definition's response schema.
export type CallOperation = <D extends OperationDefinition>(
  operation: D,
  input: OperationInput<D['params']>,
) => Promise<{ answer: z.infer<D['response']>; status: number; body: Record<string, unknown> }>;

// Lets a call find its own HTTP response among concurrent ones (not signed, ignored by the service).
const CALL_ID_HEADER = 'x-dwsync-call-id';
const RESPONSE_CHANNEL = 'http.client.response.finish';

export function createOperationCaller(client: OpenApiClient, protocol: 'http' | 'https', describeEndpoint: (err: RemoteError) => RemoteError = (e) => e): CallOperation {
  return async (operation, input) => {
    const callId = randomUUID();
    let seen: ResponseSeen | null = null;
    // The SDK drops the headers of an error response (Retry-After) and, for a body that is not
    // JSON, its status too; the HTTP client's diagnostics channel still shows both.
    const onResponse = (message: unknown) => {
      const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
      if (request.getHeader(CALL_ID_HEADER) !== callId) return;
      seen = { status: response.statusCode ?? null, headers: response.headers, now: Date.now() };
    };
    const { query, body } = buildRequest(operation, input);
    diagnosticsChannel.subscribe(RESPONSE_CHANNEL, onResponse);
    try {
      const response = await client.callApi(
        new Params({
          action: operation.name,
          version: operation.version,
          protocol,
          pathname: '/',
          method: operation.method,
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          // Read as text and parse here, so a bad 2xx body is classified with its status.
          bodyType: 'string',
        }),
        new OpenApiRequest({ query, ...(Object.keys(body).length > 0 ? { body } : {}), headers: { [CALL_ID_HEADER]: callId } }),
        {} as CallApiRuntime,
      );
      const status = Number(response['statusCode'] ?? 200);
      const checked = parseSucceededBody(String(response['body'] ?? ''), status);
      return { answer: parseAnswer(operation, checked, status), status, body: checked };
    } catch (err) {
      if (err instanceof UserInputError) throw err;
      if (err instanceof RemoteError) throw err;
      throw describeEndpoint(classifyError(err, seen));
    } finally {
      diagnosticsChannel.unsubscribe(RESPONSE_CHANNEL, onResponse);
    }
  };
}
