import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import type { ImportProblem, ImportReport } from '@xianjie/contract'
import { api, toApiError, XLSX_TYPE } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { zh } from '../../i18n/zh'
import { nav } from '../../nav'
import '../admin.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'
/** A long list of problems is fixed from the top; the rest follow on the next upload. */
const SHOWN = 200

/** A weapp file from a WeChat chat (wx.chooseMessageFile), read into memory. */
async function chooseFromChat(): Promise<{ name: string; bytes: ArrayBuffer } | null> {
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
  const file = picked.tempFiles[0]
  if (!file) return null
  const read = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath: file.path, success: (r) => resolve(r.data as ArrayBuffer), fail: reject })
  })
  return { name: file.name, bytes: read }
}

/** 导入名单: an org admin uploads the roster workbook; the server checks all of it before writing any. */
export default function ImportPage() {
  const z = zh.import
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [problems, setProblems] = useState<ImportProblem[]>([])
  const [error, setError] = useState('')

  const upload = async (name: string, bytes: ArrayBuffer) => {
    setReport(null)
    setProblems([])
    setError('')
    if (!/\.xlsx$/i.test(name)) return setError(z.notXlsx)
    setBusy(true)
    try {
      setReport(await api.importRoster(bytes))
    } catch (e) {
      const err = toApiError(e)
      if (err.problems.length) setProblems(err.problems)
      else setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  const pickWeapp = async () => {
    try {
      const file = await chooseFromChat()
      if (file) await upload(file.name, file.bytes)
    } catch {
      /* the person closed the picker */
    }
  }

  const onH5File = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    input.value = ''
    if (file) await upload(file.name, await file.arrayBuffer())
  }

  const downloadTemplate = async () => {
    setError('')
    try {
      const bytes = await api.importTemplate()
      const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }))
      const a = document.createElement('a')
      a.href = url
      a.download = '导入名单模板.xlsx'
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (e) {
      setError(toApiError(e).message)
    }
  }

  return (
    <View className="page import">
      <View className="page-title">{z.title}</View>
      <View className="notice">{z.intro}</View>
      <ErrorBanner error={error} />
      {IS_H5 ? (
        <View>
          <label className="btn btn-primary">
            {z.pickH5}
            <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="roster-file" disabled={busy} style={{ display: 'none' }} onChange={(e) => void onH5File(e.currentTarget)} />
          </label>
          <Button className="btn btn-text" onClick={downloadTemplate}>{z.template}</Button>
        </View>
      ) : (
        <Button className="btn btn-primary" disabled={busy} onClick={pickWeapp}>{z.pickWeapp}</Button>
      )}
      {busy ? <View className="muted">{z.uploading}</View> : null}
      {report ? (
        <View className="card">
          <View className="card-title">{z.done}</View>
          {(['orgs', 'members', 'admins'] as const).map((k) => <View key={k}>{z.tally(z.labels[k]!, report[k])}</View>)}
        </View>
      ) : null}
      {problems.length ? (
        <View className="card">
          <View className="error-text">{z.problems(problems.length)}</View>
          {problems.slice(0, SHOWN).map((p, i) => (
            <View key={i} className="small" data-problem>{`${p.where ?? p.row}：${p.message}`}</View>
          ))}
          {problems.length > SHOWN ? <View className="muted small">{z.more(problems.length - SHOWN)}</View> : null}
        </View>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back()}>{z.back}</Button>
    </View>
  )
}
