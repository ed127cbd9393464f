import { fireEvent, render, screen } from '@testing-library/react'
import { apiError, networkError } from '../../test/fixtures'
import { ErrorBanner } from './ErrorBanner'

test('a lost connection says typed input is kept only on a form that keeps it', () => {
  const { rerender } = render(<ErrorBanner error={networkError()} />)
  expect(screen.getByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
  expect(screen.queryByText(/不会丢失/)).toBeNull()
  rerender(<ErrorBanner error={networkError()} keepsInput />)
  expect(screen.getByText('网络连接失败，请检查网络后重试。已填写的内容不会丢失。')).toBeTruthy()
  // Any other failure is the API's own message, as is.
  rerender(<ErrorBanner error={apiError(409, 'PHONE_TAKEN', '该手机号已被其他账号使用')} keepsInput />)
  expect(screen.getByText('该手机号已被其他账号使用')).toBeTruthy()
})

test('重试 only where the page can ask again', () => {
  const retry = jest.fn()
  const { rerender } = render(<ErrorBanner error="出了点问题，请稍后重试。" />)
  expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
  rerender(<ErrorBanner error="出了点问题，请稍后重试。" onRetry={retry} />)
  fireEvent.click(screen.getByText('重试'))
  expect(retry).toHaveBeenCalledTimes(1)
})
