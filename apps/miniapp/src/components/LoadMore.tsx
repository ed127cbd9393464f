import { Button } from '@tarojs/components'
import type { ApiError } from '../api'
import { zh } from '../i18n/zh'
import { ErrorBanner } from './ErrorBanner'

interface Props {
  /** How many the list holds beyond what is shown; nothing is drawn at 0. */
  left: number
  busy: boolean
  error: ApiError | null
  onMore: () => void
}

/** The end of a paged list: how many more there are, one tap to show them (and why, if that failed). */
export function LoadMore({ left, busy, error, onMore }: Props) {
  return (
    <>
      <ErrorBanner error={error} />
      {left > 0 ? (
        <Button className="btn load-more" disabled={busy} onClick={onMore}>{busy ? zh.common.loading : zh.common.loadMore(left)}</Button>
      ) : null}
    </>
  )
}
