import type { Context } from '@microsoft/microsoft-graph-client';

/** Sets one header on the outgoing request, whichever HeadersInit shape GraphRequest built. */
export function setRequestHeader(context: Context, name: string, value: string): void {
  if (context.request instanceof Request) {
    context.request.headers.set(name, value);
    return;
  }
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    options.headers = [...headers.filter(([key]) => key?.toLowerCase() !== name.toLowerCase()), [name, value]];
  } else {
    options.headers = { ...headers, [name]: value };
  }
}
