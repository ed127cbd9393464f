import { RulesError } from './errors';
import { canWithdraw, initialStatus, pathFor, shapeFor } from './lifecycle';
import { answerLabel, askedQuestions, nextQuestion, questions, questionsAboutMember, relevantAnswers } from './questionnaire';
import { DESTINATIONS } from './answers';
import { resolve, withdrawSentence } from './resolve';
import { schoolBranchPurpose } from './target-fit';
import { TARGET_KINDS } from './target-kinds';
import type { QuestionnaireOptions } from './questionnaire';
import type { AnswerValue, Answers, Question, QuestionId, Resolution } from './types';

type Path = { answers: Partial<Answers>; asked: QuestionId[] };

/** Values a graduate could give: every option, or the boundaries of a number question. */
function valuesOf(q: Question): AnswerValue[] {
  if (q.kind === 'single') return q.options.map((o) => o.value);
  return [q.min, 5, 6, 11, 11.5, 12, 13, q.max];
}

const FOR_SOMEONE_ELSE: QuestionnaireOptions = { forSomeoneElse: true };

/** Every complete answer set the questionnaire can produce (an admin's, answering for someone). */
function walk(answers: Partial<Answers> = {}, asked: QuestionId[] = [], opts = FOR_SOMEONE_ELSE): Path[] {
  const q = nextQuestion(answers, opts);
  if (q === null) return [{ answers, asked }];
  if (asked.includes(q.id) || asked.length > 10) throw new Error(`question loop at ${q.id}`);
  return valuesOf(q).flatMap((v) => walk({ ...answers, [q.id]: v }, [...asked, q.id], opts));
}

/** Rules every resolution must keep, whatever led to it. */
function expectConsistent(r: Resolution): void {
  expect(r.explanation.length).toBeGreaterThan(0);
  expect(r.forbiddenTargets).not.toContain(r.target);
  expect(r.needsNamedOrg).toBe(r.target !== 'special-unit-library' && r.target !== 'none');
  if (r.crossSystem) {
    expect(r.canWithdraw).toBe(false);
    expect(r.outcome).toBe('transfer');
    expect(r.reviewer).toBe('receiving-org');
  }
  if (r.target === 'special-unit-library') {
    expect(r).toMatchObject({ reviewer: 'provincial', offlinePaperwork: true, crossSystem: false });
  }
  if (r.outcome === 'retain') {
    expect(r.reviewer).toBe('college');
    expect(r.target).toMatch(/^school-(floating|abroad|delayed)-branch$/);
  }
  expect(r.retainMonths !== undefined).toBe(r.target === 'school-floating-branch');
  if (r.writtenApplication) expect(r.target).toBe('school-abroad-branch');
  if (r.target === 'admitted-school-org') expect(r.forbiddenTargets).toContain('township-org');
  if (r.outcome === 'delete-record' || r.outcome === 'enter-then-transfer') {
    expect(r).toMatchObject({ target: 'none', reviewer: 'none', canWithdraw: false });
  }
  // One withdraw sentence, the same one the explanation carries (cross-system: its own warning).
  const sentence = withdrawSentence(r);
  expect(sentence === null).toBe(r.outcome !== 'transfer' && r.outcome !== 'retain');
  if (sentence) expect(r.explanation).toContain(sentence);
  expect(r.explanation.filter((line) => line.includes('撤回')).length).toBe(sentence ? 1 : 0);
  // A school's own special branch is found by its purpose, not searched for.
  expect(schoolBranchPurpose(r.target) !== undefined).toBe(/^school-(floating|abroad|delayed)-branch$/.test(r.target));
  // The resolution's promise about withdrawing matches what the state machine will allow.
  const shape = shapeFor(r, true);
  expect(r.canWithdraw).toBe(shape !== null && canWithdraw(initialStatus(shape), shape));
  expect(pathFor(r) === null).toBe(['wait', 'delete-record', 'enter-then-transfer'].includes(r.outcome));
}

describe('nextQuestion for a graduate answering for themself', () => {
  const paths = walk({}, [], {});

  it('never asks whether they are a member or in the system: they logged in as one', () => {
    const asked = new Set(paths.flatMap((p) => p.asked));
    expect(asked.has('isLeagueMember')).toBe(false);
    expect(asked.has('inSystem')).toBe(false);
    expect(asked.has('monthsSinceGraduation')).toBe(false);
    for (const p of paths) expectConsistent(resolve(p.answers as Answers));
  });

  it('asks "employed, employer has an org, receiver elsewhere in China" in three questions', () => {
    const a: Partial<Answers> = {};
    const asked: QuestionId[] = [];
    const replies: Partial<Answers> = { destination: 'employed', employerHasLeagueOrg: true, receiverRegion: 'other' };
    for (let q = nextQuestion(a); q; q = nextQuestion(a)) {
      asked.push(q.id);
      Object.assign(a, { [q.id]: replies[q.id] });
    }
    expect(asked).toEqual(['destination', 'employerHasLeagueOrg', 'receiverRegion']);
    expect(resolve(a as Answers)).toMatchObject({ outcome: 'transfer', target: 'employer-org' });
  });

  it('asks at most three questions on any path', () => {
    expect(Math.max(...paths.map((p) => p.asked.length))).toBeLessThanOrEqual(3);
  });

  it('takes "I was entered by mistake" (the quiet link) as the whole questionnaire', () => {
    expect(nextQuestion({ isLeagueMember: false })).toBeNull();
    expect(relevantAnswers({ destination: 'employed', isLeagueMember: false })).toEqual({ isLeagueMember: false });
    expect(askedQuestions({ isLeagueMember: false }).map((q) => q.id)).toEqual(['isLeagueMember']);
    expect(resolve({ isLeagueMember: false } as Answers)).toMatchObject({ outcome: 'delete-record', target: 'none' });
  });

  it('drops identity answers a graduate was never asked', () => {
    expect(relevantAnswers({ destination: 'military', isLeagueMember: true, inSystem: false })).toEqual({ destination: 'military' });
    expect(nextQuestion({ destination: 'military', inSystem: false })).toBeNull();
  });
});

describe('nextQuestion for an admin answering for someone else: every path', () => {
  const paths = walk();

  it('terminates on every path and reaches every outcome and target', () => {
    const resolved = paths.map((p) => resolve(p.answers as Answers));
    expect(new Set(resolved.map((r) => r.outcome))).toEqual(
      new Set(['transfer', 'retain', 'wait', 'delete-record', 'enter-then-transfer']),
    );
    expect(new Set(resolved.map((r) => r.target))).toEqual(new Set(TARGET_KINDS));
    expect(new Set(paths.map((p) => p.answers.destination))).toEqual(new Set(DESTINATIONS));
    expect(resolved.some((r) => r.crossSystem)).toBe(true);
  });

  it.each(paths.map((p) => [p.asked.join(' → '), p] as const))('%s', (_name, { answers }) => {
    expectConsistent(resolve(answers as Answers));
  });

  it('asks the destination first and identity questions next', () => {
    const o = FOR_SOMEONE_ELSE;
    expect(nextQuestion({}, o)?.id).toBe('destination');
    expect(nextQuestion({ destination: 'military' }, o)?.id).toBe('isLeagueMember');
    expect(nextQuestion({ destination: 'military', isLeagueMember: true }, o)?.id).toBe('inSystem');
    expect(nextQuestion({ destination: 'military', isLeagueMember: true, inSystem: true }, o)).toBeNull();
  });

  it('stops at a "no" to either identity question', () => {
    expect(nextQuestion({ destination: 'employed', isLeagueMember: false }, FOR_SOMEONE_ELSE)).toBeNull();
    expect(nextQuestion({ destination: 'employed', isLeagueMember: true, inSystem: false }, FOR_SOMEONE_ELSE)).toBeNull();
  });

  it('skips prefilled questions', () => {
    expect(nextQuestion({ destination: 'employed', isLeagueMember: true, inSystem: true }, FOR_SOMEONE_ELSE)?.id).toBe('employerHasLeagueOrg');
  });

  it('asks only what each destination needs', () => {
    const askedFor = (d: Answers['destination']): Set<QuestionId> =>
      new Set(paths.filter((p) => p.answers.destination === d).flatMap((p) => p.asked));
    const identity = ['destination', 'isLeagueMember', 'inSystem'];
    expect(askedFor('military')).toEqual(new Set(identity));
    expect(askedFor('study-abroad')).toEqual(new Set(identity));
    expect(askedFor('suspended')).toEqual(new Set(identity));
    expect(askedFor('further-study')).toEqual(new Set([...identity, 'admittedSchoolOrgReady', 'receiverRegion']));
    expect(askedFor('employed')).toEqual(new Set([...identity, 'employerHasLeagueOrg', 'receiverRegion']));
    expect(askedFor('unplaced')).toEqual(
      new Set([...identity, 'unplacedPlan', 'receiverRegion']),
    );
  });

  it('never asks how long ago the graduate graduated: the server holds the graduation date', () => {
    const retain: Partial<Answers> = { destination: 'unplaced', isLeagueMember: true, inSystem: true, unplacedPlan: 'retain-at-school' };
    expect(nextQuestion(retain, FOR_SOMEONE_ELSE)).toBeNull();
    expect(paths.some((p) => p.asked.includes('monthsSinceGraduation'))).toBe(false);
    expect(resolve(retain as Answers)).toMatchObject({ outcome: 'retain', target: 'school-floating-branch' });
  });
});

describe('questions as data', () => {
  it('every question has an id matching its key, a Chinese prompt and help, and labelled options', () => {
    for (const [key, q] of Object.entries(questions)) {
      expect(q.id).toBe(key);
      expect(q.prompt).toMatch(/[\u4e00-\u9fff]/);
      expect(q.help).toMatch(/[\u4e00-\u9fff]/);
      if (q.kind === 'single') {
        expect(q.options.length).toBeGreaterThanOrEqual(2);
        for (const o of q.options) expect(o.label).toMatch(/[\u4e00-\u9fff]/);
      } else {
        expect(q.options).toEqual([]);
        expect(q.min).toBeLessThan(q.max);
      }
    }
  });

  it('tells the graduate the things most often got wrong', () => {
    const studyAbroad = questions.destination.options.find((o) => o.value === 'study-abroad');
    expect(studyAbroad?.help).toContain('不算“升学”');
    expect(questions.destination.help).toContain('档案');
    expect(questions.destination.help).toContain('团员证');
    expect(questions.isLeagueMember.help).toContain('28周岁以下的中共党员');
    expect(questions.receiverRegion.help).toContain('不能撤回');
    // Central units in Beijing are in the national system (domain §7).
    expect(questions.receiverRegion.help).toContain('中央和国家机关团工委');
    expect(questions.receiverRegion.help).toContain('不算跨系统');
    expect(questions.monthsSinceGraduation.help).toContain('12个月');
  });
});

describe('askedQuestions and relevantAnswers', () => {
  it('lists the answered questions in asking order', () => {
    const a: Partial<Answers> = { receiverRegion: 'other', destination: 'abroad-private', isLeagueMember: true };
    expect(askedQuestions(a, FOR_SOMEONE_ELSE).map((q) => q.id)).toEqual(['destination', 'isLeagueMember']);
    expect(askedQuestions(a).map((q) => q.id)).toEqual(['destination', 'receiverRegion']);
  });

  it('drops answers left over from an abandoned branch', () => {
    const switched: Partial<Answers> = {
      destination: 'unplaced', isLeagueMember: true, inSystem: true,
      unplacedPlan: 'retain-at-school', receiverRegion: 'beijing', monthsSinceGraduation: 2,
      employerHasLeagueOrg: true,
    };
    expect(relevantAnswers(switched, FOR_SOMEONE_ELSE)).toEqual({
      destination: 'unplaced', isLeagueMember: true, inSystem: true, unplacedPlan: 'retain-at-school',
    });
    expect(relevantAnswers(switched)).toEqual({ destination: 'unplaced', unplacedPlan: 'retain-at-school' });
    expect(() => resolve(switched as Answers)).toThrow(RulesError);
    expect(resolve(relevantAnswers(switched) as Answers).outcome).toBe('retain');
  });

  it('keeps a partial set partial', () => {
    expect(relevantAnswers({ destination: 'employed', employerHasLeagueOrg: true }, FOR_SOMEONE_ELSE)).toEqual({ destination: 'employed' });
    expect(relevantAnswers({ destination: 'military', receiverRegion: 'other' })).toEqual({ destination: 'military' });
    expect(relevantAnswers({})).toEqual({});
  });
});

describe('answerLabel', () => {
  it('gives the label the graduate saw', () => {
    expect(answerLabel('destination', 'military')).toBe('参军入伍');
    expect(answerLabel('isLeagueMember', false)).toBe('不是，我被误录为团员');
    expect(answerLabel('receiverRegion', 'fujian')).toBe('福建');
    expect(answerLabel('monthsSinceGraduation', 3)).toBe('3个月');
  });

  it('is undefined for a value not offered', () => {
    expect(answerLabel('destination', 'moon')).toBeUndefined();
    expect(answerLabel('monthsSinceGraduation', 'three')).toBeUndefined();
    expect(answerLabel('monthsSinceGraduation', Infinity)).toBeUndefined();
  });
});

describe('an admin answering for a member reads about 该团员, not 你', () => {
  const texts = (q: Question) => [q.prompt, q.help, ...(q.kind === 'single' ? q.options.flatMap((o) => [o.label, o.help ?? '']) : [])];

  it('every question, option and help is worded about the member', () => {
    for (const q of Object.values(questionsAboutMember)) {
      for (const text of texts(q)) expect({ id: q.id, text, you: /[你我]/.test(text) }).toEqual({ id: q.id, text, you: false });
    }
  });

  it('the questionnaire for someone else asks those, with the same ids and values', () => {
    const first = nextQuestion({}, { forSomeoneElse: true })!;
    expect(first.prompt).toBe('该团员毕业后的去向是？');
    expect(nextQuestion({ destination: 'employed' }, { forSomeoneElse: true })!.prompt).toBe('该团员目前是共青团员吗？');
    expect(askedQuestions({ destination: 'employed', isLeagueMember: true }, { forSomeoneElse: true }).map((q) => q.prompt))
      .toEqual(['该团员毕业后的去向是？', '该团员目前是共青团员吗？']);
    for (const id of Object.keys(questions) as (keyof typeof questions)[]) {
      const [mine, theirs] = [questions[id], questionsAboutMember[id]];
      expect({ id, kind: theirs.kind, values: theirs.kind === 'single' ? theirs.options.map((o) => o.value) : [] })
        .toEqual({ id, kind: mine.kind, values: mine.kind === 'single' ? mine.options.map((o) => o.value) : [] });
    }
    // A graduate still reads the graduate's wording.
    expect(nextQuestion({})!.prompt).toBe('毕业后你的去向是？');
  });
});
