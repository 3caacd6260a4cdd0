import { describe, expect, it } from 'vitest';
import { cliInvocation } from '../../../main/shell/appCli.ts';

describe('the app binary as the stillroom command', () => {
  it('finds the command after Chromium switches, with its own arguments after it', () => {
    expect(cliInvocation(['--ozone-platform=headless', '--no-sandbox', 'hash-pin', '--data', '/var/lib/stillroom'], { packaged: true })).toEqual({ command: 'hash-pin', args: ['--data', '/var/lib/stillroom'] });
    expect(cliInvocation(['serve', '--config=/etc/stillroom/office.yaml'], { packaged: true })).toEqual({ command: 'serve', args: ['--config=/etc/stillroom/office.yaml'] });
  });

  it('the development binary is given the app folder first', () => {
    expect(cliInvocation(['.', 'hash-pin'], { packaged: false })).toEqual({ command: 'hash-pin', args: [] });
    expect(cliInvocation(['--inspect=0', '.', '--data=/tmp/x'], { packaged: false })).toBeNull();
  });

  it('starting the app as the app is not a command, whatever its options say', () => {
    expect(cliInvocation([], { packaged: true })).toBeNull();
    expect(cliInvocation(['--windows=kiosk', '--config', 'office.yaml'], { packaged: true })).toBeNull();
    expect(cliInvocation(['--hub', 'http://hub.local:4280'], { packaged: true })).toBeNull();
  });
});
