/** Domain-name checks used by the SPF parser and `check_host()` (RFC 7208 §4.3, §7.3, §12). */

const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

function isAlphaNum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

function isAlpha(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/**
 * RFC 7208 §12 `toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`:
 * letters and digits with at least one letter, or letters, digits and inner hyphens. The label
 * is `text`, or `[start, end)` of it.
 */
export function isValidToplabel(text: string, start = 0, end = text.length): boolean {
  if (end <= start) return false;
  let hasAlpha = false;
  let hasHyphen = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2d) hasHyphen = true;
    else if (!isAlphaNum(code)) return false;
    else if (isAlpha(code)) hasAlpha = true;
  }
  if (!hasHyphen) return hasAlpha;
  return isAlphaNum(text.charCodeAt(start)) && isAlphaNum(text.charCodeAt(end - 1));
}

/**
 * Why `name` cannot be checked (RFC 7208 §4.3: a label longer than 63 characters, an empty
 * label, a name of one label, a toplabel that is not a name such as `[1.2.3.4]`), or undefined
 * when it is a well-formed multi-label name. One trailing dot is allowed.
 */
export function domainNameProblem(name: string): string | undefined {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length === 0) return 'the domain is empty';
  if (bare.length > MAX_DOMAIN_LENGTH) return `the domain is longer than ${MAX_DOMAIN_LENGTH} characters`;
  let labelStart = 0;
  let labels = 0;
  for (let index = 0; index <= bare.length; index++) {
    if (index === bare.length || bare.charCodeAt(index) === 0x2e) {
      const labelLength = index - labelStart;
      if (labelLength === 0) return 'the domain has an empty label';
      if (labelLength > MAX_LABEL_LENGTH) return `the domain has a label longer than ${MAX_LABEL_LENGTH} characters`;
      labels++;
      labelStart = index + 1;
    }
  }
  if (labels < 2) return 'the domain is not a fully qualified (multi-label) name';
  if (!isValidToplabel(bare.slice(bare.lastIndexOf('.') + 1))) return 'the domain does not end in a valid top-level label';
  return undefined;
}

/**
 * RFC 7208 §7.3: a name over 253 characters loses labels on its left until it fits.
 * A trailing dot is removed first.
 */
export function truncateDomainName(name: string): string {
  let result = name.endsWith('.') ? name.slice(0, -1) : name;
  while (result.length > MAX_DOMAIN_LENGTH) {
    const dot = result.indexOf('.');
    if (dot < 0) return '';
    result = result.slice(dot + 1);
  }
  return result;
}
