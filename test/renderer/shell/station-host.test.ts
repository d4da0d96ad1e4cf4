import { describe, expect, it } from 'vitest';
import { VisitorEventSchema } from '../../../electron/bridge/contract.js';
import { stampStationEvent } from '../../../renderer/shell/station-host.js';
import type { StationEvent } from '../../../scenes/station.js';

describe('stampStationEvent', () => {
  it("stamps the station's own id on what a station records", () => {
    const stamped = stampStationEvent({ type: 'story-start', scenarioId: 'otp-bank' }, 'scam');
    expect(stamped).toEqual({ type: 'story-start', scenarioId: 'otp-bank', sceneId: 'scam' });
    expect(() => VisitorEventSchema.parse({ ...stamped, sessionId: crypto.randomUUID() })).not.toThrow();
  });

  it('never lets a station speak for another station', () => {
    const sneaky = { type: 'pledge', pledgeId: 'p1', sceneId: 'other' } as unknown as StationEvent;
    expect(stampStationEvent(sneaky, 'pledge')).toMatchObject({ sceneId: 'pledge' });
  });

  it('refuses session, language and enter/leave events from a station', () => {
    for (const type of ['session-start', 'session-end', 'language', 'scene-enter', 'scene-leave']) {
      expect(stampStationEvent({ type } as unknown as StationEvent, 'scam')).toBeNull();
    }
  });
});
