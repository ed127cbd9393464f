import { useEffect, useState } from 'react'
import { schoolBranchPurpose, type TargetKind } from '@xianjie/rules'
import type { Me } from '@xianjie/contract'
import { api } from '../api'
import type { ReceiverChoice } from '../store/draft'
import { useAction } from './useAction'

/** The caller's profile, asked for once per page. */
export function useMe() {
  const [me, setMe] = useState<Me | null>(null)
  const load = useAction()
  const reload = () => void load.run(async () => setMe(await api.me()))
  useEffect(() => {
    reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return { me, error: load.error, reload }
}

/**
 * A receiver the graduate need not search for: kept at school (study abroad, delayed graduation,
 * the floating branch) it is their own school's branch of that purpose, which /me names.
 * Null for every other target, or when the school has no such branch (then the picker says why).
 */
export function knownReceiver(target: TargetKind, me: Me | null): ReceiverChoice | null {
  const purpose = schoolBranchPurpose(target)
  const org = purpose ? me?.member?.schoolBranches?.[purpose] : undefined
  return org ? { orgId: org.id, orgName: org.name } : null
}
