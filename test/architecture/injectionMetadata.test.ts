import { describe, expect, it } from 'vitest';
import { Engine } from '../../core/index.js';
import { IncidentService } from '../../core/runtime/IncidentService.js';
import { OutboxDispatcher } from '../../core/runtime/OutboxDispatcher.js';
import { TimerService } from '../../core/timers/TimerService.js';

// STACK.md pitfall 5: tsyringe injects by the constructor's `design:paramtypes`. If the
// transformer (Vite's Oxc here, tsc for the build) stops emitting decorator metadata,
// injection fails at run time; this canary fails first, and loudly.
describe('decorator metadata (canary)', () => {
  it.each([
    ['Engine', Engine],
    ['OutboxDispatcher', OutboxDispatcher],
    ['TimerService', TimerService],
    ['IncidentService', IncidentService],
  ] as const)('%s has design:paramtypes for every constructor parameter', (_name, service) => {
    const types = Reflect.getMetadata('design:paramtypes', service) as unknown[] | undefined;
    expect(types).toBeDefined();
    expect(service.length).toBeGreaterThan(0);
    expect(types).toHaveLength(service.length);
  });
});
