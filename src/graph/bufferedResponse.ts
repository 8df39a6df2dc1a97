/**
 * A `Response` whose body is already in memory. Built with a null body and serving the buffer itself, it skips the
 * web stream a body-carrying `Response` sets up (about half the cost of handing a small JSON body over as a
 * `Response`), while staying a real `Response` for the Graph client's middleware (status, ok, headers) and for
 * `instanceof` checks. The body is read with `text`, `json` or `arrayBuffer`; `body` (the stream) stays null.
 * Its `Headers` are made when first read: a successful answer is used for its body alone, and filling a `Headers`
 * (each name and value checked) cost most of building the response.
 */
export class BufferedResponse extends Response {
  #madeHeaders: Headers | undefined;

  constructor(
    private readonly bufferedBody: Buffer,
    status: number,
    statusText: string,
    private readonly rawHeaders: readonly string[],
  ) {
    super(null, { status: responseStatus(status), statusText });
  }

  static {
    // The DOM typings declare `headers` a property, which a subclass may not override with a getter; Response's own
    // is a getter on its prototype, shadowed here the same way.
    Object.defineProperty(BufferedResponse.prototype, 'headers', {
      get(this: BufferedResponse): Headers {
        return (this.#madeHeaders ??= headersOf(this.rawHeaders));
      },
    });
  }

  // Own properties, as the DOM typings declare them: they shadow the stream-reading methods on Response.prototype.
  override readonly text = (): Promise<string> => Promise.resolve(this.bufferedBody.toString('utf8'));

  override readonly json = (): Promise<unknown> => this.text().then((text) => JSON.parse(text) as unknown);

  override readonly arrayBuffer = (): Promise<ArrayBuffer> => {
    const { buffer, byteOffset, byteLength } = this.bufferedBody;
    return Promise.resolve(buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer);
  };

  override readonly blob = (): Promise<Blob> => Promise.resolve(new Blob([this.bufferedBody]));

  override readonly clone = (): BufferedResponse => {
    const rawHeaders: string[] = [];
    this.headers.forEach((value, name) => rawHeaders.push(name, value));
    return new BufferedResponse(this.bufferedBody, this.status, this.statusText, rawHeaders);
  };
}

/** `Response` accepts 200–599 only; a 1xx final status cannot reach here, anything else is a broken server. */
function responseStatus(status: number): number {
  return status >= 200 && status <= 599 ? status : 502;
}

function headersOf(rawHeaders: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index];
    const value = rawHeaders[index + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  return headers;
}
