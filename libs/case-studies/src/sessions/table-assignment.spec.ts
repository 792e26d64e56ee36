import { assignTables, scoreAssignment, type AssignmentParticipant } from './table-assignment';

const tables = [
  { id: 'A', seats: 4 },
  { id: 'B', seats: 4 },
];

function seatCounts(result: ReturnType<typeof assignTables>) {
  const counts: Record<string, number> = {};
  for (const a of result.assignments) if (a.tableId) counts[a.tableId] = (counts[a.tableId] ?? 0) + 1;
  return counts;
}

describe('assignTables', () => {
  it('gives everyone their first choice when the seats allow it', () => {
    const people: AssignmentParticipant[] = [
      { id: '1', municipalityId: 'm1', preferences: ['A', 'B'] },
      { id: '2', municipalityId: 'm2', preferences: ['B', 'A'] },
      { id: '3', municipalityId: 'm3', preferences: ['A'] },
    ];
    const r = assignTables(tables, people);
    expect(r.assignments.map((a) => a.tableId)).toEqual(['A', 'B', 'A']);
    expect(r.score.firstChoice).toBe(3);
    expect(r.score.firstChoiceShare).toBe(1);
  });

  it('never exceeds a table’s seats', () => {
    const people: AssignmentParticipant[] = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      municipalityId: `m${i}`,
      preferences: ['A', 'B'],
    }));
    const r = assignTables(tables, people);
    expect(seatCounts(r)).toEqual({ A: 4, B: 4 });
    expect(r.score.firstChoice).toBe(4);
    expect(r.score.byRank).toEqual([4, 4]);
  });

  it('leaves people unseated only when there are no seats left', () => {
    const people: AssignmentParticipant[] = Array.from({ length: 10 }, (_, i) => ({
      id: String(i),
      municipalityId: `m${i}`,
      preferences: ['A'],
    }));
    const r = assignTables(tables, people);
    expect(r.score.assigned).toBe(8);
    expect(r.score.unassigned).toBe(2);
  });

  it('does not seat two people of one municipality together when it can be avoided', () => {
    // Both of m1 want A most; one of them goes to B even though that costs a first choice.
    const people: AssignmentParticipant[] = [
      { id: '1', municipalityId: 'm1', preferences: ['A', 'B'] },
      { id: '2', municipalityId: 'm1', preferences: ['A', 'B'] },
      { id: '3', municipalityId: 'm2', preferences: ['A', 'B'] },
    ];
    const r = assignTables(tables, people);
    const byId = Object.fromEntries(r.assignments.map((a) => [a.participantId, a.tableId]));
    expect(byId['1']).not.toBe(byId['2']);
    expect(r.score.sameMunicipalityPairs).toBe(0);
    expect(r.score.firstChoice).toBe(2);
  });

  it('keeps same-municipality pairs to the unavoidable minimum', () => {
    // Three from m1 and two tables: one pair is unavoidable, and only one.
    const people: AssignmentParticipant[] = [
      ...[1, 2, 3].map((i) => ({ id: `a${i}`, municipalityId: 'm1', preferences: ['A'] })),
      ...[1, 2, 3].map((i) => ({ id: `b${i}`, municipalityId: `x${i}`, preferences: ['A'] })),
    ];
    const r = assignTables(tables, people);
    expect(r.score.sameMunicipalityPairs).toBe(1);
    expect(r.score.assigned).toBe(6);
  });

  it('is deterministic', () => {
    const people: AssignmentParticipant[] = Array.from({ length: 30 }, (_, i) => ({
      id: `p${i}`,
      municipalityId: `m${i % 7}`,
      preferences: i % 3 === 0 ? ['B', 'A', 'C'] : ['A', 'C'],
    }));
    const three = [...tables, { id: 'C', seats: 12 }].map((t) => ({ ...t, seats: t.seats + 6 }));
    expect(assignTables(three, people)).toEqual(assignTables(three, people));
    const r = assignTables(three, people);
    expect(r.score.assigned).toBe(30);
    // m0 and m1 have five people, the other five municipalities four; three tables: 2 + 2 + 5 × 1.
    expect(r.score.sameMunicipalityPairs).toBe(9);
  });

  it('handles a session-sized input quickly', () => {
    const big = Array.from({ length: 8 }, (_, i) => ({ id: `T${i}`, seats: 13 }));
    const people: AssignmentParticipant[] = Array.from({ length: 100 }, (_, i) => ({
      id: `p${i}`,
      municipalityId: `m${i % 40}`,
      preferences: [`T${i % 3}`, `T${(i + 1) % 8}`, `T${(i * 7) % 8}`],
    }));
    const r = assignTables(big, people);
    expect(r.score.assigned).toBe(100);
    // 40 municipalities with at most 3 people each over 8 tables: no pair is needed.
    expect(r.score.sameMunicipalityPairs).toBe(0);
  });
});

describe('scoreAssignment', () => {
  it('scores a hand-made seating', () => {
    const people: AssignmentParticipant[] = [
      { id: '1', municipalityId: 'm1', preferences: ['A', 'B'] },
      { id: '2', municipalityId: 'm1', preferences: ['B'] },
      { id: '3', municipalityId: 'm2', preferences: [] },
    ];
    const s = scoreAssignment(tables, people, [
      { participantId: '1', tableId: 'B' },
      { participantId: '2', tableId: 'B' },
      { participantId: '3', tableId: null },
    ]);
    expect(s).toMatchObject({
      assigned: 2,
      unassigned: 1,
      firstChoice: 1,
      withPreferences: 2,
      sameMunicipalityPairs: 1,
    });
    expect(s.firstChoiceShare).toBe(0.5);
  });
});
