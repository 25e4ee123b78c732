// Preloaded (NODE_OPTIONS=--import) into the Node processes that tests start (examples, npm, tsup):
// a connection to anything but loopback is refused, as in the test process (network-guard.ts).
import net from 'node:net';

const GUARD = Symbol.for('cprdfop.networkGuard');
const proto = net.Socket.prototype;

function isLoopbackHost(host) {
  const bare = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1') return true;
  const v4 = bare.replace(/^::ffff:/, '');
  return net.isIPv4(v4) && v4.startsWith('127.');
}

if (!proto[GUARD]) {
  proto[GUARD] = [];
  const original = proto.connect;
  proto.connect = function guardedConnect(...args) {
    let first = args[0];
    if (Array.isArray(first)) first = first[0];
    let host = 'localhost';
    let port = first;
    if (first && typeof first === 'object') {
      if (typeof first.path === 'string') return original.apply(this, args);
      host = first.host ?? first.hostname ?? 'localhost';
      port = first.port;
    } else if (typeof first === 'string' && !/^\d+$/.test(first)) return original.apply(this, args);
    else if (typeof args[1] === 'string') host = args[1];
    if (!isLoopbackHost(host)) {
      const message = `network guard: a process started by a test tried to connect to ${host}:${port}; tests may only reach 127.0.0.1`;
      process.stderr.write(`${message}\n`);
      throw new Error(message);
    }
    return original.apply(this, args);
  };
}
