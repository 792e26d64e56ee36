import { Injectable } from '@nestjs/common';
import { prefectureByCode, REGISTRATION_STATUS_LABELS } from '@yokoten/case-studies';
import type { Actor } from '../auth/actor';
import { csvDateTimeJst, toCsv } from './csv';
import { SessionAccessService } from './session-access.service';
import { SessionExportRepository } from './session-export.repository';

/** The organiser console's reports: live registrations by prefecture, and the registrations CSV. */
@Injectable()
export class SessionExportService {
  constructor(
    private readonly exports: SessionExportRepository,
    private readonly access: SessionAccessService,
  ) {}

  async countsByPrefecture(actor: Actor | null, sessionId: string) {
    await this.access.requireForManagement(actor, sessionId);
    const rows = await this.exports.countsByPrefecture(sessionId);
    return rows.map((r) => ({
      ...r,
      prefectureName: prefectureByCode(r.prefectureCode)?.name ?? r.prefectureCode,
    }));
  }

  /** Excel-friendly CSV: UTF-8 with a BOM, CRLF, Japanese headers. */
  async registrationsCsv(actor: Actor | null, sessionId: string): Promise<{ filename: string; csv: string }> {
    const session = await this.access.requireForManagement(actor, sessionId);
    const rows = await this.exports.exportRows(sessionId);
    const time = (d: Date | null) => (d ? csvDateTimeJst(d) : '');
    const csv = toCsv(
      [
        '状態',
        'キャンセル待ち順',
        '申込順',
        '氏名',
        'メールアドレス',
        '団体コード',
        '自治体',
        '都道府県',
        'テーブル',
        '希望テーブル',
        '当日受付',
        '申込日時',
        'キャンセル日時',
      ],
      rows.map((r) => [
        REGISTRATION_STATUS_LABELS[r.status].ja,
        r.waitlistPosition ?? '',
        r.arrivalSeq,
        r.name,
        r.email,
        r.municipalityCode,
        r.municipalityName,
        prefectureByCode(r.prefectureCode)?.name ?? r.prefectureCode,
        r.tableName ?? '',
        r.preferences.join(' > '),
        time(r.checkedInAt),
        time(r.registeredAt),
        time(r.cancelledAt),
      ]),
    );
    return { filename: `registrations-${session.term}-${session.id.slice(0, 8)}.csv`, csv };
  }
}
