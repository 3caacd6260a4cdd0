/** The practice's kiosk choices in office.yaml (issue 12): its languages and default, and what it offers for the wait. */
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

describe('kiosk waiting activities and practice information', () => {
  it('offers all three activities and no practice information by default', () => {
    const { kiosk } = load(office(''));
    expect(kiosk.waitingActivities).toEqual(['breathing', 'grounding', 'rest']);
    expect(kiosk.waitingIdleSeconds).toBe(300);
    expect(kiosk.practiceInfo).toBeUndefined();
  });

  it("keeps the practice's choice and order, and none at all", () => {
    expect(load(office('kiosk:\n  waitingActivities: [rest, grounding]')).kiosk.waitingActivities).toEqual(['rest', 'grounding']);
    expect(load(office('kiosk:\n  waitingActivities: []')).kiosk.waitingActivities).toEqual([]);
  });

  it('takes wifi, water and restroom, each optional', () => {
    const { kiosk } = load(office('kiosk:\n  practiceInfo:\n    wifi: { network: WillowGuest, password: calm-waters-42 }\n    restroom: "Down the hall, second door on the left"'));
    expect(kiosk.practiceInfo).toEqual({ wifi: { network: 'WillowGuest', password: 'calm-waters-42' }, restroom: 'Down the hall, second door on the left' });
  });

  it('refuses an unknown activity, a repeated one and a too-short idle, in words', () => {
    expect(refusal(office('kiosk:\n  waitingActivities: [breathing, yoga]'))).toMatch(/waitingActivities\[1\]: expected one of breathing, grounding, rest|waitingActivities\[1\].*breathing.*grounding.*rest/);
    expect(refusal(office('kiosk:\n  waitingActivities: [rest, rest]'))).toContain('list each activity once');
    expect(refusal(office('kiosk:\n  waitingIdleSeconds: 10'))).toMatch(/waitingIdleSeconds/);
  });

  it('refuses practice information that would not read well on the kiosk', () => {
    expect(refusal(office('kiosk:\n  practiceInfo: { water: "" }'))).toContain('kiosk.practiceInfo.water: must not be empty');
    expect(refusal(office(`kiosk:\n  practiceInfo: { water: "${'x'.repeat(121)}" }`))).toContain('kiosk.practiceInfo.water: at most 120 characters');
    expect(refusal(office('kiosk:\n  practiceInfo: { restroom: "Left\\nthen right" }'))).toContain('plain text on one line');
    // A misspelt or unknown part is named, not silently dropped.
    expect(refusal(office('kiosk:\n  practiceInfo: { parking: "Behind the building" }'))).toMatch(/parking/);
  });
});

describe("the staff screens' language in office.yaml (practice.language)", () => {
  const withLanguage = (language: string) => office('').replace('practice: { name: Test Practice }', `practice: { name: Test Practice, language: ${language} }`);

  it('is English unless the practice chooses, and may be Spanish', () => {
    expect(load(office('')).practice.language).toBe('en');
    expect(load(withLanguage('es')).practice.language).toBe('es');
  });

  it('refuses a language the staff screens do not speak yet, saying which they do and where the kiosk’s are', () => {
    expect(refusal(withLanguage('ar'))).toBe(
      "office.yaml:1: practice.language: the staff screens speak en or es so far: choose one of those (the kiosk's own languages are kiosk.languages)",
    );
  });
});
