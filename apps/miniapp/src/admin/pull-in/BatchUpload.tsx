import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import type { PullInBatchResult } from '@xianjie/contract'
import { api, toApiError, XLSX_TYPE } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { zh } from '../../i18n/zh'

const IS_H5 = process.env.TARO_ENV === 'h5'

/** 批量转入: an .xlsx of the intake (H5 file input, as 导入名单); every row answered by the API. */
export function BatchUpload() {
  const z = zh.admin.pullIn
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<PullInBatchResult | null>(null)
  const [error, setError] = useState('')

  const upload = async (name: string, bytes: ArrayBuffer) => {
    setResult(null)
    setError('')
    if (!/\.xlsx$/i.test(name)) return setError(zh.import.notXlsx)
    setBusy(true)
    try {
      setResult(await api.pullInBatch(bytes))
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    input.value = ''
    if (file) await upload(file.name, await file.arrayBuffer())
  }
  const template = async () => {
    setError('')
    try {
      const bytes = await api.pullInTemplate()
      const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }))
      const a = document.createElement('a')
      a.href = url
      a.download = '批量转入模板.xlsx'
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (e) {
      setError(toApiError(e).message)
    }
  }

  // The weapp has no file input; batches are an office job, done from the H5 page on a computer.
  if (!IS_H5) return null
  return (
    <View className="card pull-in-batch">
      <View className="card-title">{z.batch}</View>
      <View className="muted small">{z.batchIntro}</View>
      <label className="btn btn-primary">
        {z.batchPick}
        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="pull-in-file"
          disabled={busy} style={{ display: 'none' }} onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      <Button className="btn btn-text" onClick={() => void template()}>{z.batchTemplate}</Button>
      {busy ? <View className="muted">{z.batchUploading}</View> : null}
      <ErrorBanner error={error} />
      {result ? (
        <View data-testid="pull-in-result">
          <View className="card-title">{z.batchDone(result.counts.started, result.total)}</View>
          {result.rows.map((r) => (
            <View key={r.row} className="small batch-row" data-status={r.status}>
              <Text>{`${z.row(r.row)} ${r.memberName} ${r.idNumberMasked}：`}</Text>
              <Text className={r.status === 'started' ? 'tag' : 'tag tag-gray'}>{z.rowStatus[r.status] ?? r.status}</Text>
              {r.status !== 'started' ? <Text>{` ${r.message}`}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
