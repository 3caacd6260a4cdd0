/**
 * Runs every benchmark in turn and prints its table: `npm run bench`, or after a build,
 * `node --import tsx bench/run.ts`. Add a benchmark by adding it to the list.
 */
import { benchAmbience } from './ambience.ts';
import { benchCheckins } from './checkins.ts';
import { benchKioskMotion } from './kioskMotion.ts';
import { benchMqtt } from './mqtt.ts';
import { formatReport, type BenchReport } from './report.ts';
import { benchSounds } from './sounds.ts';

const benchmarks: (() => Promise<BenchReport>)[] = [benchCheckins, benchAmbience, benchMqtt, benchKioskMotion, benchSounds];

for (const bench of benchmarks) {
  process.stdout.write(`${formatReport(await bench())}\n\n`);
}
