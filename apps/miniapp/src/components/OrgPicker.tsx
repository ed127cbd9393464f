import { useEffect, useRef, useState } from 'react'
import { View, Text, Button, Input } from '@tarojs/components'
import { isSeparateSystemProvince, ORG_KIND_LABELS, provinceLabel, type Fit } from '@xianjie/rules'
import { ORG_SEARCH_RESULTS_MAX, type OrgRef, type OrgView } from '@xianjie/contract'
import { api } from '../api'
import { useAction } from '../hooks/useAction'
import { zh } from '../i18n/zh'
import { ORG_SEPARATOR } from '../org-label'
import { ErrorBanner } from './ErrorBanner'

interface Props {
  /** Whether this org may be picked (from the rules library's `targetFits`), with the reason if not. */
  fits: (org: OrgView) => Fit
  onPick: (org: OrgView) => void
  selectedId?: string
  /** Start below this org (e.g. the receiving org, to assign one of its branches). */
  root?: OrgRef
}

/**
 * 选择团组织: walk the tree from the provinces down, or search by name. Every row shows its
 * path; only orgs that fit can be picked, the others say why not.
 */
export function OrgPicker({ fits, onPick, selectedId, root }: Props) {
  // Each level opened, and whether opening it crossed into a separate-system province.
  const [stack, setStack] = useState<Level[]>([])
  // The single national root opened on its own: it is the top, nothing above it to go back to.
  const [rootOpened, setRootOpened] = useState(false)
  const [rows, setRows] = useState<OrgView[] | null>(null)
  const [query, setQuery] = useState('')
  const [searched, setSearched] = useState('')
  const { busy, error, run } = useAction()
  // While a list is asked for, the old rows are gone (a tap on one would pick from the last list)
  // and the wait says which it is; a failed ask is asked again as it was.
  const [searching, setSearching] = useState(false)
  const lastAsk = useRef<() => void>(() => undefined)
  const current = stack[stack.length - 1]
  const parentId = current?.org.id ?? root?.id

  const loadChildren = async (id: string | undefined) => {
    await run(async () => {
      lastAsk.current = () => void loadChildren(id)
      setRows(null)
      const list = await api.orgs(id ? { parentId: id } : {})
      // A single national root says nothing: open it so the list starts at the provinces.
      if (!id && list.length === 1 && list[0]!.hasChildren && !root) {
        const only = list[0]!
        setStack([{ org: { id: only.id, name: only.name }, separate: false }])
        setRootOpened(true)
        setRows(await api.orgs({ parentId: only.id }))
      } else {
        setRows(list)
      }
    })
  }

  useEffect(() => {
    void loadChildren(root?.id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root?.id])

  const open = (org: OrgView) => {
    // From a search hit the levels are the hit's own ancestors, not wherever the list was before.
    const base = searched ? levelsOf(org, root) : stack
    setSearched('')
    setQuery('')
    const separate = isSeparateSystemProvince(org.province) && !root
    setStack([...base, { org: { id: org.id, name: org.name }, separate }])
    setRows(null)
    if (!separate) void loadChildren(org.id)
  }
  /** Back to a level of the breadcrumb (-1: the top). */
  const goTo = (index: number) => {
    const next = stack.slice(0, index + 1)
    setStack(next)
    setSearched('')
    void loadChildren(next[next.length - 1]?.org.id ?? root?.id)
  }
  const up = () => goTo(stack.length - 2)
  const search = async () => {
    const q = query.trim()
    if (!q) {
      setSearched('')
      return loadChildren(parentId)
    }
    await find(q)
  }
  const find = async (q: string) => {
    await run(async () => {
      lastAsk.current = () => void find(q)
      setRows(null)
      setSearching(true)
      try {
        // Below a root (assigning a branch) only its own subtree is searched.
        setRows(await api.orgs(root ? { q, parentId: root.id } : { q }))
        setSearched(q)
      } finally {
        setSearching(false)
      }
    })
  }

  // Search as the name is typed (after a pause): finding the org costs no tap.
  useEffect(() => {
    const q = query.trim()
    if ([...q].length < SEARCH_MIN_CHARS || q === searched) return undefined
    const timer = setTimeout(() => void search(), SEARCH_PAUSE_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query])

  const separate = !searched && !!current?.separate
  return (
    <View className="org-picker">
      <View className="picker-search">
        <Input
          className="field-input"
          value={query}
          placeholder={zh.picker.searchPlaceholder}
          confirmType="search"
          aria-label={zh.picker.searchPlaceholder}
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className="btn btn-primary picker-search-btn" onClick={() => void search()}>{zh.picker.search}</Button>
      </View>
      <ErrorBanner error={error} onRetry={() => lastAsk.current()} />
      {!searched ? <Crumbs root={root} stack={stack} base={rootOpened ? 1 : 0} onGo={goTo} onUp={up} /> : null}
      {searched ? (
        <View className="picker-crumbs">
          <Text className="muted small">“{searched}”</Text>
          <Button className="btn btn-text" onClick={() => { setQuery(''); setSearched(''); void loadChildren(parentId) }}>
            {zh.picker.clear}
          </Button>
        </View>
      ) : null}
      {separate ? (
        <View className="notice">
          <View className="card-title">{zh.picker.separateTitle}</View>
          <View>{zh.picker.separateNotAllowed}</View>
        </View>
      ) : null}
      {busy && !rows ? <View className="muted">{searching ? zh.picker.searching : zh.common.loading}</View> : null}
      {!separate && rows && rows.length === 0 ? <View className="muted">{zh.picker.noResult}</View> : null}
      {searched && rows && rows.length >= ORG_SEARCH_RESULTS_MAX ? <View className="notice">{zh.picker.tooMany(ORG_SEARCH_RESULTS_MAX)}</View> : null}
      {!separate && rows
        ? rows.map((org) => (
            <OrgRow key={org.id} org={org} fit={fits(org)} selected={org.id === selectedId}
              showPath={!!searched} onOpen={() => open(org)} onPick={() => onPick(org)} />
          ))
        : null}
    </View>
  )
}

const SEARCH_MIN_CHARS = 2
const SEARCH_PAUSE_MS = 400

interface Level {
  org: OrgRef
  separate: boolean
}

/** The levels above a search hit, from its path (root … self), below the picker's own root if it has one. */
function levelsOf(org: OrgView, root?: OrgRef): Level[] {
  const above = org.path.slice(0, -1)
  const start = root ? above.findIndex((p) => p.id === root.id) + 1 : 0
  return above.slice(start).map((p) => ({ org: p, separate: false }))
}

interface CrumbsProps {
  root?: OrgRef
  stack: Level[]
  /** Levels that are always there (the national root opened on its own): no "up" past them, and no 全国 above them. */
  base: number
  onGo: (index: number) => void
  onUp: () => void
}

/**
 * Where the list is (each level tappable) and 返回上一级, at every level below the top. Below
 * several roots the first crumb is 全国, the roots' own list: the way back to the first level.
 */
function Crumbs({ root, stack, base, onGo, onUp }: CrumbsProps) {
  const top = root ? [{ name: root.name, index: -1 }] : !base && stack.length ? [{ name: zh.picker.top, index: -1 }] : []
  const levels = [...top, ...stack.map((l, i) => ({ name: l.org.name, index: i }))]
  if (!levels.length) return null
  const canUp = stack.length > base
  return (
    <View className="picker-crumbs">
      <View className="crumbs">
        {levels.map((l, i) => (
          <Text key={`${l.index}`} className={`crumb${i === levels.length - 1 ? ' crumb-here' : ''}`}
            onClick={i === levels.length - 1 ? undefined : () => onGo(l.index)}>
            {i ? ORG_SEPARATOR : ''}{l.name}
          </Text>
        ))}
      </View>
      {canUp ? <Button className="btn btn-text" onClick={onUp}>‹ {zh.picker.up}</Button> : null}
    </View>
  )
}

interface RowProps {
  org: OrgView
  fit: Fit
  selected: boolean
  showPath: boolean
  onOpen: () => void
  onPick: () => void
}

function OrgRow({ org, fit, selected, showPath, onOpen, onPick }: RowProps) {
  const path = org.path.slice(0, -1).map((p) => p.name).join(ORG_SEPARATOR)
  const separate = isSeparateSystemProvince(org.province)
  return (
    <View className={`list-item org-row${selected ? ' org-row-selected' : ''}`} data-org-id={org.id}>
      <View className="org-row-main" onClick={org.hasChildren ? onOpen : undefined}>
        <View className="list-item-title">
          <Text>{org.name}</Text>
          {separate ? <Text className="tag">{zh.picker.separate}</Text> : null}
        </View>
        <View className="list-item-sub">
          {[ORG_KIND_LABELS[org.kind] ?? org.kind, provinceLabel(org.province)].filter(Boolean).join(' · ')}
        </View>
        {showPath && path ? <View className="list-item-sub org-path">{path}</View> : null}
        {!fit.ok ? <View className="list-item-sub org-unfit">{fit.reason}</View> : null}
      </View>
      <View className="org-row-actions">
        {fit.ok ? (
          <Button className={`btn ${selected ? '' : 'btn-primary'} btn-small`} onClick={onPick}>
            {selected ? zh.picker.picked : zh.picker.pick}
          </Button>
        ) : null}
        {org.hasChildren && !separate ? (
          <Button className="btn btn-small" onClick={onOpen}>{zh.picker.open} ›</Button>
        ) : null}
      </View>
    </View>
  )
}
