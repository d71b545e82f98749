import * as assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as dnsPacket from 'dns-packet';
import { TestDnsServer } from '../../support/dns-server';

/** Sends one framed query per question over a single TCP connection and collects the answers. */
function askOverTcp(port: number, names: string[]): Promise<dnsPacket.Packet[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const answers: dnsPacket.Packet[] = [];
    let pending = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('connect', () => {
      // Both queries in one write: the server must split frames by their length prefix.
      socket.write(Buffer.concat(names.map((name, id) => dnsPacket.streamEncode({ type: 'query', id, questions: [{ type: 'TXT', name }] }))));
    });
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        answers.push(dnsPacket.decode(pending.subarray(2, 2 + pending.readUInt16BE(0))));
        pending = pending.subarray(2 + pending.readUInt16BE(0));
      }
      if (answers.length === names.length) {
        socket.end();
        resolve(answers);
      }
    });
  });
}

/** Binds UDP and TCP on `host:port` (rejecting with EADDRINUSE if taken) and releases both. */
async function bindAndRelease(port: number, host: string): Promise<void> {
  const udp = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    udp.bind(port, host, () => resolve());
  });
  await new Promise<void>((resolve) => udp.close(() => resolve()));
  const tcp = net.createServer();
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => resolve());
  });
  await new Promise<void>((resolve) => tcp.close(() => resolve()));
}

describe('TestDnsServer', () => {
  it('listens on 127.0.0.1 only, UDP and TCP on one port, and frees both on stop', async () => {
    const server = new TestDnsServer();
    await server.start();
    const port = server.port;
    assert.equal(server.address, `127.0.0.1:${port}`);
    // Had the server bound a wildcard address, another loopback address could not take its port.
    await bindAndRelease(port, '127.0.0.2');
    await server.stop();
    await bindAndRelease(port, '127.0.0.1');
  });

  it('answers several framed queries on one TCP connection and counts them per transport', async () => {
    const server = new TestDnsServer([
      { name: 'one.test', type: 'TXT', value: ['first', 'second'] },
      { name: 'two.test', type: 'TXT', value: ['v=spf1 -all'] },
    ]);
    await server.start();
    try {
      const answers = await askOverTcp(server.port, ['one.test', 'two.test']);
      assert.deepEqual(
        answers.map((packet) => packet.answers?.map((answer) => ((answer as dnsPacket.TxtAnswer).data as Buffer[]).map(String))),
        [[['first', 'second']], [['v=spf1 -all']]],
      );
      assert.equal(server.count({ transport: 'tcp' }), 2);
      assert.equal(server.count({ transport: 'udp' }), 0);
    } finally {
      await server.stop();
    }
  });

  it('stops while a TCP client still waits for a query it never answers', async () => {
    const server = new TestDnsServer();
    await server.start();
    server.setBehaviour('hang.test', '*', { respond: 'never' });
    const socket = net.connect(server.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(dnsPacket.streamEncode({ type: 'query', id: 1, questions: [{ type: 'TXT', name: 'hang.test' }] }));
    await server.waitForQuery({ name: 'hang.test', transport: 'tcp' });
    await server.stop();
    await closed;
  });
});
