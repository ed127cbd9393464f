import { View, Text, Button } from '@tarojs/components'
import type { FloatingBranchOption } from '@xianjie/contract'
import { zh } from '../../i18n/zh'

interface Props {
  year: number
  branches: FloatingBranchOption[]
  chosen: string
  onChoose: (id: string) => void
  onImport: () => void
}

/**
 * Which of the school's floating branches takes them: the year's own first (the API suggests it,
 * and it is tagged), else the school chooses. None yet: how to create one (数据导入, purpose floating).
 */
export function BranchChooser({ year, branches, chosen, onChoose, onImport }: Props) {
  const z = zh.unplaced
  if (!branches.length) {
    return (
      <View className="notice no-floating">
        <View>{z.noBranches(year)}</View>
        <Button className="btn btn-small" onClick={onImport}>{z.toImport}</Button>
      </View>
    )
  }
  return (
    <View className="card floating-branches" role="radiogroup" aria-label={z.branch}>
      <View className="card-title">{z.branch}</View>
      {branches.map((b) => {
        const on = b.id === chosen
        return (
          <View key={b.id} className={`option radio-row${on ? ' option-selected' : ''}`} role="radio" aria-checked={on} aria-label={b.name}
            onClick={() => onChoose(b.id)}>
            <View className={`radio${on ? ' radio-on' : ''}`} />
            <View className="radio-main">
              <Text className="option-label">{b.name}</Text>
              {b.forYear ? <Text className="tag tag-ok">{z.forYear}</Text> : null}
            </View>
          </View>
        )
      })}
      {!chosen ? <View className="muted small choose-one">{z.chooseOne}</View> : null}
    </View>
  )
}
