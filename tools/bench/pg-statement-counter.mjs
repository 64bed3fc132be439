// A PostgreSQL wire-protocol proxy that counts the statements a client sends (simple Query and
// extended-protocol Execute messages). The bench puts it between the API and PostgreSQL to count
// SQL statements per request without touching the application.
import net from 'node:net';

export async function startStatementCounter(targetHost, targetPort) {
  let statements = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: targetHost, port: targetPort });
    // Without these, Nagle's algorithm meets PostgreSQL's delayed ACKs: a multi-packet result
    // waited ~40 ms in the proxy, which the bench then charged to the API.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let startupDone = false;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!startupDone) {
          if (buffer.length < 4) break;
          const len = buffer.readUInt32BE(0);
          if (buffer.length < len) break;
          const code = buffer.readUInt32BE(4);
          buffer = buffer.subarray(len);
          // An SSLRequest (80877103) is followed by the real startup message.
          if (code !== 80877103) startupDone = true;
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        const len = buffer.readUInt32BE(1);
        if (buffer.length < len + 1) break;
        if (type === 'Q' || type === 'E') statements += 1;
        buffer = buffer.subarray(len + 1);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    count: () => statements,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
