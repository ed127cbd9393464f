import { render, screen } from '@testing-library/react'
import { resolve } from '@xianjie/rules'
import { ResolutionCard } from './ResolutionCard'
import { Timeline } from './Timeline'
import { transfer } from '../../test/fixtures'

test('the resolution card says what to do on paper: enlistment papers, re-issuing lost files where the member joined', () => {
  render(<ResolutionCard resolution={resolve({ destination: 'military' })} destination="military" />)
  expect(screen.getByText('线下手续')).toBeTruthy()
  expect(screen.getByText(/和入伍手续一起办理/)).toBeTruthy()
  expect(screen.getByText(/到你入团时所在的团组织补办入团志愿书、团员证/)).toBeTruthy()
})

test('nothing on paper while waiting for the admitted school', () => {
  render(<ResolutionCard resolution={resolve({ destination: 'further-study', admittedSchoolOrgReady: false })} />)
  expect(screen.queryByText('线下手续')).toBeNull()
})

test('the timeline of a special-unit transfer says it too; a withdrawn one does not', () => {
  const { unmount } = render(<Timeline transfer={transfer({ path: 'special-unit', target: 'special-unit-library', answers: { destination: 'military' } })} />)
  expect(screen.getByText(/和入伍手续一起办理/)).toBeTruthy()
  expect(screen.getByText(/不影响在系统中办理转接/)).toBeTruthy()
  unmount()
  render(<Timeline transfer={transfer({ status: 'withdrawn', answers: { destination: 'military' } })} />)
  expect(screen.queryByText('线下手续')).toBeNull()
})
