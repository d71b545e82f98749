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

/** The types and classes whose mnemonic has at most five characters, by {@link packedMnemonic}. */
const SHORT_TYPES = new Map<number, Readonly<RrType>>(
  [...NAMED_TYPES.values()].filter((type) => type.name.length <= 5).map((type) => [packedMnemonic(type.name, 0, type.name.length), type]),
);
const SHORT_CLASSES = new Map<number, string>(Object.keys(CLASS_CODES).map((name) => [packedMnemonic(name, 0, name.length), name]));

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

/** The canonical mnemonic of a type code: its name, or `TYPEnnn` when it has none (what {@link parseRrType} gives). */
export function rrTypeName(code: number): string {
  return TYPE_NAMES.get(code) ?? `TYPE${code}`;
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

/** {@link parseRrType} of `text` from `start` to `end`, without copying a short mnemonic. */
export function parseRrTypeAt(text: string, start: number, end: number): Readonly<RrType> | undefined {
  const key = packedMnemonic(text, start, end);
  return (key >= 0 ? SHORT_TYPES.get(key) : undefined) ?? parseRrType(text.slice(start, end));
}

/** {@link parseRrClass} of `text` from `start` to `end`, without copying the token. */
export function parseRrClassAt(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length === 2) {
    const key = packedMnemonic(text, start, end);
    // Any other two ASCII characters are no class; other characters may upper-case to one.
    if (key >= 0) return SHORT_CLASSES.get(key);
  } else if (length < 6 || length > 10) {
    // Mnemonics have two letters; `CLASSnnn` has six to ten characters.
    return undefined;
  }
  return parseRrClass(text.slice(start, end));
}

/**
 * A number standing for a word of one to five ASCII letters (in either case), digits or `-`,
 * six bits a character; -1 for any other word.
 */
function packedMnemonic(text: string, start: number, end: number): number {
  if (end - start > 5) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const written = text.charCodeAt(i);
    const code = written >= 97 && written <= 122 ? written - 32 : written;
    let digit: number;
    if (code >= 65 && code <= 90) digit = code - 64;
    else if (code >= 48 && code <= 57) digit = code - 21;
    else if (code === 45) digit = 37;
    else return -1;
    key = key * 64 + digit;
  }
  return key;
}
