import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ExchangeSessionEntity } from './exchange-session.entity';

/** テーマ別テーブル: a discussion table of a session, with a theme and a number of seats. */
@Entity({ name: 'exchange_session_tables' })
@Index('IDX_exchange_session_tables_session_id', ['sessionId', 'position'])
@Check('CHK_exchange_session_tables_seats', `"seats" >= 0`)
export class SessionTableEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_exchange_session_tables' })
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => ExchangeSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_exchange_session_tables_session' })
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
