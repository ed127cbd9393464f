import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Portable by construction: only the QueryRunner schema API, which each driver translates.
// Timestamps are fixed-width ISO-8601 UTC strings, so they sort and compare alike everywhere.
const id = (name = 'id', length = 48): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isPrimary: true });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const at = (name: string, nullable = false): TableColumnOptions => str(name, 32, nullable);
const bool = (name: string, def: boolean): TableColumnOptions => ({ name, type: 'boolean', default: def });
const int = (name: string, def?: number, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable, ...(def === undefined ? {} : { default: def }) });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const index = (columns: string[], unique = false) => new TableIndex({ columnNames: columns, isUnique: unique });

export class Initial1763769600000 implements MigrationInterface {
  name = 'Initial1763769600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'orgs',
        columns: [
          id(), str('name', 200), str('kind', 24), str('parent_id', 48, true), str('domain', 16), str('province', 32),
          str('purpose', 24, true), bool('is_township', false), str('path', 700), int('depth', 0),
          int('graduation_year', undefined, true), at('created_at'),
        ],
        indices: [index(['parent_id']), index(['path']), index(['name'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'people',
        columns: [
          id(), str('name', 64), str('id_number', 18), str('phone', 11), str('password_hash', 255, true),
          bool('must_change_password', true), int('failed_logins', 0), at('locked_until', true), int('token_version', 0),
          at('created_at'),
        ],
        indices: [index(['id_number'], true), index(['phone'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'role_grants',
        columns: [id(), str('person_id', 48), str('role', 24), str('org_id', 48)],
        indices: [index(['person_id', 'role', 'org_id'], true), index(['org_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'memberships',
        columns: [
          id('person_id'), str('org_id', 48), str('place', 24), int('graduation_year', undefined, true),
          str('graduating_org_id', 48, true), bool('is_graduate', false), bool('is_league_member', true), at('updated_at'),
        ],
        indices: [index(['org_id']), index(['graduating_org_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'transfers',
        columns: [
          id('id', 36), str('member_id', 48), str('open_member_id', 48, true), str('status', 24), str('path', 16),
          str('destination', 24), str('target', 32), str('outgoing_org_id', 48), str('target_org_id', 48, true),
          str('target_org_name', 200, true), str('receiver_province', 32, true), bool('cross_system', false),
          bool('receiver_is_branch', false), text('answers'), text('application'), str('remarks', 100, true),
          str('started_by_id', 48), str('started_by_party', 24), at('stage_entered_at'), at('stage_deadline', true),
          str('rejection_reason', 500, true), str('assigned_branch_id', 48, true), str('sweep_run', 36, true),
          int('version', 1), at('created_at'), at('updated_at'), at('closed_at', true),
        ],
        indices: [
          index(['open_member_id'], true), index(['member_id']), index(['status']), index(['outgoing_org_id']),
          index(['target_org_id']), index(['stage_deadline']), index(['created_at']), index(['sweep_run']),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'transfer_events',
        columns: [
          id('id', 36), str('transfer_id', 36), int('seq'), at('at'), str('actor_id', 48), str('action', 24),
          str('comment', 500, true), str('from_status', 24, true), str('to_status', 24),
        ],
        indices: [index(['transfer_id', 'seq'], true)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'retention_records',
        columns: [
          id('id', 36), str('member_id', 48), str('transfer_id', 36), str('kind', 24), str('branch_id', 48),
          text('details', true), at('started_at'), at('follow_up_at', true), at('expires_at', true),
          str('state', 16), at('closed_at', true),
        ],
        indices: [index(['member_id']), index(['state'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'reminders',
        columns: [
          id('id', 36), str('token_hash', 64), str('member_id', 48), str('created_by_id', 48), at('created_at'),
          at('expires_at'), at('opened_at', true), int('open_count', 0), str('delivery', 200, true),
        ],
        indices: [index(['token_hash'], true), index(['member_id'])],
      }),
    );
    await q.createTable(
      new Table({
        name: 'campaign_settings',
        columns: [
          { name: 'org_id', type: 'varchar', length: '48', isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true },
          str('started_by', 10), str('received_by', 10), str('further_study_by', 10),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['campaign_settings', 'reminders', 'retention_records', 'transfer_events', 'transfers', 'memberships', 'role_grants', 'people', 'orgs']) {
      await q.dropTable(t);
    }
  }
}
