import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RegistrationStatus } from '@yokoten/case-studies';

/** The organiser console's reports of a session's registrations: counts by prefecture and the CSV rows. */
@Injectable()
export class SessionExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Registration counts by prefecture (live registrations), for the console. */
  countsByPrefecture(sessionId: string): Promise<
    Array<{
      prefectureCode: string;
      confirmed: number;
      waitlisted: number;
      applied: number;
      municipalities: number;
    }>
  > {
    return this.dataSource.query(
      `SELECT m.prefecture_code AS "prefectureCode",
              count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
              count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
              count(*) FILTER (WHERE r.status = 'APPLIED')::int AS applied,
              count(DISTINCT r.municipality_id)::int AS municipalities
         FROM session_registrations r JOIN municipalities m ON m.id = r.municipality_id
        WHERE r.session_id = $1 AND r.status <> 'CANCELLED'
        GROUP BY m.prefecture_code ORDER BY m.prefecture_code`,
      [sessionId],
    );
  }

  /** Rows for the CSV export, joined in one query. */
  exportRows(sessionId: string): Promise<
    Array<{
      status: RegistrationStatus;
      waitlistPosition: number | null;
      arrivalSeq: number;
      name: string;
      email: string;
      municipalityCode: string;
      municipalityName: string;
      prefectureCode: string;
      tableName: string | null;
      preferences: string[];
      checkedInAt: Date | null;
      registeredAt: Date;
      cancelledAt: Date | null;
    }>
  > {
    return this.dataSource.query(
      `SELECT r.status, r.waitlist_position AS "waitlistPosition", r.arrival_seq AS "arrivalSeq",
              u.name, u.email, m.code AS "municipalityCode", m.name AS "municipalityName",
              m.prefecture_code AS "prefectureCode", t.name AS "tableName",
              ARRAY(SELECT pt.name FROM unnest(r.table_preferences) WITH ORDINALITY p(id, ord)
                      JOIN exchange_session_tables pt ON pt.id = p.id ORDER BY p.ord) AS preferences,
              r.checked_in_at AS "checkedInAt", r.registered_at AS "registeredAt", r.cancelled_at AS "cancelledAt"
         FROM session_registrations r
         JOIN users u ON u.id = r.user_id
         JOIN municipalities m ON m.id = r.municipality_id
         LEFT JOIN exchange_session_tables t ON t.id = r.assigned_table_id
        WHERE r.session_id = $1
        ORDER BY CASE r.status WHEN 'CONFIRMED' THEN 0 WHEN 'APPLIED' THEN 1 WHEN 'WAITLISTED' THEN 2 ELSE 3 END,
                 r.waitlist_position NULLS LAST, r.arrival_seq`,
      [sessionId],
    );
  }
}
