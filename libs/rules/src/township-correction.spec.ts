import { canBeTownship, caseOf, correctionRefusal, fullOrgName, nextCorrectionLevel, TOWNSHIP_CORRECTION_CASE_LABELS } from './township-correction';

const township = { kind: 'working-committee', domain: 'township' } as const;
const enterprise = { kind: 'committee', domain: 'enterprise' } as const;

describe('township flag corrections', () => {
  it('only township-domain committees, working committees and general branches carry the flag', () => {
    expect(canBeTownship(township)).toBe(true);
    expect(canBeTownship({ kind: 'general-branch', domain: 'township' })).toBe(true);
    expect(canBeTownship({ kind: 'branch', domain: 'township' })).toBe(false);
    expect(canBeTownship(enterprise)).toBe(false);
  });

  it('wrongly flagged: on, should be off', () => {
    expect(correctionRefusal('wrongly-flagged', true, false, township)).toBeNull();
    expect(correctionRefusal('wrongly-flagged', false, false, township)).toBe('case-mismatch');
    expect(correctionRefusal('wrongly-flagged', true, true, township)).toBe('case-mismatch');
  });

  it('wrongly not flagged: off, should be on, and only where the org may carry it', () => {
    expect(correctionRefusal('wrongly-not-flagged', false, true, township)).toBeNull();
    expect(correctionRefusal('wrongly-not-flagged', true, true, township)).toBe('case-mismatch');
    expect(correctionRefusal('wrongly-not-flagged', false, true, enterprise)).toBe('not-township-capable');
  });

  it('flag empty: either way, identifying it', () => {
    expect(correctionRefusal('flag-empty', false, true, township)).toBeNull();
    expect(correctionRefusal('flag-empty', false, false, enterprise)).toBeNull();
    expect(correctionRefusal('flag-empty', false, true, enterprise)).toBe('not-township-capable');
  });

  it('the case of a plain report', () => {
    expect(caseOf(true, false)).toBe('wrongly-flagged');
    expect(caseOf(false, true)).toBe('wrongly-not-flagged');
    expect(caseOf(false, false)).toBe('flag-empty');
    expect(TOWNSHIP_CORRECTION_CASE_LABELS['flag-empty']).toContain('未识别');
  });

  it('level by level: the parent, then from the province to the centre, then nowhere', () => {
    expect(nextCorrectionLevel({ kind: 'leading-organ', province: 'hubei', parentId: 'wuhan' })).toBe('parent');
    expect(nextCorrectionLevel({ kind: 'leading-organ', province: 'hubei', parentId: null })).toBe('centre');
    expect(nextCorrectionLevel({ kind: 'leading-organ', province: 'central', parentId: null })).toBeNull();
    expect(nextCorrectionLevel({ kind: 'committee', province: 'hubei', parentId: null })).toBeNull();
  });

  it('the org named in full, root first', () => {
    expect(fullOrgName([{ name: '共青团湖北省委' }, { name: '共青团武汉市委' }, { name: '关山街道团工委' }])).toBe('共青团湖北省委 / 共青团武汉市委 / 关山街道团工委');
  });
});
