/**
 * Resource record type and class mnemonics of the master-file format (IANA "DNS Parameters"
 * registry), and the RFC 3597 §5 generic forms `TYPEnnn` / `CLASSnnn`.
 */
const TYPE_CODES: Record<string, number> = {
  A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12,
  HINFO: 13, MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21,
  NSAP: 22, 'NSAP-PTR': 23, SIG: 24, KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30,
  EID: 31, NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, A6: 38, DNAME: 39,
  SINK: 40, APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48,
  DHCID: 49, NSEC3: 50, NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57,
  TALINK: 58, CDS: 59, CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65,
  // RFC 7208 §3.1: type 99 (SPF) is deprecated; only TXT is looked up.
  SPF: 99, NID: 104, L32: 105, L64: 106, LP: 107, EUI48: 108, EUI64: 109, URI: 256, CAA: 257,
  AVC: 258, DOA: 259, AMTRELAY: 260, RESINFO: 261, TA: 32768, DLV: 32769,
};

const TYPE_NAMES = new Map<number, string>(Object.entries(TYPE_CODES).map(([name, code]) => [code, name]));
/** One frozen {@link RrType} per mnemonic, shared by every record of that type. */
const NAMED_TYPES = new Map<string, Readonly<RrType>>(Object.entries(TYPE_CODES).map(([name, code]) => [name, Object.freeze({ name, code })]));

const CLASS_CODES: Record<string, number> = { IN: 1, CS: 2, CH: 3, HS: 4 };
const CLASS_NAMES = new Map<number, string>(Object.entries(CLASS_CODES).map(([name, code]) => [code, name]));
const CLASS_MNEMONICS = new Map<string, string>(Object.keys(CLASS_CODES).map((name) => [name, name]));

const GENERIC_TYPE = /^TYPE(\d{1,5})$/i;
const GENERIC_CLASS = /^CLASS(\d{1,5})$/i;

/** A recognised type: its canonical mnemonic (`TXT`, or `TYPE65280` when unnamed) and code. */
export interface RrType {
  name: string;
  code: number;
}

/**
 * Reads a type mnemonic or `TYPEnnn` (case-insensitive); `TYPE16` is canonicalised to `TXT`.
 * A named type is one frozen object shared by every call.
 */
export function parseRrType(token: string): Readonly<RrType> | undefined {
  const named = NAMED_TYPES.get(token) ?? NAMED_TYPES.get(token.toUpperCase());
  if (named !== undefined) return named;
  const generic = GENERIC_TYPE.exec(token);
  if (!generic) return undefined;
  const number = Number(generic[1]);
  if (number > 65535) return undefined;
  const name = TYPE_NAMES.get(number);
  return name === undefined ? { name: `TYPE${number}`, code: number } : NAMED_TYPES.get(name);
}

/** Reads a class mnemonic or `CLASSnnn`; `CLASS1` is canonicalised to `IN`. */
export function parseRrClass(token: string): string | undefined {
  const name = CLASS_MNEMONICS.get(token) ?? CLASS_MNEMONICS.get(token.toUpperCase());
  if (name !== undefined) return name;
  const generic = GENERIC_CLASS.exec(token);
  if (!generic) return undefined;
  const number = Number(generic[1]);
  if (number > 65535) return undefined;
  return CLASS_NAMES.get(number) ?? `CLASS${number}`;
}

/** {@link parseRrClass} of `text` from `start` to `end`, without copying words that cannot be a class. */
export function parseRrClassAt(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  // Mnemonics have two letters; `CLASSnnn` has six to ten characters.
  if (length !== 2 && (length < 6 || length > 10)) return undefined;
  return parseRrClass(text.slice(start, end));
}
