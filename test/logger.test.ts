import { createLogger, type LogLevel } from '../src/logger';

function capture(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, sink: (_level, line) => lines.push(line) });
  return { logger, lines };
}

describe('logger', () => {
  it('redacts credential fields by name and JWT-shaped text anywhere', () => {
    const { logger, lines } = capture();
    const jwt = 'eyJhbGciOiJub25lIn0.eyJvaWQiOiJ1c2VyIn0.c2ln';
    logger.warn(`exchange failed for ${jwt}`, { token: 'abc', nested: { authorization: 'Bearer xyz', note: `Bearer ${jwt}` }, requestId: 'r-1' });
    const text = lines.join('\n');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('xyz');
    expect(text).not.toContain('"abc"');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'warn', requestId: 'r-1', token: '[redacted]' });
  });

  it('drops lines below the threshold', () => {
    const { logger, lines } = capture('warn');
    logger.info('quiet');
    logger.error('loud');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('loud');
  });

  it('logs errors by name and message, without the stack', () => {
    const { logger, lines } = capture();
    logger.error('boom', { error: new Error('failed') });
    expect(JSON.parse(lines[0] ?? '{}').error).toEqual({ name: 'Error', message: 'failed' });
  });
});
