import { useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import { View, Button, Image, Text } from '@tarojs/components'
import { copyText } from '../../clipboard'
import { ErrorBanner } from '../../components/ErrorBanner'
import { formatTime, zh } from '../../i18n/zh'
import { nav, ROUTES, useParams } from '../../nav'
import { api, toApiError } from '../../api'
import { isWeapp, qrDataUrl } from '../qr'
import { reminderBatch, reminderPath, type BatchItem } from '../reminder-batch'
import '../admin.scss'

const textOf = (r: BatchItem) => zh.share.text(r.name, r.url, formatTime(r.expiresAt))

/**
 * 发送提醒: the links just created, one per graduate. In the weapp, a share card to a WeChat
 * chat and a 小程序码 drawn by the API; everywhere, the text to copy; in H5 a QR code drawn on
 * the phone (see ../qr.ts).
 */
export default function SharePage() {
  const { orgId = '' } = useParams()
  const [items] = useState(() => reminderBatch.get())
  const [copied, setCopied] = useState<string | null>(null)
  const [error, setError] = useState('')
  const z = zh.share

  // The share card: the button that was tapped says whose link it carries.
  useShareAppMessage((res) => {
    const index = Number((res?.target as { dataset?: { index?: string } } | undefined)?.dataset?.index)
    const item = items[Number.isInteger(index) ? index : 0]
    if (!item) return { title: zh.appTagline, path: ROUTES.login }
    return { title: z.cardTitle(item.name), path: reminderPath(item.token) }
  })

  const copy = async (key: string, data: string) => {
    setError('')
    try {
      await copyText(data)
      setCopied(key)
    } catch {
      setError(zh.errors.unknown)
    }
  }

  const back = () => nav.back(ROUTES.adminCampaign)
  if (!items.length) {
    return (
      <View className="page share">
        <View className="page-title">{z.title}</View>
        <View className="notice">{z.empty}</View>
        <Button className="btn btn-primary" onClick={() => nav.replace(ROUTES.adminReminders, orgId ? { orgId } : undefined)}>{z.tracking}</Button>
        <Button className="btn" onClick={back}>{z.back}</Button>
      </View>
    )
  }

  return (
    <View className="page share">
      <View className="page-title">{z.title}</View>
      <View className="notice">{z.intro}</View>
      <ErrorBanner error={error} />
      {items.length > 1 ? (
        <Button className="btn btn-primary" onClick={() => copy('all', items.map(textOf).join('\n\n'))}>
          {copied === 'all' ? `${z.copyAll} ✓` : z.copyAll}
        </Button>
      ) : null}
      {items.map((r, i) => (
        <ReminderCard key={r.token} item={r} index={i} copied={copied === r.token} onCopy={() => copy(r.token, textOf(r))} />
      ))}
      <Button className="btn" onClick={() => nav.to(ROUTES.adminReminders, orgId ? { orgId } : undefined)}>{z.tracking}</Button>
      <Button className="btn btn-text" onClick={back}>{z.back}</Button>
    </View>
  )
}

interface CardProps {
  item: BatchItem
  index: number
  copied: boolean
  onCopy: () => void
}

type Qr = { kind: 'wxacode' | 'h5'; src: string; note?: string }

/** The picture for one link: the 小程序码 in the weapp (the H5 QR when the server cannot draw one), the H5 QR in a browser. */
async function drawQr(r: BatchItem): Promise<Qr> {
  if (!isWeapp()) return { kind: 'h5', src: await qrDataUrl(r.url) }
  const code = await api.reminderWxaCode(r.code)
  if (code.configured) return { kind: 'wxacode', src: code.image }
  return { kind: 'h5', src: await qrDataUrl(r.url), note: zh.share.wxacodeUnavailable }
}

function ReminderCard({ item: r, index, copied, onCopy }: CardProps) {
  const [qr, setQr] = useState<Qr | null>(null)
  const [shown, setShown] = useState(false)
  const [qrError, setQrError] = useState('')
  const z = zh.share
  const weapp = isWeapp()

  const toggleQr = async () => {
    if (shown) return setShown(false)
    setShown(true)
    if (qr) return
    setQrError('')
    try {
      setQr(await drawQr(r))
    } catch (e) {
      // The API's own words (expired, WeChat refused); a failed drawing on the phone: use the link.
      const err = toApiError(e)
      setQrError(err.status ? err.message : z.qrFailed)
    }
  }

  return (
    <View className="card reminder-card" data-member-id={r.memberId}>
      <View className="card-title">{r.name}</View>
      <View className="muted small">{r.orgName}{r.orgName ? ' · ' : ''}{z.expires(formatTime(r.expiresAt))}</View>
      <View className="muted small">{z.delivery(r.delivery)}</View>
      <View className="link-text"><Text selectable>{r.url}</Text></View>
      {weapp ? (
        <Button className="btn btn-primary" openType="share" data-index={String(index)}>{z.shareCard}</Button>
      ) : null}
      <Button className="btn" onClick={onCopy}>{copied ? `${z.copied} ✓` : z.copy}</Button>
      <Button className="btn" onClick={() => void toggleQr()}>{shown ? z.qrHide : weapp ? z.wxacode : z.qr}</Button>
      {shown ? (
        <View className="qr">
          <ErrorBanner error={qrError} />
          {qr?.note ? <View className="notice small">{qr.note}</View> : null}
          {qr ? (
            <Image className="qr-image" src={qr.src} mode="aspectFit"
              aria-label={qr.kind === 'wxacode' ? z.wxacodeAlt(r.name) : z.qrAlt(r.name)} />
          ) : null}
          {qr ? <View className="muted small">{qr.kind === 'wxacode' ? z.wxacodeHint : z.qrHint}</View> : null}
        </View>
      ) : null}
    </View>
  )
}
