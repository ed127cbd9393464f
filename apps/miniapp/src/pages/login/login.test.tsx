import { render, screen } from '@testing-library/react'
import Login from './index'

test('renders', () => {
  render(<Login />)
  expect(screen.getByText('登录')).toBeTruthy()
})
