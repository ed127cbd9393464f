/**
 * Reminder QR codes.
 *
 * The H5 QR: drawn here, on the phone, from the link itself (the `qrcode` package, loaded only
 * when asked for, as an SVG data URL) — nothing leaves the phone. It opens the H5 site.
 *
 * The 小程序码 (weapp): only WeChat's server API draws one (`wxacode.getUnlimited`, with the app
 * secret's access token), so the API does it — POST /reminders/wxacode with the link's short code,
 * which the code carries as its `scene` (≤ 32 characters; a token is 43). Scanning it opens
 * `pages/reminder/index` with that `scene`. When the server has no WeChat credentials it says
 * so, and the weapp falls back to the H5 QR drawn here.
 */
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp'

/** The link as an SVG QR code, as an `<Image src>` (base64 in the weapp, whose Image wants it so). */
export async function qrDataUrl(text: string): Promise<string> {
  const QRCode = await import('qrcode')
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  if (!isWeapp()) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  return `data:image/svg+xml;base64,${asciiBase64(svg)}`
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (the weapp has no btoa, and Taro's helper takes different inputs per platform). */
export function asciiBase64(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < text.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < text.length ? B64[n & 63] : '=')
  }
  return out
}
