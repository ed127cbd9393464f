import { View } from '@tarojs/components'
import { zh } from '../i18n/zh'
import type { OpenedOrg } from './watched-org'

/** A season's list (a school's work) opened on an org outside any school: its title and a plain note, no empty lists. */
export function NotSchoolPage({ className, title, org }: { className: string; title: string; org: OpenedOrg }) {
  return (
    <View className={`page ${className}`}>
      <View className="page-title">{title}</View>
      <View className="notice not-school">{zh.campaign.notSchoolList(org.name)}</View>
    </View>
  )
}
