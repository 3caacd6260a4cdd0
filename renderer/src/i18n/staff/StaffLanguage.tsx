/**
 * The desk's and room screens' language (issue 12): the practice's `practice.language`, read from
 * the hub's `staffSetup` before the PIN page, so every staff word (the PIN page included) is in
 * it. Words that come from the hub itself (refusals, the last change, a delivery problem, a
 * room's setup problems) stay in English for now; README "Languages" says so.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { Arrival, ArrivalStatus, ChangeFacts, ComfortWish, Slot } from '../../../../main/contract/contract.ts';
import { languages, type StaffLanguageCode } from '../../../../main/contract/languages.ts';
import { slotWords } from '../../../../main/contract/slots.ts';
import type { Bridge } from '../../transport/bridge.ts';
import { slotLabel } from '../../common/words.ts';
import { staffCatalogues, type StaffMessageId } from './catalogues.ts';

/** How often a staff screen that opened while the hub was away asks for the language again. */
const awayRetryMs = 3_000;

/** The practice's language for the staff screen inside; English until the hub has said (or while it is away). */
export function StaffLanguage({ bridge, children }: { bridge: Bridge; children: ReactNode }) {
  const [language, setLanguage] = useState<StaffLanguageCode | null>(null);
  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await bridge.call('staffSetup', {});
      if (stopped) return;
      if (result.ok) return setLanguage(result.value.language);
      setLanguage((current) => current ?? 'en');
      if (result.error.code === 'unavailable') retry = setTimeout(() => void ask(), awayRetryMs);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(retry);
    };
  }, [bridge]);
  // Nothing until the language is known (one short call), so a Spanish desk never flashes English.
  if (!language) return null;
  return <StaffWordsIn language={language}>{children}</StaffWordsIn>;
}

/** The staff words in one language, and the document's lang and dir to match. */
export function StaffWordsIn({ language, children }: { language: StaffLanguageCode; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = languages[language].dir;
  }, [language]);
  return (
    <IntlProvider locale={language} defaultLocale="en" messages={staffCatalogues[language]}>
      {children}
    </IntlProvider>
  );
}

/** `t(id, values)` in the staff screen's language. */
export type StaffT = (id: StaffMessageId, values?: Record<string, string | number>) => string;

/** The staff words, and the few phrases built from them that several screens share. */
export function useStaffWords() {
  const intl = useIntl();
  const t: StaffT = (id, values) => intl.formatMessage({ id }, values);
  /** A message with parts that are elements (such as a command in <code>). */
  const rich = (id: StaffMessageId, values: Record<string, ReactNode>) => intl.formatMessage({ id }, values);
  return { t, rich, ...sharedWords(t, (names) => intl.formatList(names, { type: 'conjunction' })) };
}
export type StaffWords = ReturnType<typeof useStaffWords>;

function sharedWords(t: StaffT, list: (names: string[]) => string) {
  return {
    /** "1 minute", "12 minutes". */
    minutes: (count: number) => t('common.minutes', { count }),
    /** "Your 2:30 client", "Sam’s client": only whose client and the slot, as a locked phone may show (privacy rule 4). */
    client: (arrival: Pick<Arrival, 'slot'>, owner: string | null) => {
      const time = arrival.slot.kind === 'at' ? slotWords(arrival.slot) : null;
      if (owner === null) return time ? t('client.yoursAt', { time }) : t('client.yours');
      return time ? t('client.theirsAt', { owner, time }) : t('client.theirs', { owner });
    },
    wish: (wish: ComfortWish) => t(`wish.${wish}`),
    status: (status: ArrivalStatus) => t(`status.${status}`),
    /** A slot as a button or cell says it: the time in this device's clock, or "Later today". */
    slot: (slot: Slot) => (slot.kind === 'later' ? t('slot.later') : slot.kind === 'unsure' ? t('slot.unsure') : slotLabel(slot)),
    /** "Sam and Ana", "Sam, Ana and Noor", in the language's own way. */
    list,
    /**
     * The desk's last change in the practice's language, from its facts: "marking Sam's 2:30
     * client with clinician" (the same words as the hub's English `description`). `name` turns a
     * clinician's id into the name the board shows.
     */
    change: ({ kind, owner, slot, to, status }: ChangeFacts, name: (clinicianId: string) => string) => {
      const time = slot.kind === 'at' ? slotWords(slot) : null;
      const client =
        owner === null ? (time ? t('change.deskClientAt', { time }) : t('change.deskClient')) : time ? t('change.clientAt', { owner: name(owner), time }) : t('change.client', { owner: name(owner) });
      return t(`change.${kind}`, { client, to: to === null ? t('change.frontDesk') : name(to), status: t(`status.${status}`) });
    },
  };
}
