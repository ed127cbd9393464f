import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { beijingDateString, DAY_TEXT_MAX, dayFromText, latestPendingRetention } from '@xianjie/rules'
import { DECISION_COMMENT_MAX, type EscalationView as Escalation } from '@xianjie/contract'
import { formatDay as day, zh } from '../i18n/zh'
import { Field } from './Field'

interface Props {
  escalation: Escalation
  busy?: boolean
  /** The school's steps; without them the panel only shows the path (the graduate's view). */
  onEscalate?: (comment: string) => void
  onRetain?: (until: string) => void
}

/**
 * A township's refusal as a path, not a dead end: each level (乡镇 → 区县 → 市), when it was
 * reached, whom to call now, the county floating branch as the fallback, and the school's
 * pending retention. The steps shown are exactly the API's `actions` for this caller.
 */
export function EscalationPanel({ escalation: e, busy, onEscalate, onRetain }: Props) {
  const z = zh.escalation
  const [comment, setComment] = useState('')
  const [retaining, setRetaining] = useState(false)
  const [until, setUntil] = useState('')
  const [untilError, setUntilError] = useState('')
  // Typed as people write dates (2027/1/1, 2027年1月1日): sent as YYYY-MM-DD.
  const retain = () => {
    const day = dayFromText(until)
    if (!day) return setUntilError(z.badDay)
    onRetain?.(day)
  }
  const nextOrg = e.levels.find((l) => l.level === e.next)
  // A new level is a new conversation: what was said to the last one is in the history already.
  useEffect(() => setComment(''), [e.level])
  return (
    <View className="card escalation">
      <View className="card-title">{z.title}</View>
      <View className="steps">
        {e.levels.map((l, i) => {
          const state = l.level === e.level ? 'current' : l.reachedAt ? 'done' : 'todo'
          return (
            <View key={l.level} className={`step step-${state}`} data-state={state}>
              <View className="step-dot">{state === 'done' ? '✓' : i + 1}</View>
              <View className="step-text">
                <Text className="step-label">{z.levels[l.level]}：{l.orgName}</Text>
                <Text className="step-when">{l.reachedAt ? z.reached(day(l.reachedAt)) : z.notYet}</Text>
              </View>
            </View>
          )
        })}
      </View>
      {e.current ? (
        <View className="contacts">
          <View className="section-title">{z.callNow}{e.current.orgName}</View>
          {e.current.contacts.length ? (
            e.current.contacts.map((c) => (
              <View className="bullet" key={`${c.name}-${c.phone}`}><Text>{c.name} {c.phone}</Text></View>
            ))
          ) : (
            <View className="muted">{z.noContacts}</View>
          )}
        </View>
      ) : null}
      {e.retainedUntil ? <View className="notice">{z.retained(day(e.retainedUntil))}</View> : null}
      {e.floatingBranch ? <View className="muted">{z.fallback(e.floatingBranch.name)}</View> : null}
      {onEscalate && e.actions.includes('escalate') && nextOrg ? (
        <View className="actions">
          <Field label={z.escalateComment} name="escalate-comment" value={comment} maxLength={DECISION_COMMENT_MAX} onChange={setComment} />
          <Button className="btn btn-primary" disabled={busy} onClick={() => onEscalate(comment.trim())}>{z.escalate(nextOrg.orgName)}</Button>
        </View>
      ) : null}
      {onRetain && e.actions.includes('retain-pending') ? (
        retaining ? (
          <View className="actions">
            <Field label={z.retainUntil} name="retain-until" value={until} maxLength={DAY_TEXT_MAX} error={untilError}
              onChange={(v) => { setUntil(v); setUntilError('') }} />
            <View className="muted small">{z.retainHint(beijingDateString(latestPendingRetention(new Date())))}</View>
            <View className="btn-row">
              <Button className="btn" onClick={() => setRetaining(false)}>{zh.common.cancel}</Button>
              <Button className="btn btn-primary" disabled={busy || !until.trim()} onClick={retain}>{z.retainConfirm}</Button>
            </View>
          </View>
        ) : (
          <Button className="btn" onClick={() => setRetaining(true)}>{z.retain}</Button>
        )
      ) : null}
    </View>
  )
}
