/** The practice chooses the kiosk's languages and its default in office.yaml (issue 12). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { tempDir } from '../support/tempDir.ts';

const office = (kiosk: string) => `practice: { name: Test Practice }
rooms:
  - { id: willow, name: Willow room }
clinicians:
  - { id: sam, displayName: Sam, colour: sage, symbol: leaf, room: willow }
${kiosk}
`;

function load(text: string) {
  const file = join(tempDir('data'), 'office.yaml');
  writeFileSync(file, text);
  return loadOfficeConfig(file);
}

function refusal(text: string): string {
  try {
    load(text);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('kiosk languages in office.yaml', () => {
  it('offers all eight, English first by default', () => {
    const config = load(office(''));
    expect(config.kiosk.languages).toEqual(['en', 'es', 'zh-Hans', 'vi', 'ar', 'pl', 'uk', 'pt']);
    expect(config.kiosk.defaultLanguage).toBe('en');
  });

  it("keeps the practice's own choice and order", () => {
    const config = load(office('kiosk:\n  languages: [es, en, ar]\n  defaultLanguage: es'));
    expect(config.kiosk.languages).toEqual(['es', 'en', 'ar']);
    expect(config.kiosk.defaultLanguage).toBe('es');
  });

  it('names an unknown code and the codes it could be', () => {
    expect(refusal(office('kiosk:\n  languages: [en, fr]'))).toBe('office.yaml:7: kiosk.languages[1]: expected one of en, es, zh-Hans, vi, ar, pl, uk, pt');
    expect(refusal(office('kiosk:\n  defaultLanguage: zh'))).toBe('office.yaml:7: kiosk.defaultLanguage: expected one of en, es, zh-Hans, vi, ar, pl, uk, pt');
  });

  it('refuses a default the kiosk does not offer, and an empty list', () => {
    expect(refusal(office('kiosk:\n  languages: [en, es]\n  defaultLanguage: ar'))).toMatch(/kiosk\.defaultLanguage: "ar" is not among kiosk\.languages \(en, es\)/);
    expect(refusal(office('kiosk:\n  languages: []'))).toBe('office.yaml:7: kiosk.languages: list at least 1');
  });
});
