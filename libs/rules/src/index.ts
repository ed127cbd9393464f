/** @xianjie/rules — every domain rule of 学社衔接, as pure functions and data. */
export * from './types';
export { RulesError } from './errors';
export type { RulesErrorCode } from './errors';
export { DESTINATIONS } from './answers';
export { questions, nextQuestion, askedQuestions, relevantAnswers, answerLabel } from './questionnaire';
export type { QuestionnaireOptions } from './questionnaire';
export { resolve, withdrawSentence } from './resolve';
export * from './identity';
export * from './lifecycle';
export * from './timeline';
export * from './calendar';
export * from './org';
export * from './target-fit';
export { TARGET_KINDS } from './target-kinds';
export * from './record-deletion';
export * from './deadlines';
export * from './password';
