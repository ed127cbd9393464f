process.env.TARO_ENV = 'h5'
// jsdom lacks TextEncoder, which browsers (and the qrcode encoder) have.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globalThis.TextEncoder = require('node:util').TextEncoder
}
