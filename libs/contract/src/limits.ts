/**
 * Field limits: one value per field, read by the API's validation decorators and by the mini
 * program's inputs (`maxLength`). Each is bounded by the API's column or by a rule of libs/rules;
 * lengths count characters (what class-validator's MaxLength and a phone's input both count).
 */
import { STUDY_ABROAD_RETENTION_MONTHS } from '@xianjie/rules';

/** Every id the API hands out or accepts (orgs, people): the `varchar(48)` of the id columns. */
export const ID_MAX = 48;
/** A person's name (`people.name varchar(64)`); an emergency contact is a person too. */
export const NAME_MAX = 64;
/** A mainland mobile is exactly 11 digits (`people.phone varchar(11)`); the rules' `isValidMobile` checks the rest. */
export const PHONE_LENGTH = 11;
/** ID number (GB 11643): 18 characters (`people.id_number varchar(18)`). */
export const ID_NUMBER_LENGTH = 18;
export const PASSWORD_MAX = 64;
/** An org's full official name (`orgs.name`, `transfers.target_org_name` varchar(200)); also a typed receiver. */
export const ORG_NAME_MAX = 200;
/** 备注 on an application (`transfers.remarks varchar(100)`). */
export const REMARKS_MAX = 100;
/** The emergency contact's name: a person's name. */
export const EMERGENCY_CONTACT_NAME_MAX = NAME_MAX;
/** 书面保留申请 (study abroad): where to (country or region, school) and a contact at home. */
export const RETENTION_WHERE_MAX = 200;
export const RETENTION_CONTACT_MAX = 200;
/** How long a written retention may ask for, in whole months: libs/rules' study-abroad bound. */
export const RETENTION_MONTHS = { min: 1, max: STUDY_ABROAD_RETENTION_MONTHS.max } as const;
/** An approve / withdraw comment and a rejection reason (`transfers.rejection_reason varchar(500)`). */
export const COMMENT_MAX = 500;
export const REJECT_REASON_MAX = 500;
/** A member abroad's periodic report (出国(境)团员定期报告), in their own words. */
export const ABROAD_REPORT_NOTE = { min: 4, max: 500 } as const;
/** Org and member name searches: the longest search term. */
export const SEARCH_MAX = 50;
/** An org name search answers at most this many (nearest the root first): more means "type more of the name". */
export const ORG_SEARCH_RESULTS_MAX = 50;
/** `GET /members` answers at most this many (by branch, then name): more means "search by name". */
export const MEMBER_LIST_MAX = 200;
/** A request (更正 / 删除档案): why, and the decider's comment. */
export const REQUEST_REASON = { min: 4, max: 200 } as const;
export const DECISION_COMMENT_MAX = 200;
/** 毕业去向 collected in advance: names and addresses; the township. */
export const DESTINATION_TEXT_MAX = 200;
export const DESTINATION_TOWNSHIP_MAX = 100;
/** Why a branch has no graduation date (e.g. 教工团支部). */
export const NO_GRADUATION_REASON = { min: 2, max: 100 } as const;
export const MARK_BRANCHES_MAX = 500;
/** Reminder links: at most this many members a request, valid 1–30 days (14 when omitted). */
export const REMINDERS_PER_REQUEST_MAX = 200;
export const REMINDER_EXPIRES_IN_DAYS = { min: 1, max: 30, default: 14 } as const;
/** A year in a query (the graduating cohort). */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;
