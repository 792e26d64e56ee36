import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration that needs no follow-up work under the session's lock commits on its own. session_register
 * ran inside a client transaction (BEGIN, the statement, COMMIT), so the row lock was held until the API's
 * event loop got round to sending COMMIT: with 500 requests at once that wait, not PostgreSQL, set the pace
 * (155 registrations/s, and under a loaded machine lock waits past the statement timeout).
 * session_register_autocommit takes the same lock and, when the seat this registration would take is one the
 * caller asked to handle in a transaction (`p_in_transaction_at`: the confirmed counts at which a capacity
 * alert is due), or the capacity is not the one the caller rendered its mails for, answers NEEDS_TRANSACTION
 * without writing anything; otherwise it is session_register. Run as a single statement outside a
 * transaction, the lock is released when the statement commits, inside PostgreSQL.
 */
export class RegistrationAutocommit1795280905000 implements MigrationInterface {
  name = 'RegistrationAutocommit1795280905000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION session_register_autocommit(
        p_session_id uuid, p_user_id uuid, p_municipality_id uuid, p_registered_by uuid,
        p_preferences uuid[], p_check_in_code varchar, p_now timestamptz,
        p_capacity integer, p_in_transaction_at integer[]
      ) RETURNS TABLE (
        outcome text, registration_id uuid, reg_status varchar, waitlist_position integer,
        arrival_seq integer, confirmed integer, capacity integer, registered_at timestamptz
      ) LANGUAGE plpgsql AS $$
      #variable_conflict use_column
      DECLARE
        s exchange_sessions%ROWTYPE;
        v_confirmed integer;
      BEGIN
        SELECT * INTO s FROM exchange_sessions WHERE id = p_session_id FOR UPDATE;
        IF FOUND AND s.allocation_mode <> 'LOTTERY' THEN
          SELECT count(*) INTO v_confirmed FROM session_registrations r
           WHERE r.session_id = p_session_id AND r.status = 'CONFIRMED';
          IF s.capacity <> p_capacity OR (v_confirmed < s.capacity AND (v_confirmed + 1) = ANY (p_in_transaction_at)) THEN
            RETURN QUERY SELECT 'NEEDS_TRANSACTION'::text, NULL::uuid, NULL::varchar, NULL::integer, NULL::integer, NULL::integer, s.capacity, NULL::timestamptz;
            RETURN;
          END IF;
        END IF;
        RETURN QUERY SELECT * FROM session_register(
          p_session_id, p_user_id, p_municipality_id, p_registered_by, p_preferences, p_check_in_code, p_now
        );
      END;
      $$
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION session_register_autocommit(uuid, uuid, uuid, uuid, uuid[], varchar, timestamptz, integer, integer[])`,
    );
  }
}
