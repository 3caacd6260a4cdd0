/** vitest's `globalSetup`: the run's own temp folder, checked at the end (`tempRoot.ts`). */
import { useTempRoot } from './tempRoot.ts';

export default function setup(): () => void {
  return useTempRoot('vitest');
}
