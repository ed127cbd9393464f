import { View } from '@tarojs/components'
import { targetFits } from '@xianjie/rules'
import type { OrgView } from '@xianjie/contract'
import { useOpenTransferGate } from '../../components/OpenTransferCard'
import { OrgPicker } from '../../components/OrgPicker'
import { useResolution } from '../../hooks/useResolution'
import { zh } from '../../i18n/zh'
import { nav, ROUTES } from '../../nav'
import { draftStore, useDraft } from '../../store/draft'
import { UnresolvedAnswers } from '../../components/ResolutionCard'

/** 选择接收组织: only orgs that fit the graduate's resolution can be picked. */
export default function ReceiverPage() {
  const draft = useDraft()
  const state = useResolution(draft.answers, 'member')
  const gate = useOpenTransferGate(draft.editing, state.ok)
  if (gate) return gate
  if (!state.ok) return <UnresolvedAnswers page message={state.error.message} onBack={() => nav.replace(ROUTES.questionnaire)} />
  const r = state.resolution
  const pick = (org: OrgView) => {
    draftStore.update({
      receiver: { orgId: org.id, orgName: org.name, pathText: org.path.map((p) => p.name).join(' / ') },
    })
    nav.to(ROUTES.apply)
  }
  return (
    <View className="page">
      <View className="page-title">{zh.picker.title}</View>
      <View className="muted picker-target">
        {zh.resolution.goesTo}：{zh.resolution.targets[r.target] ?? r.target}
      </View>
      <OrgPicker
        fits={(org) => targetFits(r.target, org, { crossSystem: r.crossSystem })}
        onPick={pick}
        selectedId={draft.receiver?.orgId}
      />
    </View>
  )
}
