import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { REQUESTS_PAGE_MAX, type Me, type RequestView } from '@xianjie/contract'
import { api } from '../../api'
import { ErrorBanner } from '../../components/ErrorBanner'
import { RecordDeletion } from '../../components/RecordDeletion'
import { useAction } from '../../hooks/useAction'
import { zh } from '../../i18n/zh'

/**
 * The next step for someone entered as a member by mistake. The API takes a deletion request only
 * for a record the school has marked as a non-member (`isLeagueMember: false`, set by its roster
 * import), so: marked, file it here (or see the one filed); not marked yet, who must mark it first.
 */
export function DeletionNext({ me }: { me: Me | null }) {
  const z = zh.resolution
  const d = zh.recordDeletion
  const marked = !!me && me.member?.isLeagueMember === false
  // undefined while 我提交的 is being read; null when nothing was filed about oneself.
  const [filed, setFiled] = useState<RequestView | null | undefined>(undefined)
  const load = useAction()

  useEffect(() => {
    if (!marked || !me) return
    void load.run(async () => {
      const sent = await api.requests({ box: 'sent', limit: REQUESTS_PAGE_MAX })
      // Newest first: the latest request about oneself says where it stands.
      setFiled(sent.items.find((r) => r.kind === 'record-deletion' && r.subjectId === me.id) ?? null)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [marked, me?.id])

  if (!me?.member) {
    return (
      <View className="notice">
        <View className="card-title">{z.outcomeDelete}</View>
        <View>{z.outcomeDeleteBody}</View>
      </View>
    )
  }
  if (!marked) {
    return (
      <View className="notice not-marked">
        <View className="card-title">{z.outcomeDelete}</View>
        <View className="section-title">{d.notMarkedTitle}</View>
        <View>{d.notMarkedWhy}</View>
        <View>{d.notMarkedDo}</View>
      </View>
    )
  }
  return (
    <View>
      <View className="notice">
        <View className="card-title">{z.outcomeDelete}</View>
        <View>{d.selfCanFile}</View>
      </View>
      {/* Unread (a failed load): the form still works, and the API says if one is already open. */}
      <ErrorBanner error={load.error} />
      {filed === undefined && !load.error ? <View className="muted">{zh.common.loading}</View> : (
        <RecordDeletion memberId={me.id} who="self" filed={filed} afterSent={<View className="muted small">{d.seeLater}</View>} />
      )}
    </View>
  )
}
