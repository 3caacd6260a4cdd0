/**
 * Run as its own process by officeFile.test.ts: opens the office file given as the first argument
 * and adds a clinician, but kills itself (SIGKILL, no clean-up of any kind) once the new version
 * is on disk under its temporary name and before the rename: the worst moment for a crash.
 */
import { openOfficeFile } from '../../../main/hub/config/officeFile.ts';
import { putClinician } from '../../../main/hub/config/officeEdits.ts';
import { silentLog } from '../../../main/hub/log.ts';

const office = openOfficeFile(process.argv[2]!, {
  log: silentLog,
  beforeRename: () => {
    process.stdout.write('written, not renamed\n');
    process.kill(process.pid, 'SIGKILL');
  },
});
office.change((document) =>
  putClinician(document, { id: 'ash', displayName: 'Ash', colour: 'moss', symbol: 'sun', room: null, days: ['mon'], push: null, cueLight: null, escalateAfterMinutes: null }, true),
);
