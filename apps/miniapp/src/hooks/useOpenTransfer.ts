import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { isOpen } from '@xianjie/rules'
import type { TransferView } from '@xianjie/contract'
import { api } from '../api'
import { memberIdOf } from '../transfer-view'

/**
 * The graduate's own application under way (已有业务正在办理), which a new one would only meet as a
 * 409 at the very end: `undefined` while asking, `null` when there is none, or when it is the one
 * being changed (`editing`, 修改申请). Asked again each time the page shows — back from 我的接转
 * after a submit or a withdrawal lands on pages that were rendered before either.
 */
export function useOpenTransfer(editing?: string): TransferView | null | undefined {
  const [open, setOpen] = useState<TransferView | null | undefined>(undefined)
  useDidShow(() => {
    void (async () => {
      try {
        const me = await api.me()
        if (!me?.member) return setOpen(null)
        const latest = (await api.memberTransfers(memberIdOf(me)))?.[0]
        setOpen(latest && isOpen(latest.status) ? latest : null)
      } catch {
        // Unknown is not a reason to stop anyone: the API still refuses a second one, and says so.
        setOpen(null)
      }
    })()
  })
  return open && open.id === editing ? null : open
}
