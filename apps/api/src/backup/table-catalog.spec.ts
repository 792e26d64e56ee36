import { dependencyOrder, exclusionReason, UNLOGGED_REASON, type ForeignKey } from './table-catalog';

const fk = (table: string, references: string): ForeignKey => ({
  name: `FK_${table}_${references}`,
  table,
  references,
  definition: '',
});

describe('dependencyOrder', () => {
  it('puts every referenced table before the tables referring to it, ties by name', () => {
    expect(
      dependencyOrder(
        ['registrations', 'sessions', 'users', 'municipalities', 'settings'],
        [fk('users', 'municipalities'), fk('registrations', 'sessions'), fk('registrations', 'users')],
      ),
    ).toEqual(['municipalities', 'sessions', 'settings', 'users', 'registrations']);
  });

  it('ignores self-references and keys to tables not backed up', () => {
    expect(dependencyOrder(['b', 'a'], [fk('a', 'a'), fk('a', 'sessions')])).toEqual(['a', 'b']);
  });

  it('puts the tables of a cycle last (the restore re-checks the keys that point forward)', () => {
    expect(dependencyOrder(['x', 'a', 'b', 'c'], [fk('a', 'b'), fk('b', 'a'), fk('c', 'a')])).toEqual([
      'x',
      'a',
      'b',
      'c',
    ]);
  });
});

describe('exclusionReason', () => {
  it('leaves out the listed and the UNLOGGED tables, keeps the rest', () => {
    expect(exclusionReason({ name: 'login_sessions', unlogged: false })).toMatch(/sign/);
    expect(exclusionReason({ name: 'sessions', unlogged: false })).toMatch(/sign/);
    expect(exclusionReason({ name: 'anything', unlogged: true })).toBe(UNLOGGED_REASON);
    expect(exclusionReason({ name: 'mail_outbox', unlogged: false })).toBeUndefined();
    expect(exclusionReason({ name: 'toString', unlogged: false })).toBeUndefined();
  });
});
