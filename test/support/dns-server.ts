/**
 * An in-process authoritative DNS server for tests: UDP and TCP (RFC 1035 §4.2.2 two-byte
 * length framing) on 127.0.0.1 only, one ephemeral port for both transports.
 *
 * It serves a programmable zone and answers like a recursive resolver would for that zone:
 * CNAMEs are followed inside the zone and the whole chain is returned (a loop is answered
 * NOERROR with the CNAMEs seen, as BIND does). Per name and type a behaviour can override the
 * answer (error rcodes, silence, truncation, delay, a record of the wrong type). Every query
 * received is recorded with its transport so tests can count upstream traffic.
 */
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as dnsPacket from 'dns-packet';

export type TestRecord =
  | { name: string; type: 'A' | 'AAAA' | 'PTR' | 'CNAME'; value: string; ttl?: number }
  | { name: string; type: 'TXT'; value: string[]; ttl?: number }
  | { name: string; type: 'MX'; value: { preference: number; exchange: string }; ttl?: number };

export type Transport = 'udp' | 'tcp';

export interface Behaviour {
  /**
   * Replaces the zone's answer: an error rcode, an empty NXDOMAIN/NOERROR answer, `never`
   * (no reply at all, so the client times out) or `lie` (a record of another type than asked).
   */
  respond?: 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'formerr' | 'notimp' | 'never' | 'lie';
  /** Over UDP answer with TC=1 and no records (`empty`) or only the first (`partial`); TCP answers in full. */
  truncateUdp?: 'empty' | 'partial';
  /** Milliseconds to wait before replying. */
  delayMs?: number;
}

export interface ReceivedQuery {
  name: string;
  type: string;
  transport: Transport;
}

interface Reply {
  rcode: number;
  answers: dnsPacket.Answer[];
}

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
const MAX_CNAME_HOPS = 16;
const DEFAULT_TTL = 300;
const LOOPBACK = '127.0.0.1';

function lower(name: string): string {
  const lowered = name.toLowerCase();
  return lowered.endsWith('.') ? lowered.slice(0, -1) : lowered;
}

function matches(query: ReceivedQuery, filter: Partial<ReceivedQuery>): boolean {
  return (
    (filter.name === undefined || lower(filter.name) === query.name) &&
    (filter.type === undefined || filter.type === query.type) &&
    (filter.transport === undefined || filter.transport === query.transport)
  );
}

function toAnswer(record: TestRecord): dnsPacket.Answer {
  const ttl = record.ttl ?? DEFAULT_TTL;
  switch (record.type) {
    case 'TXT':
      return { name: record.name, type: 'TXT', ttl, data: record.value };
    case 'MX':
      return { name: record.name, type: 'MX', ttl, data: record.value };
    default:
      return { name: record.name, type: record.type, ttl, data: record.value };
  }
}

export class TestDnsServer {
  /** Every query received, in arrival order. */
  readonly received: ReceivedQuery[] = [];
  private readonly records: TestRecord[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private udp: dgram.Socket | undefined;
  private tcp: net.Server | undefined;
  private readonly connections = new Set<net.Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters: { filter: Partial<ReceivedQuery>; resolve: () => void }[] = [];
  private boundPort = 0;

  constructor(records: Iterable<TestRecord> = [], private readonly defaultDelayMs = 0) {
    this.records.push(...records);
  }

  /** The port both transports listen on (valid after `start()`). */
  get port(): number {
    return this.boundPort;
  }

  /** `127.0.0.1:port`, the form resolvers take as a server. */
  get address(): string {
    return `${LOOPBACK}:${this.boundPort}`;
  }

  addRecords(...records: TestRecord[]): void {
    this.records.push(...records);
  }

  /** Sets the behaviour for `name` and `type` (`*` = every type of that name). */
  setBehaviour(name: string, type: string, behaviour: Behaviour): void {
    this.behaviours.set(`${lower(name)}/${type.toUpperCase()}`, behaviour);
  }

  /** Number of queries received matching every given field. */
  count(filter: Partial<ReceivedQuery> = {}): number {
    return this.received.filter((query) => matches(query, filter)).length;
  }

  /** Resolves once a query matching `filter` has been received (at once if one already was). */
  waitForQuery(filter: Partial<ReceivedQuery> = {}): Promise<void> {
    if (this.count(filter) > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ filter, resolve }));
  }

  resetCounts(): void {
    this.received.length = 0;
  }

  async start(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const udp = dgram.createSocket('udp4');
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(0, LOOPBACK, () => resolve());
      });
      const port = udp.address().port;
      const tcp = net.createServer((socket) => this.acceptTcp(socket));
      try {
        await new Promise<void>((resolve, reject) => {
          tcp.once('error', reject);
          tcp.listen(port, LOOPBACK, () => resolve());
        });
      } catch (error) {
        udp.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && attempt < 20) continue;
        throw error;
      }
      udp.on('message', (message, remote) => this.onUdp(message, remote));
      this.udp = udp;
      this.tcp = tcp;
      this.boundPort = port;
      return;
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
    const udp = this.udp;
    const tcp = this.tcp;
    this.udp = undefined;
    this.tcp = undefined;
    await Promise.all([
      udp && new Promise<void>((resolve) => udp.close(() => resolve())),
      tcp && new Promise<void>((resolve) => tcp.close(() => resolve())),
    ]);
  }

  private onUdp(message: Buffer, remote: dgram.RemoteInfo): void {
    this.handle(message, 'udp', (response) => this.udp?.send(response, remote.port, remote.address));
  }

  private acceptTcp(socket: net.Socket): void {
    this.connections.add(socket);
    socket.on('close', () => this.connections.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        this.handle(message, 'tcp', (response) => {
          if (socket.destroyed) return;
          const frame = Buffer.alloc(2 + response.length);
          frame.writeUInt16BE(response.length, 0);
          response.copy(frame, 2);
          socket.write(frame);
        });
      }
    });
  }

  private handle(message: Buffer, transport: Transport, send: (response: Buffer) => void): void {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const received: ReceivedQuery = { name: lower(question.name), type: question.type, transport };
    this.received.push(received);
    for (const waiter of this.waiters.filter((candidate) => matches(received, candidate.filter))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const behaviour = this.behaviourFor(question.name, question.type);
    if (behaviour.respond === 'never') return;
    const reply = this.reply(question, behaviour);
    let flags = dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_AVAILABLE | reply.rcode;
    if (((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) !== 0) flags |= dnsPacket.RECURSION_DESIRED;
    let answers = reply.answers;
    if (transport === 'udp' && behaviour.truncateUdp) {
      flags |= dnsPacket.TRUNCATED_RESPONSE;
      answers = behaviour.truncateUdp === 'partial' ? answers.slice(0, 1) : [];
    }
    const response = dnsPacket.encode({ type: 'response', id: query.id, flags, questions: [question], answers });
    const delay = behaviour.delayMs ?? this.defaultDelayMs;
    if (delay <= 0) {
      send(response);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send(response);
    }, delay);
    this.timers.add(timer);
  }

  private behaviourFor(name: string, type: string): Behaviour {
    const key = lower(name);
    return this.behaviours.get(`${key}/${type}`) ?? this.behaviours.get(`${key}/*`) ?? {};
  }

  private reply(question: dnsPacket.Question, behaviour: Behaviour): Reply {
    switch (behaviour.respond) {
      case 'nxdomain':
        return { rcode: RCODE.NXDOMAIN, answers: [] };
      case 'nodata':
        return { rcode: RCODE.NOERROR, answers: [] };
      case 'servfail':
        return { rcode: RCODE.SERVFAIL, answers: [] };
      case 'refused':
        return { rcode: RCODE.REFUSED, answers: [] };
      case 'formerr':
        return { rcode: RCODE.FORMERR, answers: [] };
      case 'notimp':
        return { rcode: RCODE.NOTIMP, answers: [] };
      case 'lie':
        return { rcode: RCODE.NOERROR, answers: [this.lie(question)] };
      default:
        return this.lookUp(question.name, question.type);
    }
  }

  /** A record of another type than the one asked for, under the asked name. */
  private lie(question: dnsPacket.Question): dnsPacket.Answer {
    return question.type === 'A'
      ? { name: question.name, type: 'TXT', ttl: DEFAULT_TTL, data: ['v=spf1 -all'] }
      : { name: question.name, type: 'A', ttl: DEFAULT_TTL, data: '192.0.2.1' };
  }

  /** Zone lookup following CNAMEs inside the zone (RFC 1034 §4.3.2 step 3). */
  private lookUp(queryName: string, type: string): Reply {
    const chain: dnsPacket.Answer[] = [];
    const visited = new Set<string>();
    let current = lower(queryName);
    for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
      visited.add(current);
      const atName = this.records.filter((record) => lower(record.name) === current);
      const matching = atName.filter((record) => record.type === type);
      if (matching.length > 0) return { rcode: RCODE.NOERROR, answers: [...chain, ...matching.map(toAnswer)] };
      const alias = atName.find((record) => record.type === 'CNAME');
      if (!alias || type === 'CNAME') {
        const exists = this.records.some((record) => {
          const name = lower(record.name);
          return name === current || name.endsWith(`.${current}`);
        });
        return { rcode: exists ? RCODE.NOERROR : RCODE.NXDOMAIN, answers: chain };
      }
      chain.push(toAnswer(alias));
      const target = lower(alias.value as string);
      if (visited.has(target)) break;
      current = target;
    }
    return { rcode: RCODE.NOERROR, answers: chain };
  }
}
