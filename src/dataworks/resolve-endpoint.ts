import { UserInputError } from '../errors.js';

export type Endpoint = { host: string; protocol: 'http' | 'https' };

// dwsync.yaml's endpoint (or DWSYNC_ENDPOINT) is a URL such as http://127.0.0.1:8787; without one
// the region gives the public endpoint. The SDK wants the host (with port) and the protocol apart.
export function resolveEndpoint(endpoint: string | null, region: string): Endpoint {
  if (endpoint === null || endpoint.trim() === '') {
    if (!/^[a-z0-9-]+$/.test(region)) {
      throw new UserInputError(`region must look like cn-hangzhou, got ${JSON.stringify(region)}`);
    }
    return { host: `dataworks.${region}.aliyuncs.com`, protocol: 'https' };
  }
  const text = endpoint.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch (cause) {
    throw new UserInputError(`endpoint must be a URL such as http://127.0.0.1:8787, got ${JSON.stringify(endpoint)}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserInputError(`endpoint must use http or https, got ${JSON.stringify(endpoint)}`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.username !== '' || url.password !== '') {
    throw new UserInputError(`endpoint must be a scheme, host and port only, got ${JSON.stringify(endpoint)}`);
  }
  return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
}
