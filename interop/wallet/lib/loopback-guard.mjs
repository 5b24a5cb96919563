// Imported first by both wallets: from then on this process opens TCP connections only to
// loopback (127.0.0.0/8, localhost, ::1). Every connection in Node, fetch (undici) included, goes
// through net.Socket#connect, so a refusal here covers every library the wallets load. A blocked
// attempt is written to stderr as "loopback-guard: blocked ..." and fails with an error.
import net from 'node:net';

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

export function isLoopbackHost(host) {
  return typeof host === 'string' && LOOPBACK.test(host);
}

const originalConnect = net.Socket.prototype.connect;
if(!originalConnect.loopbackGuard) {
  const guarded = function connect(...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = typeof first === 'object' && first !== null ? first : {port: first, host: args[1]};
    if(options.path === undefined) {
      const host = options.host ?? 'localhost';
      if(!isLoopbackHost(host)) {
        process.stderr.write(`loopback-guard: blocked connection to ${host}:${options.port}\n`);
        throw new Error(`loopback-guard: connection to ${host} refused (only loopback allowed)`);
      }
    }
    return originalConnect.apply(this, args);
  };
  guarded.loopbackGuard = true;
  net.Socket.prototype.connect = guarded;
}
