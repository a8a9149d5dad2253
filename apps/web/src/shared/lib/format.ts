/**
 * Formatting of numbers and plan items for people: probabilities, likelihood
 * factors, doses, and what a plan item asks the runner to do.
 */
import type { PlanDose, PlanItem } from '../api/types.js';
import { formatDistance, type DistanceUnit } from './units.js';

/** A probability in [0, 1] as a whole percentage; the extremes say "under 1%" and "over 99%". */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return '–';
  const pct = p * 100;
  if (pct > 0 && pct < 1) return 'under 1%';
  if (pct < 100 && pct > 99) return 'over 99%';
  return `${Math.round(pct)}%`;
}

/** A likelihood ratio as a multiplier: "×2.5", "×0.4", "×1.25". */
export function formatFactor(factor: number): string {
  const rounded = factor >= 10 ? Math.round(factor * 10) / 10 : Math.round(factor * 100) / 100;
  return `×${rounded}`;
}

/** How one step moved a probability, for screen readers and the table: "raises", "lowers" or "does not change". */
export function factorDirection(factor: number): 'raises' | 'lowers' | 'does not change' {
  return factor > 1 ? 'raises' : factor < 1 ? 'lowers' : 'does not change';
}

/** A dose: "2 sets of 10 each side", "3 sets of 30 s holds", "20 min". */
export function formatDose(dose: PlanDose): string {
  const side = dose.perSide ? ' each side' : '';
  const sets = `${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'}`;
  if (dose.reps !== undefined && dose.holdSeconds !== undefined) {
    return `${sets} of ${dose.reps}${side}, hold ${dose.holdSeconds} s`;
  }
  if (dose.reps !== undefined) return `${sets} of ${dose.reps}${side}`;
  if (dose.holdSeconds !== undefined) return `${sets} of ${dose.holdSeconds} s holds${side}`;
  if (dose.minutes !== undefined) return `${dose.minutes} min`;
  return sets;
}

/** What a plan item asks, in one line. */
export function formatPlanItem(item: PlanItem, unit: DistanceUnit): string {
  switch (item.kind) {
    case 'exercise':
      return `${item.name}: ${formatDose(item.dose)}`;
    case 'run': {
      const parts = [item.long ? 'Long run' : 'Run', formatDistance(item.distanceKm, unit)];
      const notes = [item.effort === 'easy' ? 'easy effort' : 'steady effort'];
      if (item.flatOnly) notes.push('flat route');
      return `${parts.join(' ')}, ${notes.join(', ')}`;
    }
    case 'run_walk':
      return item.walkMinutes === 0
        ? `Run ${item.runMinutes} min continuously (return-to-run phase ${item.phase})`
        : `Run/walk: ${item.repeats} × (walk ${item.walkMinutes} min, run ${item.runMinutes} min) (return-to-run phase ${item.phase})`;
    case 'walk':
      return `Brisk walk, ${item.minutes} min`;
    case 'cross_train':
      return `Instead of running, ${item.minutes} min of ${item.activities.join(', or ')}`;
  }
}
