import { answerLabel, type Answers } from '@xianjie/rules';

export interface ApplicationState {
  answers: Answers;
  receiver: string | null;
  remarks: string | null;
  emergencyContact: { name: string; phone: string } | null;
  retention: { where: string; months: number; domesticContact: string } | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sortedAnswers = (a: Answers) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)));

/**
 * What a change to an application (修改申请) changed, in the words the history shows — one
 * phrase per part, without personal numbers (the event is read by everyone who sees the transfer).
 * Empty when nothing changed.
 */
export function describeChanges(before: ApplicationState, after: ApplicationState): string[] {
  const out: string[] = [];
  if (before.answers.destination !== after.answers.destination) {
    const label = (a: Answers) => answerLabel('destination', a.destination) ?? a.destination;
    out.push(`毕业去向（${label(before.answers)} → ${label(after.answers)}）`);
  } else if (!same(sortedAnswers(before.answers), sortedAnswers(after.answers))) {
    out.push('问卷回答');
  }
  if ((before.receiver ?? '') !== (after.receiver ?? '')) out.push(`接收组织（${before.receiver ?? '无'} → ${after.receiver ?? '无'}）`);
  if ((before.remarks ?? '') !== (after.remarks ?? '')) out.push('备注');
  if (!same(before.emergencyContact, after.emergencyContact)) out.push('紧急联系人');
  if (!same(before.retention, after.retention)) out.push('书面保留申请');
  return out;
}

/** The event comment: `修改了申请：接收组织（甲 → 乙）；备注`, within the event column's 500 characters. */
export function changeComment(changes: string[]): string {
  const text = `修改了申请：${changes.join('；')}`;
  return [...text].length > 500 ? `${[...text].slice(0, 499).join('')}…` : text;
}
