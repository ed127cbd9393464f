/**
 * The element is in the action bar that stays at the bottom of the screen: inside
 * `.sticky-actions`, on a page marked `.has-sticky-actions`. Without the page's mark, .page's
 * sideways clip keeps the bar from sticking (admin.scss); jsdom lays nothing out, so the two
 * classes are what a page test can hold a page to.
 */
export function expectPinned(el: HTMLElement): void {
  const bar = el.closest('.sticky-actions')
  expect(bar).not.toBeNull()
  expect(bar!.closest('.page')?.classList.contains('has-sticky-actions')).toBe(true)
}
