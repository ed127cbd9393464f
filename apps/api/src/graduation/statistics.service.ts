import { Injectable } from '@nestjs/common';
import type { StatisticsFigures, StatisticsRow, StatisticsTable } from '@xianjie/contract';
import { beijingDateString, currentCampaignYear } from '@xianjie/rules';
import ExcelJS from 'exceljs';
import { In } from 'typeorm';
import { Actor } from '../auth/actor';
import { ADMIN_ROLES, ScopeService } from '../auth/scope.service';
import { Clock, iso } from '../common/time';
import { Database } from '../database/database.service';
import { Org } from '../orgs/org.entity';
import { cohortFrom, num, runSql } from '../progress/cohort';
import { childIdUnder } from '../progress/progress-math';
import { StatisticsFiling } from './statistics-filing.entity';
import { isUniqueViolation } from '../common/db-errors';
import { filingClosed, filingNotASchool, filingYearAhead, statisticsNotASchool } from './statistics.errors';
import { subtreeWhere } from '../auth/subtree';

const FIGURES = ['graduatingClasses', 'graduatingBranches', 'graduates', 'graduatingMembers'] as const;
const empty = (): StatisticsFigures => ({ graduatingClasses: 0, graduatingBranches: 0, graduates: 0, graduatingMembers: 0 });
const isClass = (purpose: Org['purpose']) => purpose === null || purpose === 'class';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['单位', '毕业班级数', '毕业团支部数', '毕业生数', '毕业团员数（仍在本校）'];

@Injectable()
export class StatisticsService {
  constructor(
    private readonly db: Database,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** GET /orgs/:id/statistics: admins over a school-domain org. */
  async table(actor: Actor, orgId: string, yearParam?: number): Promise<StatisticsTable> {
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    if (org.domain !== 'school') throw statisticsNotASchool();
    const year = yearParam ?? currentCampaignYear(this.clock.now());
    const figures = await this.compute(org, year);
    const filing = await this.db.manager.findOneBy(StatisticsFiling, { orgId: org.id, year });
    return { ...figures, filedAt: filing?.filedAt ?? null };
  }

  /**
   * POST /orgs/:id/statistics/filing: the school files the table upward — this season's, and from New
   * Year on the coming graduates' (due by May 15, before the June 1 flip makes it the season) — and may
   * file it again, which replaces it. An earlier year's is filed once (late, if it was missed) and then
   * stands; a year after this calendar year has no table to file.
   */
  async file(actor: Actor, orgId: string, yearParam?: number): Promise<StatisticsTable> {
    const org = await this.scope.orgInScope(actor, orgId, ADMIN_ROLES);
    if ((await this.schoolOf(org))?.id !== org.id) throw filingNotASchool();
    const now = this.clock.now();
    const season = currentCampaignYear(now);
    const calendarYear = Number(beijingDateString(now).slice(0, 4));
    const year = yearParam ?? season;
    if (year > calendarYear) throw filingYearAhead(year);
    const figures = await this.compute(org, year);
    const filedAt = iso(now);
    const row = { orgId: org.id, year, filedAt, filedById: actor.id, figures: JSON.stringify(figures) };
    await this.db.transaction(async (em) => {
      if (year >= season) return void (await em.upsert(StatisticsFiling, row, ['orgId', 'year']));
      await em.insert(StatisticsFiling, row).catch((e: unknown) => {
        throw isUniqueViolation(e) ? filingClosed(year) : e;
      });
    });
    return { ...figures, filedAt };
  }

  /** The table as a workbook: a title row (school and year), the headers, one row per child org, the total. */
  async workbook(table: StatisticsTable): Promise<{ buffer: Buffer; fileName: string }> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('统计表');
    const title = `${table.orgName} ${table.year} 届毕业生团员统计表`;
    sheet.addRow([title]);
    sheet.mergeCells(1, 1, 1, HEADERS.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.getRow(1).alignment = { horizontal: 'center' };
    sheet.addRow([`填报单位：${table.orgName}`, '', '', `统计日期：${beijingDateString(this.clock.now())}`]);
    sheet.addRow(HEADERS).font = { bold: true };
    for (const r of table.rows) sheet.addRow([r.orgName, ...FIGURES.map((f) => r[f])]);
    sheet.addRow(['合计', ...FIGURES.map((f) => table[f])]).font = { bold: true };
    sheet.getColumn(1).width = 36;
    for (let c = 2; c <= HEADERS.length; c++) sheet.getColumn(c).width = 16;
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    return { buffer, fileName: `${table.orgName}${table.year}届毕业生团员统计表.xlsx` };
  }

  /** The topmost school-domain org on the path: the school whose table this is. */
  private async schoolOf(org: Org): Promise<Org | null> {
    const ids = org.path.split('/').filter(Boolean);
    const chain = await this.db.manager.findBy(Org, { id: In(ids) });
    return chain.filter((o) => o.domain === 'school').sort((a, b) => a.path.length - b.path.length)[0] ?? null;
  }

  private async compute(org: Org, year: number): Promise<Omit<StatisticsTable, 'filedAt'>> {
    const em = this.db.manager;
    const school = (await this.schoolOf(org)) ?? org;
    const cohort = cohortFrom(org.path, year, 'JOIN orgs o ON o.id = m.org_id');
    const [atSchool, atSchoolParams] = subtreeWhere('o.path', school.path, 'schoolPath');
    // Per graduating branch: its graduates, and how many of them still hold their membership at the school.
    const counted = await runSql(
      em,
      `SELECT g.id AS branch_id, COUNT(*) AS graduates,
         SUM(CASE WHEN m.place = 'branch' AND ${atSchool} THEN 1 ELSE 0 END) AS still
       ${cohort.sql}
       GROUP BY g.id`,
      { ...cohort.params, ...atSchoolParams },
    );
    const byBranch = new Map(counted.map((r) => [String(r.branch_id), { graduates: num(r.graduates), still: num(r.still) }]));
    // Marked with a date in this year but with nobody (left) in the cohort: still a graduating branch.
    const marked = await em
      .createQueryBuilder(Org, 'b')
      .select('b.id', 'id')
      .where("b.kind = 'branch' AND b.graduation_year = :year", { year })
      .andWhere(...subtreeWhere('b.path', org.path))
      .getRawMany<{ id: string }>();
    const branchIds = [...new Set([...byBranch.keys(), ...marked.map((m) => String(m.id))])];
    const branches = branchIds.length ? await em.findBy(Org, { id: In(branchIds) }) : [];

    const total = empty();
    const perChild = new Map<string, StatisticsFigures>();
    for (const b of branches) {
      const c = byBranch.get(b.id) ?? { graduates: 0, still: 0 };
      const add: StatisticsFigures = { graduatingClasses: isClass(b.purpose) ? 1 : 0, graduatingBranches: 1, graduates: c.graduates, graduatingMembers: c.still };
      const childId = childIdUnder(org.path, b.path);
      const into = childId ? (perChild.get(childId) ?? perChild.set(childId, empty()).get(childId)!) : null;
      for (const f of FIGURES) {
        total[f] += add[f];
        if (into) into[f] += add[f];
      }
    }
    const children = perChild.size ? await em.findBy(Org, { id: In([...perChild.keys()]) }) : [];
    const rows = children
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((c) => ({ orgId: c.id, orgName: c.name, ...perChild.get(c.id)! }));
    return { orgId: org.id, orgName: org.name, year, ...total, rows };
  }
}
