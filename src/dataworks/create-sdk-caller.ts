import { Config, Credential, OpenApiClient } from './alicloud-sdk.js';
import { createOperationCaller, type CallOperation } from './create-operation-caller.js';
import { describeConnectionError } from './describe-connection-error.js';
import { guardCredential } from './guard-credential.js';
import { resolveEndpoint } from './resolve-endpoint.js';

export type CreateDataWorksOptions = {
  endpoint: string | null; // a URL such as http://127.0.0.1:8787; null = dataworks.<region>.aliyuncs.com
  region: string;
  credential?: Credential; // default: the Alibaba Cloud default credential chain
  timeouts?: { connectMs: number; readMs: number };
};

// The Alibaba SDK client for one endpoint, and the caller of operations over it. createDataWorks
// builds the port on it; `dwsync doctor` uses it directly to see whole answers.
export function createSdkCaller(options: CreateDataWorksOptions): { call: CallOperation; credential: Credential; url: string } {
  const { host, protocol } = resolveEndpoint(options.endpoint, options.region);
  const timeouts = options.timeouts ?? { connectMs: 5_000, readMs: 30_000 };
  const credential = guardCredential(options.credential ?? new Credential());
  const client = new OpenApiClient(
    new Config({
      credential,
      endpoint: host,
      protocol,
      regionId: options.region,
      // httpx (under the SDK) uses the connect timeout as the socket's idle timeout for the whole
      // call, so a shorter one would cut every answer slower than it; it cannot be shorter.
      connectTimeout: Math.max(timeouts.connectMs, timeouts.readMs),
      readTimeout: timeouts.readMs,
    }),
  );
  const call = createOperationCaller(client, protocol, (err) => describeConnectionError(err, { host, protocol }));
  return { call, credential, url: `${protocol}://${host}` };
}
