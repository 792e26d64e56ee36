/**
 * Preloaded into the API process by the benches when profiling (`npm run bench:profile`, or any bench with
 * BENCH_PROFILE_CONTROL set); nothing else loads it. It profiles only the window the bench measures, not the
 * start-up: the bench writes `{"action":"start"}` or `{"action":"stop","out":"…cpuprofile"}` to the control
 * file and sends SIGUSR2; the probe starts or stops V8's sampling profiler (node:inspector, in-process) and
 * answers by writing `<control>.done` with the action it completed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const control = process.env.BENCH_PROFILE_CONTROL;
if (control) {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))),
    );
  const done = (answer: object) => {
    writeFileSync(`${control}.done.tmp`, JSON.stringify(answer));
    renameSync(`${control}.done.tmp`, `${control}.done`);
  };
  process.on('SIGUSR2', () => {
    const order = JSON.parse(readFileSync(control, 'utf8')) as { action: string; out?: string; id: number };
    const run = async () => {
      if (order.action === 'start') {
        await post('Profiler.enable');
        // 200 µs: fine enough for requests of a few ms, cheap enough not to change them much.
        await post('Profiler.setSamplingInterval', { interval: 200 });
        await post('Profiler.start');
      } else {
        const { profile } = await post<{ profile: object }>('Profiler.stop');
        writeFileSync(order.out as string, JSON.stringify(profile));
      }
      done({ id: order.id, ok: true });
    };
    run().catch((e: unknown) => done({ id: order.id, ok: false, error: String(e) }));
  });
}
