import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MemberCard } from '@xianjie/contract'
import { api, toApiError } from '../api'
import { copyText } from '../clipboard'
import { zh } from '../i18n/zh'
import { redirectForAuth } from './useAction'

/**
 * Calling or copying a member's number from a list. Lists carry the phone masked; the full number
 * is only on the member's card (`GET /members/:id`), and only for those over the member's current
 * branch. The card is asked for on the first tap and kept (as its promise, so quick repeated taps
 * share one request) for the page's life — never in storage. A failed request is not kept, so the
 * next tap asks again.
 */
export function useMemberPhone() {
  const cards = useRef(new Map<string, Promise<MemberCard>>())
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [copied, setCopied] = useState<string | null>(null)

  const note = (memberId: string, text: string) =>
    setNotes((all) => (all[memberId] === text ? all : { ...all, [memberId]: text }))

  const fullPhone = useCallback(async (memberId: string): Promise<string | null> => {
    note(memberId, '')
    let card = cards.current.get(memberId)
    if (!card) {
      card = api.member(memberId)
      cards.current.set(memberId, card)
      card.catch(() => cards.current.delete(memberId))
    }
    try {
      const c = await card
      if (c.phoneMasked) {
        note(memberId, zh.memberPhone.notVisible)
        return null
      }
      return c.phone
    } catch (e) {
      const err = toApiError(e)
      if (!redirectForAuth(err)) note(memberId, err.message)
      return null
    }
  }, [])

  const call = useCallback(async (memberId: string) => {
    const phone = await fullPhone(memberId)
    if (!phone) return
    try {
      await Taro.makePhoneCall({ phoneNumber: phone })
    } catch (e) {
      // Backing out of the dialler is the counsellor's choice, not a failure to report.
      if (!/cancel/.test(String((e as { errMsg?: string })?.errMsg ?? ''))) note(memberId, zh.errors.unknown)
    }
  }, [fullPhone])

  const copy = useCallback(async (memberId: string) => {
    setCopied(null)
    const phone = await fullPhone(memberId)
    if (!phone) return
    try {
      await copyText(phone)
      setCopied(memberId)
    } catch {
      note(memberId, zh.errors.unknown)
    }
  }, [fullPhone])

  return { call, copy, copied, noteFor: (memberId: string) => notes[memberId] ?? '' }
}
