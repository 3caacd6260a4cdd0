import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { tempDir } from '../support/tempDir.ts';

const demoConfig = join(import.meta.dirname, '../../config/demo-office.yaml');

const validOffice = `
practice: { name: Test Practice }
rooms:
  - { id: willow, name: Willow room }
clinicians:
  - { id: sam, displayName: Sam, colour: sage, symbol: leaf, room: willow }
  - { id: noor, displayName: Noor, colour: sky, symbol: wave }
  - { id: jules, displayName: Jules, colour: clay, symbol: sun }
`;

/** Writes `text` as office.yaml in a fresh folder and loads it; returns the ConfigError it throws. */
function configErrorFor(text: string): ConfigError {
  try {
    loadOfficeConfig(writeOffice(text));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('office configuration', () => {
  it('loads the demo office with its clinicians, rooms and defaults', () => {
    const config = loadOfficeConfig(demoConfig);
    expect(config.practice.name).toBe('Willow Street Practice');
    expect(config.clinicians.map((c) => c.id)).toEqual(['sam', 'noor', 'jules', 'ana']);
    expect([...config.clinicians[0]!.days].sort()).toEqual(['fri', 'mon', 'sat', 'sun', 'thu', 'tue', 'wed']);
    expect(config.privacy.retention).toBe('end-of-day');
    expect(config.staff.pinHash).toMatch(/^scrypt\$/);
  });

  it('accepts a minimal office and fills in the defaults', () => {
    const config = loadOfficeConfig(writeOffice(validOffice));
    expect(config.kiosk).toEqual({ askAppointmentTime: true, offerComfortWishes: true, idleSeconds: 15, stillThereSeconds: 20, confirmationSeconds: 4, confirmationNamesClinician: true, slotMinutes: 30, requestDeadlineSeconds: 6, languages: ['en', 'es', 'zh-Hans', 'vi', 'ar', 'pl', 'uk', 'pt'], defaultLanguage: 'en', waitingActivities: ['breathing', 'grounding', 'rest'], waitingIdleSeconds: 300, checkInsPerMinute: { eachKiosk: 10, allKiosks: 40 } });
    expect(config.desk).toEqual({ gentleWaitMinutes: 10, longWaitMinutes: 20, chime: true });
  });

  it('names the allowed colours when a clinician has an unknown one', () => {
    const error = configErrorFor(validOffice.replace('colour: clay', 'colour: teal'));
    expect(error.message).toBe('office.yaml:8: clinicians[2].colour: expected one of sage, clay, sky, sand, plum, moss, dusk, stone');
  });

  it('names the line of the wrong value, of a misspelt key and of the entry missing a field, in block style too', () => {
    const blockOffice = [
      'practice:',
      '  name: Test Practice',
      'clinicians:',
      '  - id: sam',
      '    displayName: Sam',
      '    symbol: leaf',
      '    colour: teal',
      '  - id: noor',
      '    colour: sky',
      '    symbol: wave',
      'kiosk:',
      '  idleSeconds: 30',
      '  idleSecond: 30',
      '',
    ].join('\n');
    expect(configErrorFor(blockOffice).message.split('\n')).toEqual([
      'office.yaml:7: clinicians[0].colour: expected one of sage, clay, sky, sand, plum, moss, dusk, stone',
      'office.yaml:8: clinicians[1].displayName: this is required',
      'office.yaml:13: kiosk.idleSecond: is not a known field (check the spelling)',
    ]);
  });

  it('says a required field is missing', () => {
    const error = configErrorFor(validOffice.replace('practice: { name: Test Practice }', ''));
    expect(error.message).toBe('office.yaml: practice: this is required');
  });

  it('says a missing field inside a clinician is required', () => {
    const error = configErrorFor(validOffice.replace('displayName: Noor, ', ''));
    expect(error.message).toBe('office.yaml:7: clinicians[1].displayName: this is required');
  });

  it('points at a misspelt key instead of ignoring it', () => {
    const error = configErrorFor(`${validOffice}kiosk: { idleSecond: 30 }\n`);
    expect(error.message).toBe('office.yaml:9: kiosk.idleSecond: is not a known field (check the spelling)');
  });

  it('says which type was expected when a value has the wrong type', () => {
    const error = configErrorFor(`${validOffice}kiosk: { idleSeconds: soon }\n`);
    expect(error.message).toBe('office.yaml:9: kiosk.idleSeconds: expected number');
  });

  it('gives the line of invalid YAML', () => {
    const error = configErrorFor('practice:\n  name: Test\nclinicians:\n\t- sam\n');
    expect(error.message).toBe('office.yaml:4: column 1: this is not valid YAML (Tabs are not allowed as indentation)');
  });

  it('refuses two clinicians with the same id', () => {
    const error = configErrorFor(validOffice.replace('id: jules', 'id: sam'));
    expect(error.message).toBe('office.yaml:8: clinicians[2].id: "sam" is used by another clinician');
  });

  it('refuses a clinician whose room does not exist', () => {
    const error = configErrorFor(validOffice.replace('symbol: wave }', 'symbol: wave, room: cedar }'));
    expect(error.message).toBe('office.yaml:7: clinicians[1].room: no room has the id "cedar"');
  });

  it('lists every problem, one line each', () => {
    const error = configErrorFor(validOffice.replace('displayName: Noor, ', '').replace('colour: clay', 'colour: teal'));
    expect(error.message.split('\n')).toEqual([
      'office.yaml:7: clinicians[1].displayName: this is required',
      'office.yaml:8: clinicians[2].colour: expected one of sage, clay, sky, sand, plum, moss, dusk, stone',
    ]);
  });

  it('says so when the file does not exist', () => {
    const missing = join(tempDir('data'), 'office.yaml');
    expect(() => loadOfficeConfig(missing)).toThrow(new ConfigError(missing, ['the file does not exist']));
    expect(() => loadOfficeConfig(missing)).toThrow(/^office\.yaml: the file does not exist$/);
  });

  it('never puts a stack trace or code location in the message', () => {
    const error = configErrorFor('practice: [\n');
    expect(error.message).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  });
});

function writeOffice(text: string): string {
  const file = join(tempDir('data'), 'office.yaml');
  writeFileSync(file, text);
  return file;
}
