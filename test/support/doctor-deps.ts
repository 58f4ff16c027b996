import type { DoctorDeps } from '../../src/commands/doctor.js';
import { createAccessKeyCredential } from '../../src/dataworks/alicloud-sdk.js';
import { createSdkCaller } from '../../src/dataworks/create-sdk-caller.js';

// doctor's dependencies against an emulator: the real SDK over HTTP, signing with the given access
// key, and verify() asking the credential, as doctor does before its first call.
export function doctorDeps(endpoint: string, accessKeyId: string, secret: string): DoctorDeps {
  return {
    env: { DWSYNC_ENDPOINT: endpoint },
    createCaller: (options) => {
      const { call, url, credential } = createSdkCaller({ ...options, credential: createAccessKeyCredential(accessKeyId, secret) });
      return { call, url, verify: async () => void (await credential.getCredential()) };
    },
  };
}
