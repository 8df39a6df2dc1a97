/**
 * Loaded with `node --require` into the production-shaped bots (the product's own entry point and its floor):
 * requests to the public Entra host go to the local identity provider at `BENCH_ENTRA_URL` instead, as a hosts-file
 * entry would send them. Nothing in the bot changes: msal-node (the bot's on-behalf-of tokens, and the Bot
 * Framework SDK's own client-credentials token for the connector) sends its HTTPS requests through
 * `https.request`, and has no other seam in a process started from its entry point. Every other request goes
 * where it was going.
 */
import http from 'node:http';
import https from 'node:https';

const PUBLIC_ENTRA_HOST = 'login.microsoftonline.com';
const local = process.env.BENCH_ENTRA_URL ? new URL(process.env.BENCH_ENTRA_URL) : undefined;

if (local) {
  const original = https.request.bind(https);
  const rerouted = (options: http.RequestOptions): http.ClientRequest => {
    // https' own agent cannot carry a plain-HTTP request: the default HTTP agent does.
    return http.request({ ...options, agent: undefined, protocol: 'http:', hostname: local.hostname, host: local.hostname, port: local.port, headers: { ...options.headers, host: local.host } });
  };
  // msal-node calls `https.request(options)` with one options object; any other call shape is left alone.
  const request = (...args: unknown[]): http.ClientRequest => {
    const [first] = args;
    if (args.length === 1 && typeof first === 'object' && first !== null && !(first instanceof URL) && (first as http.RequestOptions).hostname === PUBLIC_ENTRA_HOST) {
      return rerouted(first as http.RequestOptions);
    }
    return (original as (...given: unknown[]) => http.ClientRequest)(...args);
  };
  https.request = request as typeof https.request;
}
