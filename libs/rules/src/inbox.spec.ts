import { inboxPendingStatuses } from './inbox';

describe('inboxPendingStatuses', () => {
  it('is each box party’s own steps', () => {
    expect(inboxPendingStatuses('outgoing')).toEqual(['pending-outgoing']);
    expect(inboxPendingStatuses('incoming')).toEqual(['pending-incoming', 'pending-assignment']);
    expect(inboxPendingStatuses('provincial')).toEqual(['pending-provincial']);
  });
});
