import Taro from '@tarojs/taro'

/** Where Taro's H5 build keeps a copy of everything copied, for its own `getClipboardData`. */
const H5_CLIPBOARD_KEY = 'taro_clipboard'

/**
 * Copies text (a member's phone, a reminder link) to the clipboard. On H5, Taro also writes the
 * text to localStorage, where a full phone number or a reminder token would stay on the device
 * after the page is gone; nothing here reads the clipboard back, so that copy is removed.
 */
export async function copyText(data: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data })
  } finally {
    if (process.env.TARO_ENV === 'h5') Taro.removeStorageSync(H5_CLIPBOARD_KEY)
  }
}
