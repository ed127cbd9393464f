import { maskIdNumber, maskMobile } from '@xianjie/rules';

/**
 * Masks ID numbers and mobile numbers in text bound for a log: database errors quote the
 * offending values (e.g. a unique violation on id_number), and logs must never hold them.
 */
export function redact(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (id) => maskIdNumber(id.toUpperCase()))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (phone) => maskMobile(phone));
}
