// The emulator's own floor: unsigned POSTs over keep-alive HTTP at a given concurrency, with no SDK,
// no signing and no state. The emulator waits its latency before checking the signature, so each
// answer (SignatureDoesNotMatch or similar) costs what a real call costs on its side.
// Usage: node http-floor.js URL CONCURRENCY CALLS
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export async function measureHttpFloor(url, concurrency, calls) {
  const agent = new http.Agent({ keepAlive: true });
  const body = 'Action=UpdateDISyncTask&Version=2020-05-18&ProjectId=1&FileId=1';
  const post = () =>
    new Promise((resolve, reject) => {
      const request = http.request(`${url}/`, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
      request.on('error', reject);
      request.end(body);
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < calls) {
      next += 1;
      await post();
    }
  }));
  agent.destroy();
  return (calls * 1000) / (performance.now() - started);
}

if (process.argv[1] === import.meta.filename) {
  const [url, concurrency, calls] = process.argv.slice(2);
  process.stdout.write(`${(await measureHttpFloor(url, Number(concurrency), Number(calls))).toFixed(1)}\n`);
}
