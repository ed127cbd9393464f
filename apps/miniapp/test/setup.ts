process.env.TARO_ENV = 'h5'
// jsdom lacks TextEncoder, which browsers (and the qrcode encoder) have.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  globalThis.TextEncoder = require('node:util').TextEncoder
}

// Taro's React Input hands its `onConfirm` prop on to the DOM <input>, and React warns about the
// unknown handler. That is the library's own quirk (the real H5 build uses web components);
// every other console.error still shows.
const consoleError = console.error
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Unknown event handler property') && args[1] === 'onConfirm') return
  consoleError(...args)
}

// findBy… and waitFor poll up to 1 s by default. These page tests run in CI next to the database
// suites on 2 cores, where one first render of a page (mocks answer at once) was seen to take
// longer than that and fail a test that passes alone. The wait only ends sooner when the page is
// ready; nothing it waits for changed. (The DOM library's own configure: loading @testing-library/react
// here, before jest's globals exist, would skip its cleanup between tests.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@testing-library/dom').configure({ asyncUtilTimeout: 5000 })
