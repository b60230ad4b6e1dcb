import net from 'node:net';

export interface ProbeAnswer {
  status: number;
  /** The whole raw response (status line, headers, body) in bytes: what the load generator counts. */
  bytes: number;
  body: { code?: number; msg?: string; data?: Record<string, unknown> } | null;
}

/**
 * One form POST over a raw socket, framed exactly like the load generator's requests (HTTP/1.1,
 * keep-alive, same headers), so the answer's byte size is the size each measured answer must have.
 */
export function probe(port: number, formBody: string, path = '/'): Promise<ProbeAnswer> {
  const request =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
    `Content-Length: ${Buffer.byteLength(formBody)}\r\n\r\n${formBody}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`probe of port ${port} timed out`));
    }, 10_000);
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1]);
      if (!Number.isFinite(length)) {
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(`probe: answer without content-length:\n${head}`));
        return;
      }
      const total = end + 4 + length;
      if (buf.length < total) return;
      clearTimeout(timer);
      socket.destroy();
      const text = buf.subarray(end + 4, total).toString('utf8');
      let body: ProbeAnswer['body'] = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      resolve({ status: Number(head.split(' ')[1]), bytes: total, body });
    });
    socket.write(request);
  });
}
