import { DataSource } from 'typeorm';
import { Org } from '../orgs/org.entity';
import demoData from './demo/demo-data.json';

/** True when the database has no orgs yet: only then does the demo data set go in. */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  return (await ds.manager.count(Org)) === 0;
}

export const DEMO_DATA: unknown = demoData;
