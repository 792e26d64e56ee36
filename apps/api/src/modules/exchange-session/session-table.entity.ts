import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ExchangeSessionEntity } from './exchange-session.entity';
import { BelongsTo } from '../../database/belongs-to';

/** テーマ別テーブル: a discussion table of a session, with a theme and a number of seats. */
@Entity({ name: 'exchange_session_tables' })
@Index('IDX_exchange_session_tables_session_id', ['sessionId', 'position'])
@Check('CHK_exchange_session_tables_seats', `"seats" >= 0`)
export class SessionTableEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_exchange_session_tables' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @BelongsTo(() => ExchangeSessionEntity, 'session_id', 'FK_exchange_session_tables_session', 'CASCADE')
  session?: ExchangeSessionEntity;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  theme: string;

  @Column({ type: 'integer' })
  seats: number;

  /** Display order. */
  @Column({ type: 'integer', default: 0 })
  position: number;
}
