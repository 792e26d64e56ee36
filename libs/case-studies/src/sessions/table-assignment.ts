/**
 * Theme-table assignment (テーマ別テーブル): seats confirmed participants at tables by their ranked
 * preferences, never beyond a table's seats, and spreads each table across municipalities.
 *
 * It is solved exactly as a min-cost flow: participant → (municipality, table) → table → sink. The k-th
 * person of one municipality at one table costs k × SAME_MUNICIPALITY (a convex cost, modelled by parallel
 * unit edges of rising cost), so the optimum first minimises same-municipality pairs (only the
 * unavoidable ones remain), then the preference ranks. Successive shortest paths with Bellman–Ford (SPFA) on
 * a few thousand edges takes milliseconds for a session's size; input order fixes tie-breaks, so the same
 * input always gives the same seating.
 */
export interface AssignmentTable {
  id: string;
  seats: number;
}

export interface AssignmentParticipant {
  id: string;
  municipalityId: string;
  /** Table ids, most wanted first. */
  preferences: readonly string[];
}

export interface TableAssignmentScore {
  participants: number;
  assigned: number;
  unassigned: number;
  /** Seated at their first choice (among those who gave preferences). */
  firstChoice: number;
  /** Participants who gave at least one preference. */
  withPreferences: number;
  /** firstChoice / withPreferences (1 when nobody stated a preference). */
  firstChoiceShare: number;
  /** byRank[i]: seated at their (i+1)-th choice. */
  byRank: number[];
  /** Seated at a table they did not list (while they listed some). */
  outsidePreferences: number;
  /** Sum over tables of (people from one municipality − 1) where more than one sits together. */
  sameMunicipalityPairs: number;
}

export interface TableAssignmentResult {
  assignments: Array<{ participantId: string; tableId: string | null; rank: number | null }>;
  score: TableAssignmentScore;
}

interface Edge {
  to: number;
  cap: number;
  cost: number;
}

class MinCostFlow {
  readonly edges: Edge[] = [];
  readonly graph: number[][];
  constructor(readonly n: number) {
    this.graph = Array.from({ length: n }, () => []);
  }
  add(from: number, to: number, cap: number, cost: number): number {
    this.graph[from].push(this.edges.length);
    this.edges.push({ to, cap, cost });
    this.graph[to].push(this.edges.length);
    this.edges.push({ to: from, cap: 0, cost: -cost });
    return this.edges.length - 2;
  }
  /** Augments one unit at a time along the cheapest path (every source edge has capacity 1). */
  run(source: number, sink: number): void {
    const dist = new Array<number>(this.n);
    const inQueue = new Array<boolean>(this.n);
    const prevEdge = new Array<number>(this.n);
    for (;;) {
      dist.fill(Infinity);
      inQueue.fill(false);
      prevEdge.fill(-1);
      dist[source] = 0;
      const queue: number[] = [source];
      inQueue[source] = true;
      for (let head = 0; head < queue.length; head++) {
        const u = queue[head];
        inQueue[u] = false;
        for (const id of this.graph[u]) {
          const e = this.edges[id];
          if (e.cap > 0 && dist[u] + e.cost < dist[e.to]) {
            dist[e.to] = dist[u] + e.cost;
            prevEdge[e.to] = id;
            if (!inQueue[e.to]) {
              inQueue[e.to] = true;
              queue.push(e.to);
            }
          }
        }
      }
      if (dist[sink] === Infinity) return;
      for (let v = sink; v !== source;) {
        const id = prevEdge[v];
        this.edges[id].cap -= 1;
        this.edges[id ^ 1].cap += 1;
        v = this.edges[id ^ 1].to;
      }
    }
  }
}

export function assignTables(
  tables: readonly AssignmentTable[],
  participants: readonly AssignmentParticipant[],
): TableAssignmentResult {
  const maxPrefs = Math.max(0, ...participants.map((p) => p.preferences.length));
  // Cost of a table for a participant: its rank, or one past the listed ones when not listed.
  const rankCost = (p: AssignmentParticipant, t: number): number => {
    if (p.preferences.length === 0) return 0;
    const r = p.preferences.indexOf(tables[t].id);
    return r >= 0 ? r : maxPrefs + 1;
  };
  const n = participants.length;
  const SAME_MUNICIPALITY = (maxPrefs + 2) * (n + 1);
  const UNSEATED = SAME_MUNICIPALITY * (n + 1);

  const municipalities = [...new Set(participants.map((p) => p.municipalityId))];
  const mIndex = new Map(municipalities.map((m, i) => [m, i]));
  const perMunicipality = new Map<string, number>();
  for (const p of participants)
    perMunicipality.set(p.municipalityId, (perMunicipality.get(p.municipalityId) ?? 0) + 1);

  const T = tables.length;
  const M = municipalities.length;
  const source = 0;
  const firstP = 1;
  const firstMT = firstP + n;
  const firstT = firstMT + M * T;
  const unseated = firstT + T;
  const sink = unseated + 1;
  const flow = new MinCostFlow(sink + 1);

  const choiceEdges: Array<Array<{ edge: number; table: number }>> = [];
  participants.forEach((p, i) => {
    flow.add(source, firstP + i, 1, 0);
    const m = mIndex.get(p.municipalityId) as number;
    const mine: Array<{ edge: number; table: number }> = [];
    for (let t = 0; t < T; t++) {
      if (tables[t].seats <= 0) continue;
      mine.push({ edge: flow.add(firstP + i, firstMT + m * T + t, 1, rankCost(p, t)), table: t });
    }
    choiceEdges.push(mine);
    flow.add(firstP + i, unseated, 1, UNSEATED);
  });
  for (let m = 0; m < M; m++) {
    const count = perMunicipality.get(municipalities[m]) ?? 0;
    for (let t = 0; t < T; t++) {
      const k = Math.min(count, Math.max(0, tables[t].seats));
      for (let j = 0; j < k; j++) flow.add(firstMT + m * T + t, firstT + t, 1, j * SAME_MUNICIPALITY);
    }
  }
  for (let t = 0; t < T; t++) flow.add(firstT + t, sink, Math.max(0, tables[t].seats), 0);
  flow.add(unseated, sink, n, 0);
  flow.run(source, sink);

  const assignments = participants.map((p, i) => {
    const used = choiceEdges[i].find((c) => flow.edges[c.edge].cap === 0);
    if (!used) return { participantId: p.id, tableId: null, rank: null };
    const r = p.preferences.indexOf(tables[used.table].id);
    return { participantId: p.id, tableId: tables[used.table].id, rank: r >= 0 ? r + 1 : null };
  });
  return { assignments, score: scoreAssignment(tables, participants, assignments) };
}

/** Scores any seating (the algorithm's or the organiser's hand-adjusted one) the same way. */
export function scoreAssignment(
  _tables: readonly AssignmentTable[],
  participants: readonly AssignmentParticipant[],
  assignments: ReadonlyArray<{ participantId: string; tableId: string | null }>,
): TableAssignmentScore {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const maxPrefs = Math.max(0, ...participants.map((p) => p.preferences.length));
  const byRank = new Array<number>(maxPrefs).fill(0);
  let assigned = 0;
  let outsidePreferences = 0;
  const atTable = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    const p = byId.get(a.participantId);
    if (!p || a.tableId === null) continue;
    assigned++;
    const r = p.preferences.indexOf(a.tableId);
    if (r >= 0) byRank[r]++;
    else if (p.preferences.length > 0) outsidePreferences++;
    const counts = atTable.get(a.tableId) ?? new Map<string, number>();
    counts.set(p.municipalityId, (counts.get(p.municipalityId) ?? 0) + 1);
    atTable.set(a.tableId, counts);
  }
  let sameMunicipalityPairs = 0;
  for (const counts of atTable.values())
    for (const c of counts.values()) sameMunicipalityPairs += Math.max(0, c - 1);
  const withPreferences = participants.filter((p) => p.preferences.length > 0).length;
  const firstChoice = byRank[0] ?? 0;
  return {
    participants: participants.length,
    assigned,
    unassigned: participants.length - assigned,
    firstChoice,
    withPreferences,
    firstChoiceShare: withPreferences === 0 ? 1 : firstChoice / withPreferences,
    byRank,
    outsidePreferences,
    sameMunicipalityPairs,
  };
}
