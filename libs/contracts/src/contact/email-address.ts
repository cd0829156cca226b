/**
 * - `format`: not `local@domain` as below;
 * - `length`: longer than SMTP carries (64 characters before the @, 254 in all).
 */
export type EmailAddressProblem = 'format' | 'length';

export type EmailAddressCheck = { valid: true } | { valid: false; problem: EmailAddressProblem };

/** RFC 5322 §3.2.3 atext, in dot-atom form: no quoted local parts, no comments. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** RFC 1123 §2.1 host name label: letters, digits and inner hyphens, at most 63 characters. */
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** A top-level domain is alphabetic, or an internationalised one in its ASCII (xn--) form. */
const TOP_LEVEL_LABEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * An address mail can be delivered to from any agency's system: ASCII only (RFC 6531 addresses
 * are not), a dot-atom local part of at most 64 characters (RFC 5321 §4.5.3.1.1), a domain
 * name of at least two labels (no IP literals, no bare host names), and at most 254 characters
 * in all (RFC 5321 §4.5.3.1.3: a path is 256 with its angle brackets).
 */
export function checkEmailAddress(value: string): EmailAddressCheck {
  const at = value.lastIndexOf('@');
  if (at <= 0) return { valid: false, problem: 'format' };
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const wellFormed =
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(labels[labels.length - 1]);
  if (!wellFormed) return { valid: false, problem: 'format' };
  if (local.length > 64 || value.length > 254) return { valid: false, problem: 'length' };
  return { valid: true };
}
