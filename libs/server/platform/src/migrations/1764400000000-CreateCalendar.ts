import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCalendar1764400000000 implements MigrationInterface {
  name = 'CreateCalendar1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per year of the State Council's holiday notice. origin 'seed' rows may be refreshed by a
    // newer seed file while unconfirmed; 'office' rows (uploaded or confirmed) are never overwritten.
    await q.query(`
      CREATE TABLE holiday_year (
        year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
        confirmed boolean NOT NULL,
        source text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('seed', 'office')),
        seed_checksum text,
        confirmed_by uuid REFERENCES app_user(id),
        confirmed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE holiday (
        date date PRIMARY KEY,
        year integer NOT NULL REFERENCES holiday_year(year) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('holiday', 'makeupWorkday')),
        name text NOT NULL CHECK (name <> ''),
        confirmed boolean NOT NULL,
        CHECK (extract(year FROM date) = year),
        CHECK (kind <> 'makeupWorkday' OR extract(isodow FROM date) IN (6, 7))
      )`);
    await q.query(`CREATE INDEX holiday_year_idx ON holiday (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday`);
    await q.query(`DROP TABLE holiday_year`);
  }
}
