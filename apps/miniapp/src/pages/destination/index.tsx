import { useEffect, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import { DESTINATION_TEXT_MAX, DESTINATION_TOWNSHIP_MAX, type DestinationReportBody, type DestinationReportView } from '@xianjie/contract'
import { answerLabel, DETAIL_DESTINATION, questions, type Destination, type DestinationDetail } from '@xianjie/rules'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { Field } from '../../components/Field'
import { QuestionCard } from '../../components/QuestionCard'
import { useAction } from '../../hooks/useAction'
import { formatTime, zh } from '../../i18n/zh'
import { nav } from '../../nav'

type TextKey = 'organisationName' | 'organisationAddress' | 'organisationTownship' | 'householdRegistration' | 'residence'
const TEXTS: TextKey[] = ['organisationName', 'organisationAddress', 'organisationTownship', 'householdRegistration', 'residence']
/** No unit named in the system: a classified employer by rule, the forces through the provincial committee. */
const NO_ORG: readonly Destination[] = ['classified', 'military']
/** Where the receiving side is found by the name typed here: the school, the employer. */
const NAME_NEEDED: readonly Destination[] = ['further-study', 'employed']
/** The one detail each destination may carry (it gets the later deadline). */
const DETAIL_OF = Object.fromEntries(Object.entries(DETAIL_DESTINATION).map(([d, dest]) => [dest, d])) as Partial<Record<Destination, DestinationDetail>>

const empty = (): Record<TextKey, string> => ({ organisationName: '', organisationAddress: '', organisationTownship: '', householdRegistration: '', residence: '' })

/**
 * 毕业去向预填 (domain §5): the school collects each graduate's destination in advance — employer
 * or school, address, township, household registration and residence. Saved whole each time, so
 * the graduate can come back and change it; what the rules keep out of the system (a classified
 * employer) is never asked.
 */
export default function DestinationPage() {
  const [destination, setDestination] = useState<Destination | null>(null)
  const [detail, setDetail] = useState<DestinationDetail | null>(null)
  const [texts, setTexts] = useState(empty)
  const [saved, setSaved] = useState<DestinationReportView | null>(null)
  const [justSaved, setJustSaved] = useState(false)
  // The ten options with their help fill two screens: once one is chosen, it folds to one line.
  const [choosing, setChoosing] = useState(true)
  const [nameError, setNameError] = useState('')
  const load = useAction()
  const save = useAction()
  const z = zh.destination

  useEffect(() => {
    void load.run(async () => {
      const mine = await api.myDestination()
      if (!mine) return
      setSaved(mine)
      setDestination(mine.destination)
      setChoosing(false)
      setDetail(mine.destinationDetail)
      setTexts(Object.fromEntries(TEXTS.map((k) => [k, mine[k] ?? ''])) as Record<TextKey, string>)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const choose = (next: Destination) => {
    setDestination(next)
    setChoosing(false)
    if (detail && DETAIL_DESTINATION[detail] !== next) setDetail(null)
    setNameError('')
    setJustSaved(false)
  }
  const edit = (key: TextKey) => (value: string) => {
    setTexts((t) => ({ ...t, [key]: value }))
    if (key === 'organisationName') setNameError('')
    setJustSaved(false)
  }

  const submit = async () => {
    if (!destination) return
    const noOrg = NO_ORG.includes(destination)
    if (NAME_NEEDED.includes(destination) && !texts.organisationName.trim()) return setNameError(z.nameRequired)
    const body: DestinationReportBody = { destination }
    if (detail) body.destinationDetail = detail
    for (const key of TEXTS) {
      const value = texts[key].trim()
      if (value && !(noOrg && key.startsWith('organisation'))) body[key] = value
    }
    const done = await save.run(() => api.saveDestination(body))
    if (!done) return
    setSaved(done)
    setJustSaved(true)
  }

  const noOrg = destination ? NO_ORG.includes(destination) : false
  const detailOption = destination ? DETAIL_OF[destination] : undefined
  const nameLabel = destination === 'further-study' ? z.schoolName : destination === 'employed' ? z.employerName : z.orgName
  return (
    <View className="page destination">
      <View className="muted small">{z.intro}</View>
      <ErrorBanner error={load.error} />
      {load.busy ? <View className="muted">{zh.common.loading}</View> : null}
      {choosing || !destination ? (
        <QuestionCard question={questions.destination} value={destination ?? undefined} onAnswer={(v) => choose(v as Destination)} />
      ) : (
        <View className="card destination-chosen">
          <View className="muted small">{z.chosen}</View>
          <View className="destination-chosen-row">
            <Text className="option-label">{answerLabel('destination', destination)}</Text>
            <Button className="btn btn-small" onClick={() => setChoosing(true)}>{z.change}</Button>
          </View>
        </View>
      )}
      {destination && !choosing ? (
        <View className="card destination-details">
          <View className="card-title">{z.details}</View>
          {detailOption ? (
            <View className={`option${detail ? ' option-selected' : ''}`} role="checkbox" aria-checked={!!detail}
              onClick={() => { setDetail(detail ? null : detailOption); setJustSaved(false) }}>
              <Text className="option-label">{detail ? '✓ ' : ''}{detailOption === 'postgraduate' ? z.postgraduate : z.civilServant}</Text>
              <View className="option-help">{z.detailHint}</View>
            </View>
          ) : null}
          {noOrg ? <View className="notice">{z.noOrg}</View> : (
            <>
              <Field label={nameLabel} name="organisationName" value={texts.organisationName} onChange={edit('organisationName')}
                maxLength={DESTINATION_TEXT_MAX} error={nameError}
                placeholder={destination === 'further-study' ? z.schoolPlaceholder : destination === 'employed' ? z.employerPlaceholder : undefined}
                hint={destination === 'further-study' ? z.schoolHint : undefined} />
              <Field label={z.address} name="organisationAddress" value={texts.organisationAddress} onChange={edit('organisationAddress')} maxLength={DESTINATION_TEXT_MAX} />
              <Field label={z.township} name="organisationTownship" value={texts.organisationTownship} onChange={edit('organisationTownship')}
                maxLength={DESTINATION_TOWNSHIP_MAX} hint={z.townshipHint} />
            </>
          )}
          <Field label={z.household} name="householdRegistration" value={texts.householdRegistration} onChange={edit('householdRegistration')} maxLength={DESTINATION_TEXT_MAX} />
          <Field label={z.residence} name="residence" value={texts.residence} onChange={edit('residence')} maxLength={DESTINATION_TEXT_MAX} />
          <ErrorBanner error={save.error} keepsInput />
          {justSaved ? <View className="success">{z.saved}</View> : null}
          {saved ? <View className="muted small">{z.savedAt(formatTime(saved.updatedAt))}</View> : null}
          <Button className="btn btn-primary" disabled={save.busy} loading={save.busy} onClick={submit}>{z.save}</Button>
        </View>
      ) : null}
      <Button className="btn btn-text" onClick={() => nav.back()}>{zh.common.home}</Button>
    </View>
  )
}
