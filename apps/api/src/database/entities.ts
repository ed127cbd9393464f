import { Person } from '../auth/person.entity';
import { RoleGrant } from '../auth/role-grant.entity';
import { Membership } from '../members/membership.entity';
import { Org } from '../orgs/org.entity';
import { CampaignSetting } from '../progress/campaign-setting.entity';
import { Reminder } from '../reminders/reminder.entity';
import { RetentionRecord } from '../transfers/retention-record.entity';
import { TransferEvent } from '../transfers/transfer-event.entity';
import { Transfer } from '../transfers/transfer.entity';
import { GraduationMark } from '../graduation/graduation-mark.entity';
import { Initial1763769600000 } from './migrations/1763769600000-Initial';
import { GraduationMarks1763856000000 } from './migrations/1763856000000-GraduationMarks';
import { RequestsAndDestinations1763942400000 } from './migrations/1763942400000-RequestsAndDestinations';
import { DestinationReport } from '../members/destination-report.entity';
import { OrgRequest } from '../requests/request.entity';
import { TransferRetentionPlan1764547200000 } from './migrations/1764547200000-TransferRetentionPlan';
import { PeopleWechatOpenid1764720000000 } from './migrations/1764720000000-PeopleWechatOpenid';
import { PeopleKeptSession1765000300000 } from './migrations/1765000300000-PeopleKeptSession';
import { CohortAnchor1765000700000 } from './migrations/1765000700000-CohortAnchor';
import { DeadlinesByGroupAndStatistics1765000800000 } from './migrations/1765000800000-DeadlinesByGroupAndStatistics';
import { ReminderCodes1765001300000 } from './migrations/1765001300000-ReminderCodes';
import { StatisticsFiling } from '../graduation/statistics-filing.entity';

/** Listed, never globbed: the functions bundle has no folders to glob. */
export const ENTITIES = [Org, Person, RoleGrant, Membership, Transfer, TransferEvent, RetentionRecord, Reminder, CampaignSetting, GraduationMark, OrgRequest, DestinationReport, StatisticsFiling];
export const MIGRATIONS = [Initial1763769600000, GraduationMarks1763856000000, RequestsAndDestinations1763942400000, TransferRetentionPlan1764547200000, PeopleWechatOpenid1764720000000, PeopleKeptSession1765000300000, CohortAnchor1765000700000, DeadlinesByGroupAndStatistics1765000800000, ReminderCodes1765001300000];
