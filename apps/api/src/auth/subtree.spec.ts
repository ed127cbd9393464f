import { isWithin, isWithinAny } from './subtree';

describe('isWithin', () => {
  it('holds for the root itself and everything below it', () => {
    expect(isWithin('/hubei/chutian/', '/hubei/chutian/')).toBe(true);
    expect(isWithin('/hubei/chutian/cs/cs2201/', '/hubei/chutian/')).toBe(true);
  });

  it('not for an ancestor, a sibling, or a sibling whose id merely starts the same', () => {
    expect(isWithin('/hubei/', '/hubei/chutian/')).toBe(false);
    expect(isWithin('/hubei/wuhan/', '/hubei/chutian/')).toBe(false);
    expect(isWithin('/hubei/chutian2/cs/', '/hubei/chutian/')).toBe(false);
  });
});

describe('isWithinAny', () => {
  it('inside one of several roots; nothing is inside no roots; an unknown org is inside none', () => {
    expect(isWithinAny('/hubei/wuhan/hongshan/', ['/hubei/chutian/', '/hubei/wuhan/'])).toBe(true);
    expect(isWithinAny('/beijing/', ['/hubei/chutian/', '/hubei/wuhan/'])).toBe(false);
    expect(isWithinAny('/hubei/', [])).toBe(false);
    expect(isWithinAny(undefined, ['/'])).toBe(false);
  });
});
