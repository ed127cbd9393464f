import { transfer } from '../../test/fixtures'
import { draftFrom, redoFrom } from './draft'

test('a redo keeps the receiver named with its parent, so the form shows which one was kept', () => {
  const rejected = transfer({
    status: 'rejected', rejectionReason: '单位名称有误',
    targetOrgId: 'df-rd', targetOrgName: '研发中心团支部', targetOrgParentName: '东风智造集团有限公司团委',
  })
  const draft = redoFrom(rejected)
  expect(draft.receiver).toEqual({ orgId: 'df-rd', orgName: '研发中心团支部', pathText: '东风智造集团有限公司团委 › 研发中心团支部' })
  expect(draft.rejectedReason).toBe('单位名称有误')
  expect(draft.editing).toBeUndefined()
})

test('a receiver without a parent (a root, or a name typed for another system) has no path line', () => {
  expect(draftFrom(transfer({ targetOrgId: 'zhongyang', targetOrgName: '共青团中央', targetOrgParentName: null })).receiver)
    .toEqual({ orgId: 'zhongyang', orgName: '共青团中央' })
  expect(draftFrom(transfer({ targetOrgId: null, targetOrgName: '北京市某单位团支部', targetOrgParentName: null })).receiver)
    .toEqual({ orgName: '北京市某单位团支部' })
})
