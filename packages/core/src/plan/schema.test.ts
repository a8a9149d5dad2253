import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ZPlan } from './schema.js';
import type { Plan } from './types.js';

describe('ZPlan', () => {
  it('reads back exactly the `Plan` type', () => {
    expectTypeOf<z.output<typeof ZPlan>>().toExtend<Plan>();
    expectTypeOf<Plan>().toExtend<z.output<typeof ZPlan>>();
  });
});
