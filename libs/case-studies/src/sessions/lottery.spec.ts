import { drawLottery, seededUint32, shuffleWithSeed } from './lottery';

describe('lottery', () => {
  const people = Array.from({ length: 50 }, (_, i) => `p${i}`);

  it('is reproducible from its seed', () => {
    expect(shuffleWithSeed(people, 'seed-1')).toEqual(shuffleWithSeed(people, 'seed-1'));
    expect(shuffleWithSeed(people, 'seed-1')).not.toEqual(shuffleWithSeed(people, 'seed-2'));
    const a = seededUint32('x');
    const b = seededUint32('x');
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('returns a permutation', () => {
    const out = shuffleWithSeed(people, 'abc');
    expect([...out].sort()).toEqual([...people].sort());
  });

  it('draws winners and a waitlist in drawn order', () => {
    const { winners, waitlist } = drawLottery(people, 20, 'draw');
    expect(winners).toHaveLength(20);
    expect(waitlist).toHaveLength(30);
    expect([...winners, ...waitlist]).toEqual(shuffleWithSeed(people, 'draw'));
    expect(drawLottery(people.slice(0, 5), 20, 'draw').winners).toHaveLength(5);
  });

  it('gives everyone about the same chance (each position roughly uniform over many seeds)', () => {
    const n = 5;
    const runs = 20000;
    const wins = new Array(n).fill(0);
    const firstPlace = new Array(n).fill(0);
    const items = Array.from({ length: n }, (_, i) => i);
    for (let s = 0; s < runs; s++) {
      const { winners } = drawLottery(items, 2, `seed-${s}`);
      for (const w of winners) wins[w]++;
      firstPlace[winners[0]]++;
    }
    // Expected 2/5 of runs each; 3% tolerance is > 10 standard deviations here.
    for (const w of wins) expect(Math.abs(w / runs - 0.4)).toBeLessThan(0.03);
    for (const f of firstPlace) expect(Math.abs(f / runs - 0.2)).toBeLessThan(0.03);
  });

  it('does not favour arrival order', () => {
    const arrivals = Array.from({ length: 10 }, (_, i) => i);
    let earlyWins = 0;
    const runs = 5000;
    for (let s = 0; s < runs; s++) {
      earlyWins += drawLottery(arrivals, 5, `s${s}`).winners.filter((x) => x < 5).length;
    }
    expect(Math.abs(earlyWins / (runs * 5) - 0.5)).toBeLessThan(0.03);
  });
});
