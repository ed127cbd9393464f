import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { NAME_MAX, type PullInCandidate } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { Row } from '../../components/Row'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'

export interface Typed {
  name: string
  idNumber: string
}

const ID_SHAPE = /^[1-9]\d{16}[\dXx]$/

/** 核对身份: name + ID number → whom the API found (masked), or its one 404 whichever was wrong. */
export function MemberStep({ onFound, name = '' }: { onFound: (typed: Typed, found: PullInCandidate) => void; name?: string }) {
  const [typed, setTyped] = useState<Typed>({ name, idNumber: '' })
  const [found, setFound] = useState<PullInCandidate | null>(null)
  const [errors, setErrors] = useState<{ name?: string; idNumber?: string }>({})
  const { busy, error, run } = useAction()
  const z = zh.admin.pullIn
  const set = (key: keyof Typed) => (value: string) => {
    setTyped((t) => ({ ...t, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
    setFound(null)
  }
  const lookup = async () => {
    const name = typed.name.trim()
    const idNumber = typed.idNumber.trim()
    const problems = { name: name ? undefined : z.nameMissing, idNumber: ID_SHAPE.test(idNumber) ? undefined : z.idInvalid }
    setErrors(problems)
    if (problems.name || problems.idNumber) return
    const result = await run(() => api.pullInLookup(idNumber, name))
    if (result) setFound(result)
  }
  return (
    <View>
      <View className="card">
        <Field label={z.name} name="memberName" value={typed.name} maxLength={NAME_MAX} onChange={set('name')} error={errors.name} />
        <Field label={z.idNumber} name="memberIdNumber" type="idcard" maxLength={18} value={typed.idNumber}
          onChange={set('idNumber')} error={errors.idNumber} />
        <Button className="btn btn-primary" disabled={busy} onClick={() => void lookup()}>{busy ? zh.common.loading : z.lookup}</Button>
      </View>
      <ErrorBanner error={error} keepsInput />
      {found ? (
        <View className="card pull-in-found">
          <View className="card-title">{z.found}</View>
          <Row label={z.name} value={`${found.name} ${found.idNumberMasked}`} />
          <Row label={z.oldOrg} value={found.orgName} />
          <Row label={z.phone} value={found.phoneMasked} />
          {found.transferOpen ? (
            <View className="notice">{z.open}</View>
          ) : (
            <Button className="btn btn-primary" onClick={() => onFound({ name: typed.name.trim(), idNumber: typed.idNumber.trim() }, found)}>
              {z.confirmMember}
            </Button>
          )}
        </View>
      ) : null}
    </View>
  )
}
