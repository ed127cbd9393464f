/**
 * Reminder QR codes.
 *
 * H5: drawn here, in the browser, from the link itself (the `qrcode` package, loaded only when
 * asked for, as an SVG data URL) — nothing leaves the phone.
 *
 * weapp: a QR code that opens the mini program must be a 小程序码 from WeChat's server API
 * `wxacode.getUnlimited` (POST https://api.weixin.qq.com/wxa/getwxacodeunlimit?access_token=…
 * with `{ page: 'pages/reminder/index', scene, check_path, env_version }`), called by the API,
 * never by the client (it needs the app secret's access token). Its `scene` holds at most 32
 * visible characters, and a reminder token is 43 (256 bits in base64url), so the API would have
 * to issue a short code that maps to the reminder (e.g. 22 random base64url characters, stored
 * hashed like the token, same expiry), and `pages/reminder/index` would read
 * `decodeURIComponent(options.scene)` and resolve it through the API. Until that route exists,
 * the weapp sends reminders as share cards and copied text instead (see share/index.tsx).
 */
export const QR_AVAILABLE = process.env.TARO_ENV === 'h5'

/**
 * The encoder, in the H5 build only. Not an async function on purpose: transpiled async code
 * hides the constant condition from webpack, which then bundles the encoder into the weapp too.
 */
function encoder(): Promise<typeof import('qrcode')> {
  return process.env.TARO_ENV === 'h5' ? import('qrcode') : Promise.reject(new Error('QR codes are drawn in H5 only'))
}

/** The link as an SVG QR code, as an `<Image src>`. */
export async function qrDataUrl(text: string): Promise<string> {
  const QRCode = await encoder()
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
